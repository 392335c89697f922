import CedreCore
import CedreReports
import CedreTestSupport
import Testing

/// The certification status report (DESIGN §7): what it counts, how, and what it lists.
@Suite struct StatusReportTests {
    private func report(_ small: SmallNetwork, on day: Day, filter: ReportFilter = .everything, horizon: Int = 60) -> StatusReport {
        StatusReport(register: CertificationRegister(network: small.network, on: day), filter: filter, horizonDays: horizon)
    }

    @Test func the2013NetworkCountsTheReportsFigures() {
        // Given the 2013 network, when it is reported on 31 December 2013
        let report = Network2013.status
        // Then the activity report's figures come out: 511 members, 115 certified (96 + 19), 250 engaged
        #expect(report.counts.members == 511)
        #expect(report.counts.certified == 115)
        #expect(report.counts.engaged == 250)
        #expect(report.byScheme.map(\.counts.certified) == [96, 19])
        #expect(report.byRegion.map(\.counts.members).reduce(0, +) == 511)
        #expect(report.byType.map(\.counts.members).reduce(0, +) == 511)
    }

    @Test func theShareCertifiedIsComputedNotCopied() {
        // Given 115 certified of 511 members
        let report = Network2013.status
        // Then the share is 115 / 511, 22.5 %, not the printed 25 %
        #expect(report.certifiedShare == 115.0 / 511.0)
        #expect(Vocabulary(.fr).percent(report.certifiedShare) == "22,5\u{202F}%")
        #expect(Vocabulary(.en).percent(report.certifiedShare) == "22.5%")
    }

    @Test func theBreakdownAddsUpToTheSchemeAndRegionLines() {
        let report = Network2013.status
        let cells = report.breakdown
        for line in report.byScheme {
            #expect(cells.filter { $0.scheme == line.scheme }.map(\.members).reduce(0, +) == line.counts.members)
        }
        #expect(cells.filter { $0.scheme == nil }.allSatisfy { $0.state == "none" })
        #expect(cells.filter { $0.scheme == nil }.map(\.members).reduce(0, +) == report.counts.none)
        #expect(cells.allSatisfy { $0.members > 0 })
    }

    @Test func theBreakdownRunsBySchemeThenRegionInFrenchOrderThenTypeThenStanding() {
        let report = Network2013.status
        let types = report.byType.map(\.name)
        let states = Standing.allCases.map(\.rawValue) + ["none"]
        func place(_ cell: StatusReport.Cell) -> (String, Int, Int) {
            (cell.scheme?.rawValue ?? "\u{10FFFF}", types.firstIndex(of: cell.type) ?? types.count,
             states.firstIndex(of: cell.state) ?? states.count)
        }
        #expect(report.breakdown.count > 100)
        for (first, second) in zip(report.breakdown, report.breakdown.dropFirst()) {
            let (left, right) = (place(first), place(second))
            if left.0 != right.0 { #expect(left.0 < right.0); continue }
            if first.region != second.region { #expect(Collation.precedes(first.region, second.region)); continue }
            #expect((left.1, left.2) < (right.1, right.2), "\(first) before \(second)")
        }
    }

    @Test func listsPutOneDaysMembersInFrenchOrderOfTheirNamesThenById() throws {
        var small = SmallNetwork()
        let names: [(MemberID, String)] = [
            ("m-1", "Zèbre"), ("m-2", "Éclair"), ("m-3", "ACTYV"), ("m-4", "abeilles"), ("m-5", "Abeilles"),
        ]
        for (id, name) in names {
            try small.add(Member(id: id, name: name, types: [.ai], departement: "49", region: "Pays de la Loire"))
            try small.apply(small.certification(of: id, decidedOn: "2013-05-02"))
        }
        let due = report(small, on: "2014-04-01").due
        #expect(Set(due.map(\.day)) == ["2014-05-02"])
        // Case and accents aside, then by id: not the names' bytes (ACTYV, Abeilles, Zèbre, abeilles, Éclair)
        #expect(due.map(\.member.id) == ["m-4", "m-5", "m-3", "m-2", "m-1"])
    }

    @Test func certificationsByYearFollowTheDecisions() throws {
        let years = Network2013.status.certificationsByYear
        #expect(years.map(\.year) == [2010, 2011, 2012, 2013])
        let last = try #require(years.last)
        #expect([last.newlyCertified, last.renewed, last.joinedGroup] == [17, 29, 19])
    }

    @Test func aMemberWithSeveralSchemesCountsOnceByItsBestStanding() throws {
        // Given a company certified CEDRE that is also a candidate site of the CEDRE ISO group
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        try small.apply([(.membershipApplied(.cedreISO("solipass")), "2013-06-01")])
        // When it is reported
        let report = report(small, on: "2013-12-31")
        // Then it counts once, as certified, and once under each scheme
        #expect(report.counts.members == 1)
        #expect(report.counts.certified == 1)
        #expect(report.counts.engaged == 0)
        #expect(report.byScheme.map(\.counts.members) == [1, 1])
        #expect(report.byScheme.map(\.counts.engaged) == [0, 1])
    }

    @Test func suspendedCertificatesAreNotCertifiedAndAreListed() throws {
        // Given a certificate suspended at the member's request on 2014-02-01
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        try small.apply([(.certificationSuspended(.cedre("solipass"), reason: .memberRequest), "2014-02-01")])
        // When it is reported a month later
        let report = report(small, on: "2014-03-01")
        // Then it counts as suspended, not certified, and is listed with its reason and day
        #expect(report.counts.certified == 0)
        #expect(report.counts.suspended == 1)
        #expect(report.suspended.map(\.subject) == ["member-request"])
        #expect(report.suspended.map(\.day) == ["2014-02-01"])
    }

    @Test func anOverdueSurveillanceIsListedFromItsFirstLateDay() throws {
        // Given a certificate decided on 2013-05-02 with no surveillance audit
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        // When it is reported on 2014-06-01
        let report = report(small, on: "2014-06-01")
        // Then the surveillance is overdue since 2014-05-03 (rule 2: due within 12 months)
        #expect(report.overdue.map(\.subject) == ["surveillance-overdue"])
        #expect(report.overdue.map(\.day) == ["2014-05-03"])
    }

    @Test func deadlinesWithinTheHorizonAreDue() throws {
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        // The first surveillance is due by 2014-05-02: 31 days after 2014-04-01
        #expect(report(small, on: "2014-04-01", horizon: 60).due.map(\.subject) == ["surveillance-audit"])
        #expect(report(small, on: "2014-04-01", horizon: 60).due.map(\.day) == ["2014-05-02"])
        #expect(report(small, on: "2014-04-01", horizon: 30).due.isEmpty)
    }

    @Test func certificatesExpiringWithinTheHorizonAreListedAndExpiredOnesAreOverdue() throws {
        // Given a certificate of 2013-05-02 (valid until 2016-05-02) kept under surveillance
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        try small.apply(small.audit(.cedre("solipass"), .surveillance, on: "2014-04-10"))
        try small.apply(small.audit(.cedre("solipass"), .surveillance, on: "2015-04-10"))
        // Then a month before, it is expiring; a day after, it is expired, not certified, and overdue
        #expect(report(small, on: "2016-04-02").expiring.map(\.day) == ["2016-05-02"])
        let after = report(small, on: "2016-05-03")
        #expect(after.counts.certified == 0)
        #expect(after.counts.expired == 1)
        #expect(after.overdue.map(\.subject).contains("certificate-expired"))
    }

    @Test func membersWhoLeftAreNotCounted() throws {
        var small = SmallNetwork()
        try small.add(.sample("solipass"), joined: "2010-01-01")
        try small.add(.sample("reel"), joined: "2010-01-01")
        try small.apply([(.memberLeft("reel"), "2013-06-30")])
        #expect(report(small, on: "2013-06-30").counts.members == 2)
        #expect(report(small, on: "2013-07-01").counts.members == 1)
    }

    @Test func aRegionFilterCountsOnlyThatRegionWhateverItsSpelling() {
        // Given the 2013 register restricted to "pays de la loire" (case and accents ignored)
        let report = StatusReport(
            register: Network2013.register, filter: ReportFilter(region: "pays de la loire"), horizonDays: 60)
        // Then only Pays de la Loire's 54 members count
        #expect(report.counts.members == 54)
        #expect(report.byRegion.map(\.name) == ["Pays de la Loire"])
    }

    @Test func aTypeFilterIncludesMembersHoldingThatTypeAmongOthers() {
        let report = StatusReport(register: Network2013.register, filter: ReportFilter(types: [.aci]), horizonDays: 60)
        // 92 ACI and 4 AI+ACI
        #expect(report.counts.members == 96)
        #expect(report.byType.map(\.name) == ["AI+ACI", "ACI"])
    }

    @Test func aSchemeFilterCountsStandingsUnderThatSchemeOnly() {
        let report = StatusReport(register: Network2013.register, filter: ReportFilter(scheme: "cedre-iso"), horizonDays: 60)
        #expect(report.counts.members == 511)
        #expect(report.counts.certified == 19)
        #expect(report.byScheme.map(\.scheme) == ["cedre-iso"])
    }
}
