import CedreCore
import CedreReports
import CedreTestSupport
import Testing

/// The open findings report: what counts as open, how old, how late.
@Suite struct FindingsReportTests {
    @Test func the2013NetworkHasElevenOpenMinorsNoneOverdue() {
        let report = Network2013.findings
        #expect(report.total.open == 11)
        #expect(report.total.overdue == 0)
        #expect(report.byGrade.map(\.grade) == ["minor"])
        #expect(report.byAge.map(\.tally.open) == [0, 5, 6, 0])
        #expect(report.byMember.map(\.tally.open).reduce(0, +) == 11)
        #expect(report.byRegion.map(\.tally.open).reduce(0, +) == 11)
    }

    @Test func observationsAndClosedFindingsAreNotOpen() {
        #expect(Network2013.findings.findings.allSatisfy { ![.noted, .verifiedEffective].contains($0.state) })
    }

    @Test func aMajorPastItsNinetyDaysIsOverdueAndListedFirst() throws {
        // Given SOLIPASS's major of 2013-03-01, never closed, and a later minor elsewhere
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.add(.sample("reel"))
        try small.apply(Scenario.audited)
        try small.apply([(.certificationEngaged(.cedre("reel")), "2013-04-01")])
        try small.apply(small.audit(.cedre("reel"), .special, on: "2013-05-01"))
        let reelAudit = try #require(small.network.dossiers[.cedre("reel")]?.audits.first?.id)
        try small.apply([(.findingRaised(.cedre("reel"), "F-2013-0002", audit: reelAudit, grade: "minor", requirement: "5.1", statement: ""), "2013-05-01")])
        // When reported on 2013-07-01
        let report = FindingsReport(network: small.network, on: "2013-07-01")
        // Then the major is overdue since its deadline 2013-05-30 (rule 6) and comes first
        #expect(report.findings.map(\.id) == [Scenario.major, "F-2013-0002"])
        #expect(report.findings.first?.deadline == "2013-05-30")
        #expect(report.findings.first?.overdue == true)
        #expect(report.findings.first?.ageDays == 122)
        #expect(report.total.open == 2)
        #expect(report.total.overdue == 1)
        #expect(report.byGrade.map(\.grade) == ["major", "minor"])
    }

    @Test func findingsOfMembersWhoLeftAreNotCounted() throws {
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(Scenario.audited)
        try small.apply([(.memberLeft("solipass"), "2013-04-01")])
        #expect(FindingsReport(network: small.network, on: "2013-03-31").total.open == 1)
        #expect(FindingsReport(network: small.network, on: "2013-04-02").total.open == 0)
    }

    @Test func overdueRowsAreHighlightedInTheTable() throws {
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(Scenario.audited)
        let document = FindingsReport(network: small.network, on: "2013-07-01").document(.fr)
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.last?.highlightedRows == [0])
    }
}
