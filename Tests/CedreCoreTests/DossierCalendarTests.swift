import CedreCore
import CedreTestSupport
import Testing

/// A dossier's calendar, computed once after its last fact, answers every later day as the
/// rules evaluated on that day do: here for a CEDRE ISO group, whose sites read the group's
/// context (rule 8's regrading) and whose rule 13 notices come from the central function.
@Suite struct DossierCalendarTests {
    let central = CertificationKey.cedreISO("national")
    let sites: [CertificationKey] = [.cedreISO("site-a"), .cedreISO("site-b"), .cedreISO("site-c")]

    /// The group certified on 2013-12-12; in October 2014 a minor at each site, which rule 8
    /// regrades major with a deadline of 2014-12-30, and a surveillance of the central
    /// function planned before any site is cross-audited again (rule 13).
    private func network() throws -> Network {
        var network = Network(catalog: .bundled)
        for id in ["national", "site-a", "site-b", "site-c"] {
            try network.apply(.memberAdded(.sample(MemberID(rawValue: id)), joined: nil), on: "2012-01-01")
        }
        try network.apply(.certificationEngaged(central), on: "2012-06-01")
        for (index, site) in sites.enumerated() {
            let audit = AuditID(rawValue: "A-2013-010\(index)")
            try network.apply(.membershipApplied(site), on: "2013-03-01")
            try network.apply(.auditPlanned(site, audit, kind: .crossAudit, scheduledOn: "2013-09-10", auditors: []), on: "2013-06-01")
            try network.apply(.auditConducted(site, audit), on: "2013-09-10")
        }
        try network.apply(.auditPlanned(central, "A-2013-0001", kind: .initial, scheduledOn: "2013-11-12", auditors: []), on: "2013-09-01")
        try network.apply(.auditConducted(central, "A-2013-0001"), on: "2013-11-12")
        try network.apply(.certificationDecided(central), on: "2013-12-12")
        for site in sites { try network.apply(.membershipJoined(site), on: "2013-12-12") }
        for (index, site) in sites.enumerated() {
            let audit = AuditID(rawValue: "A-2014-000\(index + 1)")
            let day = Day("2014-10-01").adding(days: index)
            try network.apply(.auditPlanned(site, audit, kind: .surveillance, scheduledOn: day, auditors: []), on: day.adding(days: -30))
            try network.apply(.auditConducted(site, audit), on: day)
            let finding = FindingID(rawValue: "F-2014-000\(index + 1)")
            try network.apply(.findingRaised(site, finding, audit: audit, grade: "minor", requirement: "8.2", statement: ""), on: day)
        }
        try network.apply(
            .auditPlanned(central, "A-2014-0100", kind: .surveillance, scheduledOn: "2014-11-20", auditors: []), on: "2014-10-10")
        return network
    }

    @Test func eachDayAfterTheLastFactReadsAsTheRulesOfThatDay() throws {
        let network = try network()
        let regraded = network.findingStatuses(of: sites[0], on: "2014-12-31").first
        #expect(regraded?.grade == "major" && regraded?.isOverdue == true)
        var seen: Set<NoticeRule> = []
        var differences: [String] = []
        for key in [central] + sites {
            let calendar = try #require(network.calendar(of: key))
            #expect(calendar.from == "2014-10-10")
            var day = calendar.from
            while day <= "2015-06-30" {
                for horizon in [0, 60] {
                    let expected = Set(network.notices(of: key, on: day, horizon: horizon))
                    let stored = Set(calendar.notices(on: day, horizon: horizon))
                    if stored != expected {
                        differences.append("\(key.member) on \(day) (horizon \(horizon)): \(stored.symmetricDifference(expected).map(\.rule))")
                    }
                    seen.formUnion(expected.map(\.rule))
                }
                day = day.adding(days: 1)
            }
        }
        #expect(differences.isEmpty, "\(differences.count) days differ, first: \(differences.prefix(3))")
        #expect(seen.isSuperset(of: [.majorFindingOverdue, .minorFindingEscalated, .crossAuditMissing, .dueSoon, .auditNotHeld]), "\(seen)")
    }
}
