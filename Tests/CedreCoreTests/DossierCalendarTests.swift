import CedreCore
import CedreTestSupport
import Testing

/// A dossier's calendar, computed once after its last fact, answers every later day as the
/// rules evaluated on that day do: for a CEDRE ISO group, whose sites read the group's context
/// (rule 8's regrading) and whose rule 13 notices come from the central function, and for a
/// single site beside it, in a set story and in random ones.
@Suite struct DossierCalendarTests {
    let central = GroupScenario.central
    let sites = GroupScenario.sites

    /// The group certified on 2013-12-12; in October 2014 a minor at each site, which rule 8
    /// regrades major with a deadline of 2014-12-30, and a surveillance of the central
    /// function planned before any site is cross-audited again (rule 13).
    private func network() throws -> Network {
        var network = try GroupScenario.certified()
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
        #expect(([central] + sites).allSatisfy { network.calendar(of: $0)?.from == "2014-10-10" })
        var seen: Set<NoticeRule> = []
        let differences = try differences(in: network, keys: [central] + sites, through: "2015-06-30", horizons: [0, 60], seen: &seen)
        #expect(differences.isEmpty, "\(differences.count) days differ, first: \(differences.prefix(3))")
        #expect(seen.isSuperset(of: [.majorFindingOverdue, .minorFindingEscalated, .crossAuditMissing, .dueSoon, .auditNotHeld]), "\(seen)")
    }

    // MARK: Random stories

    private static let solo = CertificationKey.cedre("solo")

    /// Random stories after the group's certification and a single site's (three seeds): audits
    /// planned, held or left pending, minors and majors raised, answered or left open,
    /// cross-audits, a site suspended and reinstated, over a year or two; each calendar is read
    /// on every day from its first to past the group certificate's expiry (2016-12-11).
    @Test func randomStoriesReadAsTheRulesOfEachDay() throws {
        var seen: Set<NoticeRule> = []
        for seed in 0..<3 as Range<UInt64> {
            let network = try randomStory(seed: seed)
            let differences = try differences(
                in: network, keys: [central, Self.solo] + sites, through: "2017-01-31", horizons: [60], seen: &seen)
            #expect(differences.isEmpty, "seed \(seed): \(differences.count) differ, first: \(differences.prefix(3))")
        }
        let rules: Set<NoticeRule> = [
            .surveillanceOverdue, .recertificationNotPlanned, .certificateExpired, .majorFindingOverdue,
            .minorFindingEscalated, .crossAuditMissing, .dueSoon, .auditNotHeld,
        ]
        #expect(seen.isSuperset(of: rules), "\(rules.subtracting(seen))")
    }

    /// The group and a single site beside it, then fourteen random steps; a fact the rules
    /// refuse is left out.
    private func randomStory(seed: UInt64) throws -> Network {
        var random = SeededGenerator(seed: seed)
        var network = try network()
        try network.apply(.memberAdded(.sample("solo"), joined: nil), on: "2012-01-01")
        try network.apply(.certificationEngaged(Self.solo), on: "2013-01-10")
        try network.apply(
            .auditPlanned(Self.solo, "A-2013-0500", kind: .initial, scheduledOn: "2013-03-01", auditors: []), on: "2013-01-20")
        try network.apply(.auditConducted(Self.solo, "A-2013-0500"), on: "2013-03-01")
        try network.apply(.certificationDecided(Self.solo), on: "2013-05-02")
        var day: Day = "2014-10-10"
        var pending: [(key: CertificationKey, id: AuditID, on: Day)] = []
        var findings: [(key: CertificationKey, id: FindingID)] = []
        for step in 0..<14 {
            day = day.adding(days: Int.random(in: 5...60, using: &random))
            let key = ([central, Self.solo] + sites).randomElement(using: &random)!
            let number = String(format: "%04d", 600 + step)
            switch Int.random(in: 0..<7, using: &random) {
            case 0, 1:
                let audit = AuditID(rawValue: "A-\(day.year)-\(number)")
                let kind: Audit.Kind = sites.contains(key) ? [.surveillance, .crossAudit].randomElement(using: &random)! : .surveillance
                let on = day.adding(days: Int.random(in: 10...40, using: &random))
                try? network.apply(.auditPlanned(key, audit, kind: kind, scheduledOn: on, auditors: []), on: day)
                pending.append((key, audit, on))
            case 2:
                guard let index = pending.indices.randomElement(using: &random) else { continue }
                let audit = pending.remove(at: index)
                try? network.apply(.auditConducted(audit.key, audit.id), on: max(day, audit.on))
            case 3, 4:
                let held = network.dossiers.values.flatMap { dossier in
                    dossier.audits.filter { $0.conductedOn != nil && $0.kind != .crossAudit }.map { (dossier.key, $0) }
                }
                guard let (owner, audit) = held.randomElement(using: &random), let on = audit.conductedOn else { continue }
                let finding = FindingID(rawValue: "F-\(on.year)-\(number)")
                let grade: GradeID = Bool.random(using: &random) ? "minor" : "major"
                let raised = Fact.findingRaised(owner, finding, audit: audit.id, grade: grade, requirement: "8.2", statement: "")
                if (try? network.apply(raised, on: on)) != nil { findings.append((owner, finding)) }
            case 5:
                guard let open = findings.randomElement(using: &random) else { continue }
                try? network.apply(.findingPlanProposed(open.key, open.id, statement: ""), on: day)
                try? network.apply(.findingPlanAccepted(open.key, open.id, due: nil), on: day)
                if Bool.random(using: &random) {
                    try? network.apply(.findingImplemented(open.key, open.id), on: day)
                    try? network.apply(.findingVerified(open.key, open.id, effective: true), on: day)
                }
            default:
                let site = sites.randomElement(using: &random)!
                if (try? network.apply(.membershipSuspended(site, reason: "unpaid dues"), on: day)) == nil {
                    try? network.apply(.membershipReinstated(site), on: day)
                }
            }
        }
        return network
    }

    /// Where the calendars of `keys` differ from the rules on each day from the first calendar's
    /// first day to `last` (each calendar from its own first day on): their notices announced
    /// `horizons` days ahead, and their standing. `seen` gathers the rules that held.
    private func differences(
        in network: Network, keys: [CertificationKey], through last: Day, horizons: [Int], seen: inout Set<NoticeRule>
    ) throws -> [String] {
        let calendars = try keys.map { try #require(network.calendar(of: $0)) }
        var day = try #require(calendars.map(\.from).min())
        var differences: [String] = []
        while day <= last {
            defer { day = day.adding(days: 1) }
            let register = CertificationRegister(network: network, on: day)
            for (key, calendar) in zip(keys, calendars) where calendar.from <= day {
                for horizon in horizons {
                    let expected = Set(network.notices(of: key, on: day, horizon: horizon))
                    let stored = Set(calendar.notices(on: day, horizon: horizon))
                    if stored != expected {
                        let rules = stored.symmetricDifference(expected).map(\.rule)
                        differences.append("\(key.member) on \(day), horizon \(horizon): \(rules)")
                    }
                    seen.formUnion(expected.map(\.rule))
                }
                let standing = register.statuses(of: key.member).first { $0.scheme == key.scheme }?.standing
                let stored = calendar.standing(on: day)?.standing
                if stored != standing {
                    differences.append("\(key.member) on \(day): \(String(describing: stored)) stored, \(String(describing: standing)) by the rules")
                }
            }
        }
        return differences
    }
}
