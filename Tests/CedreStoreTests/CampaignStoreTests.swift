import CedreCore
import CedreFixtures
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// The 2014 cross-audit campaign of the 2013 CEDRE ISO group, planned from the log.
@Suite struct CampaignStoreTests {
    private func problem(_ network: Network) throws -> CrossAuditProblem {
        let scheme = try #require(network.catalog["cedre-iso"])
        let register = CertificationRegister(network: network, on: "2014-01-01")
        return try network.crossAuditProblem(
            scheme: scheme, year: 2014, policies: .defaults(of: scheme), departements: CedreFixtures.departements,
            startOfYear: register)
    }

    @Test func theGroupsNineteenMembersAreAuditedByItsTrainedAuditors() throws {
        let network = try CedreStore.network2013().network(through: "2014-01-01")
        let problem = try problem(network)
        #expect(problem.members.filter(\.needsCrossAudit).count == 19)
        #expect(problem.auditors.count == 8)
        #expect(problem.members.first { $0.id == "coorace-national" }?.externalAuditOn == "2014-12-12")
        let plan = CrossAuditPlanner.plan(problem, seed: 2014)
        #expect(plan.assignments.count + plan.unassigned.count == 19)
        #expect(!plan.assignments.contains { $0.auditor == "croise-08" })
        #expect(plan.unassigned.allSatisfy { left in left.whyNot.contains { $0.auditor == "croise-08" && $0.policy == .qualification } })
        for assignment in plan.assignments {
            let recorded = Campaign.Assignment(member: assignment.member, auditor: assignment.auditor, day: assignment.day)
            let others = plan.assignments.map { Campaign.Assignment(member: $0.member, auditor: $0.auditor, day: $0.day) }
            #expect(problem.violations(of: recorded, among: others).isEmpty, "\(assignment)")
        }
    }

    @Test func theGoldenPlanOfTheGroupWithItsWhyNot() throws {
        let network = try CedreStore.network2013().network(through: "2014-01-01")
        let plan = CrossAuditPlanner.plan(try problem(network), seed: 2014)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Snapshot.expect(String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n", matches: "campaign-cedre-iso-2014.json")
    }

    @Test func aSwapIsRecheckedAndAnOverrideIsRecorded() throws {
        let store = try CedreStore.network2013()
        let network = try store.network(through: "2014-01-01")
        let problem = try problem(network)
        let plan = CrossAuditPlanner.plan(problem, seed: 2014)
        let assignments = plan.assignments.map { Campaign.Assignment(member: $0.member, auditor: $0.auditor, day: $0.day) }
        try store.record([DatedFact(.campaignPlanned(
            scheme: "cedre-iso", year: 2014, seed: 2014, assignments: assignments, unassigned: plan.unassigned.map(\.member)),
            on: "2014-01-02")], context: .tests(today: "2014-01-02"))
        let ownCompany = Campaign.Assignment(member: "aider-45", auditor: "croise-05", day: "2014-03-04")
        #expect(problem.violations(of: ownCompany, among: assignments).contains(.ownCompany))
        try store.record([DatedFact(.campaignSwapped(scheme: "cedre-iso", year: 2014, ownCompany, override: "the only free auditor"), on: "2014-01-03")],
            context: .tests(today: "2014-01-03"))
        let campaign = try #require(try store.network().campaign("cedre-iso", year: 2014))
        #expect(campaign.overrides.map(\.override) == ["the only free auditor"])
        #expect(campaign.assignments.contains(ownCompany))
        try store.record([DatedFact(.campaignPublished(scheme: "cedre-iso", year: 2014), on: "2014-01-04")], context: .tests(today: "2014-01-04"))
        #expect(throws: StoreError.self) {
            try store.record([DatedFact(.campaignSwapped(scheme: "cedre-iso", year: 2014, ownCompany, override: nil), on: "2014-01-05")],
                context: .tests(today: "2014-01-05"))
        }
        #expect(try store.verify().problem == nil)
    }
}
