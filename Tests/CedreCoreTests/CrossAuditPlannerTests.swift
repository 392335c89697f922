import CedreCore
import CedreFixtures
import CedreTestSupport
import Foundation
import Testing

/// Rules 13 and 15–20 of DESIGN §3: the cross-audit planner respects every enabled policy, finds
/// the least travel (checked by brute force on tiny campaigns), explains every member it leaves
/// out, and plans the same way for the same seed.
@Suite struct CrossAuditPlannerTests {
    static let departements = CedreFixtures.departements
    let generator = CrossAuditProblemGenerator(departements: CrossAuditPlannerTests.departements)

    // MARK: Hand-made campaigns, one rule each

    @Test func theCrossAuditFallsOnAWorkingDayStrictlyBeforeTheExternalAudit() throws {
        // Given a member whose external audit is on Monday 10 March 2014
        let problem = try campaign(
            members: [member("paris", "75", externalAuditOn: "2014-03-10"), member("lyon", "69", audited: false)],
            auditors: [auditor("l1", of: "lyon")])
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then its cross-audit is on a weekday of 2014 no later than Friday 7 March
        let assignment = try #require(plan.assignments.first)
        #expect(assignment.day <= "2014-03-07")
        #expect(assignment.day >= "2014-01-01")
        #expect(assignment.day.weekday <= 5)
        #expect(plan.unassigned.isEmpty)
    }

    @Test func noAuditorAuditsTheirOwnCompanyAndAFullAuditorIsExplainedByCapacity() throws {
        // Given three members and a single auditor, of the third, who may do one audit
        let problem = try campaign(
            members: [member("paris", "75"), member("nanterre", "92"), member("bobigny", "93")],
            auditors: [auditor("b1", of: "bobigny")], capacity: 1)
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then the auditor takes the nearer of the two others, and each member left out says why
        #expect(plan.assignments.map(\.member) == ["paris"])
        #expect(plan.unassigned.map(\.member) == ["nanterre", "bobigny"])
        let nanterre = plan.unassigned[0]
        #expect(nanterre.whyNot == [CrossAuditPlan.Exclusion(auditor: "b1", policy: .capacity)])
        #expect(nanterre.relaxation?.switchOff == [])
        #expect(nanterre.relaxation?.capacity == 2)
        let bobigny = plan.unassigned[1]
        #expect(bobigny.whyNot == [CrossAuditPlan.Exclusion(auditor: "b1", policy: .ownCompany)])
        #expect(bobigny.relaxation?.switchOff == [.ownCompany])
        #expect(bobigny.relaxation?.capacity == 2)
    }

    @Test func aMemberWithNoWorkingDayLeftIsExplainedByTheCalendarAndNoSwitchHelps() throws {
        // Given a member whose external audit is on 1 January, the first day of the campaign year
        let problem = try campaign(
            members: [member("paris", "75", externalAuditOn: "2014-01-01"), member("lyon", "69", audited: false)],
            auditors: [auditor("l1", of: "lyon"), auditor("l2", of: "lyon")])
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then it is left out, every auditor excluded by the calendar, with no relaxation
        #expect(plan.assignments.isEmpty)
        #expect(plan.unassigned.first?.whyNot.map(\.policy) == [.calendar, .calendar])
        #expect(plan.unassigned.first?.relaxation == nil)
    }

    @Test func anExpiredQualificationExcludesTheAuditorUntilQualificationIsSwitchedOff() throws {
        // Given the only auditor was trained in January 2010, for 36 months
        let members = [member("paris", "75"), member("lyon", "69", audited: false)]
        let auditors = [auditor("l1", of: "lyon", trainedOn: "2010-01-15")]
        let problem = try campaign(members: members, auditors: auditors)
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then the member is left out because of rule 16, and switching it off lets the auditor in
        #expect(plan.unassigned.first?.whyNot == [CrossAuditPlan.Exclusion(auditor: "l1", policy: .qualification)])
        #expect(plan.unassigned.first?.relaxation?.switchOff == [.qualification])
        let relaxed = CrossAuditPlanner.plan(problem.with(policies: problem.policies.subtracting([.qualification])), seed: 1)
        #expect(relaxed.assignments.map(\.auditor) == ["l1"])
    }

    @Test func aQualificationStartsOnTheTrainingDay() throws {
        // Given the only auditor is trained on 1 September 2014 and the external audit is in December
        let problem = try campaign(
            members: [member("paris", "75", externalAuditOn: "2014-12-01"), member("lyon", "69", audited: false)],
            auditors: [auditor("l1", of: "lyon", trainedOn: "2014-09-01")])
        // When the campaign is planned
        let assignment = try #require(CrossAuditPlanner.plan(problem, seed: 1).assignments.first)
        // Then the cross-audit is between the training and the external audit
        #expect(assignment.day >= "2014-09-01")
        #expect(assignment.day < "2014-12-01")
    }

    @Test func theSameGroupADeclaredLinkAndLastCampaignsAuditorAreExcluded() throws {
        // Given Paris is in a GES with Nanterre, linked to Bobigny, and was audited by Lyon last year
        let members = [
            member("ges", "75", audited: false), member("paris", "75", group: "ges"), member("nanterre", "92", group: "ges"),
            member("bobigny", "93", audited: false), member("lyon", "69", audited: false),
            member("lille", "59", audited: false),
        ]
        let auditors = [
            auditor("n1", of: "nanterre"), auditor("b1", of: "bobigny"), auditor("l1", of: "lyon"),
            auditor("f1", of: "lille"),
        ]
        let problem = try campaign(
            members: members, auditors: auditors, declaredLinks: [CrossAuditProblem.MemberPair("paris", "bobigny")],
            previousCampaign: [CrossAuditProblem.PreviousAudit(audited: "paris", auditing: "lyon")])
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then Paris is audited from Lille, the only company none of rules 15 and 17 excludes
        #expect(plan.assignments.first { $0.member == "paris" }?.auditorMember == "lille")
        #expect(plan.assignments.first { $0.member == "nanterre" }?.auditorMember == "bobigny")
    }

    @Test func noReciprocalPairWhenRuleEighteenIsOnAndTheNearestPairsWhenItIsOff() throws {
        // Given two neighbours with an auditor each, and a third member far away
        let members = [member("paris", "75"), member("nanterre", "92"), member("marseille", "13")]
        let auditors = [auditor("p1", of: "paris"), auditor("n1", of: "nanterre"), auditor("m1", of: "marseille")]
        let strict = try campaign(members: members, auditors: auditors)
        let loose = strict.with(policies: strict.policies.subtracting([.reciprocal]))
        // When both campaigns are planned
        let withRule = CrossAuditPlanner.plan(strict, seed: 1)
        let withoutRule = CrossAuditPlanner.plan(loose, seed: 1)
        // Then without rule 18 the neighbours audit each other; with it, audits go round in a cycle
        func auditing(_ plan: CrossAuditPlan, _ member: MemberID) -> MemberID? {
            plan.assignments.first { $0.member == member }?.auditorMember
        }
        #expect(auditing(withoutRule, "paris") == "nanterre")
        #expect(auditing(withoutRule, "nanterre") == "paris")
        #expect(withRule.assignments.count == 3)
        for assignment in withRule.assignments {
            #expect(auditing(withRule, assignment.auditorMember) != assignment.member)
        }
        #expect(withRule.totalDistanceKilometres > withoutRule.totalDistanceKilometres)
    }

    @Test func anAuditorIsNeverBookedTwiceOnOneDayEvenWithOneDayLeft() throws {
        // Given two members whose external audits leave one and two working days, and one auditor
        // (1 January 2014, a Wednesday, is a holiday: Thursday 2 and Friday 3 are worked)
        let problem = try campaign(
            members: [
                member("paris", "75", externalAuditOn: "2014-01-03"), member("nanterre", "92", externalAuditOn: "2014-01-06"),
                member("lyon", "69", audited: false),
            ],
            auditors: [auditor("l1", of: "lyon")])
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then both are audited, Paris on 2 January and Nanterre on 3 January
        #expect(plan.assignments.map { "\($0.member) \($0.day)" }.sorted() == ["nanterre 2014-01-03", "paris 2014-01-02"])
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func ruleTwentyGoodFridayIsOffInMoselleButWorkedInParis(seed: UInt64) throws {
        // Given one auditor trained on Thursday 17 April 2014 and two members audited externally on
        // Tuesday 22 April: Good Friday (18th) is a holiday in Moselle (57), Easter Monday (21st) everywhere
        let problem = try campaign(
            members: [
                member("metz", "57", externalAuditOn: "2014-04-22"), member("paris", "75", externalAuditOn: "2014-04-22"),
                member("lyon", "69", audited: false),
            ],
            auditors: [auditor("l1", of: "lyon", trainedOn: "2014-04-17")])
        // When the campaign is planned
        let plan = CrossAuditPlanner.plan(problem, seed: seed)
        // Then Metz is audited on Thursday 17th, the only working day it has, and Paris on Good Friday
        #expect(plan.assignments.map { "\($0.member) \($0.day)" }.sorted() == ["metz 2014-04-17", "paris 2014-04-18"])
        #expect(plan.unassigned.isEmpty)
    }

    @Test func ruleTwentySwitchedOffLetsACrossAuditFallOnAWeekend() throws {
        // Given an auditor trained on Saturday 4 January 2014 and a member audited externally on Monday 6th
        let strict = try campaign(
            members: [member("paris", "75", externalAuditOn: "2014-01-06"), member("lyon", "69", audited: false)],
            auditors: [auditor("l1", of: "lyon", trainedOn: "2014-01-04")])
        // When it is planned with working-day on, then off
        let withRule = CrossAuditPlanner.plan(strict, seed: 1)
        let withoutRule = CrossAuditPlanner.plan(strict.with(policies: strict.policies.subtracting([.workingDay])), seed: 1)
        // Then only the weekend is left: no cross-audit with the rule, one on the weekend without it
        #expect(withRule.assignments.isEmpty)
        #expect(withRule.unassigned.first?.whyNot.map(\.policy) == [.qualification])
        let day = try #require(withoutRule.assignments.first?.day)
        #expect(["2014-01-04", "2014-01-05"].contains(day))
    }

    @Test func aFixedAuditKeepsItsMemberAndTakesItsAuditorsDayAndLoad() throws {
        // Given Paris fixed as audited by Lyon's l1 on Thursday 2 January 2014, and Nanterre due
        // before Monday 6th (1 January is a holiday: 2 and 3 January are its working days)
        let members = [member("paris", "75"), member("nanterre", "92", externalAuditOn: "2014-01-06"), member("lyon", "69", audited: false)]
        let fixed = CrossAuditProblem.FixedAudit(member: "paris", auditor: "l1", auditorMember: "lyon", day: "2014-01-02")
        let problem = try campaign(members: members, auditors: [auditor("l1", of: "lyon")]).with(fixed: [fixed])
        // When the others are planned around it
        let plan = CrossAuditPlanner.plan(problem, seed: 5)
        // Then Paris is not planned again, and l1 takes Nanterre on the 3rd, its other free day
        #expect(!plan.assignments.contains { $0.member == "paris" } && !plan.unassigned.contains { $0.member == "paris" })
        #expect(plan.assignments.map { "\($0.member) \($0.auditor) \($0.day)" } == ["nanterre l1 2014-01-03"])
        // And with a capacity of 1, the fixed audit fills l1: Nanterre is left out for capacity
        let full = CrossAuditPlanner.plan(problem.with(policies: problem.policies, capacity: 1), seed: 5)
        #expect(full.unassigned.map(\.member) == ["nanterre"])
        #expect(full.unassigned.first?.whyNot == [CrossAuditPlan.Exclusion(auditor: "l1", policy: .capacity)])
    }

    @Test func ruleEighteenSeesTheFixedAudits() throws {
        // Given Paris fixed as audited by Lyon's l1, and Lyon to audit, with auditors l1 and Paris's p1
        let fixed = CrossAuditProblem.FixedAudit(member: "paris", auditor: "l1", auditorMember: "lyon", day: "2014-03-04")
        let problem = try campaign(
            members: [member("paris", "75"), member("lyon", "69")], auditors: [auditor("l1", of: "lyon"), auditor("p1", of: "paris")]
        ).with(fixed: [fixed])
        // When Lyon is planned
        let plan = CrossAuditPlanner.plan(problem, seed: 1)
        // Then p1 would make a reciprocal pair with the fixed audit, and l1 is Lyon's own: it is left out
        #expect(plan.unassigned.first?.whyNot == [
            CrossAuditPlan.Exclusion(auditor: "l1", policy: .ownCompany), CrossAuditPlan.Exclusion(auditor: "p1", policy: .reciprocal),
        ])
        #expect(plan.unassigned.first?.relaxation?.switchOff == [.reciprocal])
        // And without rule 18, p1 audits Lyon
        let loose = CrossAuditPlanner.plan(problem.with(policies: problem.policies.subtracting([.reciprocal])), seed: 1)
        #expect(loose.assignments.map { "\($0.member) \($0.auditor)" } == ["lyon p1"])
    }

    @Test func thePlanSpeaksTheCampaignPlanContract() throws {
        // Given a campaign with a member left out
        let problem = try campaign(
            members: [member("paris", "75"), member("nanterre", "92"), member("bobigny", "93")],
            auditors: [auditor("b1", of: "bobigny")], capacity: 1)
        // When its plan is encoded
        let data = try JSONEncoder().encode(CrossAuditPlanner.plan(problem, seed: 7))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Then it has the contract's keys and values
        #expect(Set(object.keys) == ["campaign", "assignments", "unassigned", "totalDistanceKm"])
        let assignment = try #require((object["assignments"] as? [[String: Any]])?.first)
        #expect(Set(assignment.keys) == ["member", "auditor", "auditorMember", "day", "distanceKm"])
        let unassigned = try #require((object["unassigned"] as? [[String: Any]])?.first)
        #expect(Set(unassigned.keys) == ["member", "whyNot", "relaxation"])
        #expect(unassigned["whyNot"] as? [[String: String]] == [["auditor": "b1", "policy": "capacity"]])
        let decoded = try JSONDecoder().decode(CrossAuditPlan.self, from: data)
        #expect(decoded == CrossAuditPlanner.plan(problem, seed: 7))
    }

    @Test func anInconsistentProblemIsRefused() {
        #expect(throws: CrossAuditProblemError.unknownDepartement("2C", member: "ajaccio")) {
            try campaign(members: [member("ajaccio", "2C")], auditors: [])
        }
        #expect(throws: CrossAuditProblemError.unknownAuditorCompany("x1", member: "nowhere")) {
            try campaign(members: [member("paris", "75")], auditors: [auditor("x1", of: "nowhere")])
        }
    }

    // MARK: Generated campaigns

    @Test(arguments: 0..<3)
    func noPlanBreaksAnEnabledPolicy(seed: UInt64) {
        expectNoPlanBreaksAnEnabledPolicy(seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: 3..<20)
    func noPlanBreaksAnEnabledPolicyOnMoreSeeds(seed: UInt64) {
        expectNoPlanBreaksAnEnabledPolicy(seed: seed)
    }

    private func expectNoPlanBreaksAnEnabledPolicy(seed: UInt64) {
        // Given a generated network of 20 to 120 members with some policies off
        var draw = SeededGenerator(seed: seed)
        var shape = CrossAuditProblemGenerator.Shape(members: 20 + draw.index(below: 101))
        shape.policies = Set(ImpartialityPolicy.allCases.filter { _ in draw.index(below: 100) < 80 })
        shape.capacity = 1 + draw.index(below: 3)
        shape.earlyExternalAuditPercent = 5
        let problem = generator.problem(shape, seed: seed)
        // When it is planned
        let plan = CrossAuditPlanner.solve(problem, seed: seed, effort: .tests).plan
        // Then every assignment respects every enabled policy, and every member left out is explained
        let checker = PolicyChecker(problem)
        #expect(checker.violations(of: plan) == [])
        for unassigned in plan.unassigned {
            #expect(unassigned.whyNot.map(\.auditor) == checker.schemeAuditors.map(\.id))
            #expect(checker.whyNot(unassigned.member, in: plan) == unassigned.whyNot)
        }
        #expect(abs(plan.totalDistanceKilometres - plan.assignments.map(\.distanceKilometres).reduce(0, +)) < 1e-6)
    }

    @Test(arguments: 0..<16)
    func tinyCampaignsMatchTheBruteForceOptimum(seed: UInt64) {
        expectTheBruteForceOptimum(seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: 16..<160)
    func tinyCampaignsMatchTheBruteForceOptimumOnMoreSeeds(seed: UInt64) {
        expectTheBruteForceOptimum(seed: seed)
    }

    private func expectTheBruteForceOptimum(seed: UInt64) {
        // Given a campaign of 3 to 8 members around a few départements, often short of auditors
        let problem = tinyProblem(seed: seed)
        // When it is planned
        let outcome = CrossAuditPlanner.solve(problem, seed: seed)
        let plan = outcome.plan
        // Then it covers as many members as brute force can, at the same least travel
        let brute = BruteForce(problem)
        let best = brute.optimum()
        #expect(plan.assignments.count == best.coverage)
        #expect(abs(plan.totalDistanceKilometres - best.distance) < 1e-6)
        #expect(outcome.isProvenOptimal)
        #expect(PolicyChecker(problem).violations(of: plan) == [])
        // And no member left out could be added to the assigned ones, however they are rearranged
        let assigned = Set(plan.assignments.map(\.member))
        for unassigned in plan.unassigned {
            #expect(!brute.canCover(assigned.union([unassigned.member])), "\(unassigned.member) could be assigned")
        }
    }

    @Test(arguments: 0..<24)
    func theRelaxationIsTheSmallestThatLetsTheMemberIn(seed: UInt64) {
        expectTheSmallestRelaxation(seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: 24..<120)
    func theRelaxationIsTheSmallestThatLetsTheMemberInOnMoreSeeds(seed: UInt64) {
        expectTheSmallestRelaxation(seed: seed)
    }

    private func expectTheSmallestRelaxation(seed: UInt64) {
        // Given a tiny campaign that leaves members out
        let problem = tinyProblem(seed: seed)
        let plan = CrossAuditPlanner.plan(problem, seed: seed)
        let checker = PolicyChecker(problem)
        let pairs = plan.assignments.map { ($0.member, $0.auditor) }
        for unassigned in plan.unassigned {
            // Then the why-not names the first constraint of every auditor of the scheme
            #expect(unassigned.whyNot.map(\.auditor) == checker.schemeAuditors.map(\.id))
            #expect(checker.whyNot(unassigned.member, in: plan) == unassigned.whyNot)
            // And the relaxation lets its auditor in beside the plan as it stands
            let smallest = checker.smallestRelaxationSize(for: unassigned.member, beside: pairs)
            guard let relaxation = unassigned.relaxation else {
                #expect(smallest == nil)
                continue
            }
            let policies = problem.policies.subtracting(relaxation.switchOff)
            let capacity = relaxation.capacity ?? problem.capacity
            #expect(checker.isFeasible(pairs + [(unassigned.member, relaxation.auditor)], policies: policies, capacity: capacity))
            // And no smaller one does
            #expect(smallest == relaxation.size)
        }
    }

    @Test(arguments: [3])
    func theSameSeedGivesTheSamePlan(seed: UInt64) {
        expectTheSamePlanTwice(seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [11, 42])
    func theSameSeedGivesTheSamePlanOnMoreSeeds(seed: UInt64) {
        expectTheSamePlanTwice(seed: seed)
    }

    private func expectTheSamePlanTwice(seed: UInt64) {
        let shape = CrossAuditProblemGenerator.Shape(members: 100)
        let first = CrossAuditPlanner.solve(generator.problem(shape, seed: seed), seed: seed, effort: .tests).plan
        let second = CrossAuditPlanner.solve(generator.problem(shape, seed: seed), seed: seed, effort: .tests).plan
        #expect(first == second)
    }

    // MARK: Building campaigns

    private func member(
        _ id: MemberID, _ departement: String, group: MemberID? = nil, externalAuditOn: Day? = nil, audited: Bool = true
    ) -> CrossAuditProblem.Member {
        CrossAuditProblem.Member(
            id: id, departement: departement, group: group, externalAuditOn: externalAuditOn, needsCrossAudit: audited)
    }

    private func auditor(_ id: AuditorID, of member: MemberID, trainedOn: Day = "2013-03-01") -> CrossAuditProblem.Auditor {
        CrossAuditProblem.Auditor(
            id: id, name: "Auditor \(id)", member: member, schemes: ["cedre"], trainedOn: trainedOn, validityMonths: 36)
    }

    private func campaign(
        members: [CrossAuditProblem.Member], auditors: [CrossAuditProblem.Auditor],
        declaredLinks: Set<CrossAuditProblem.MemberPair> = [], previousCampaign: Set<CrossAuditProblem.PreviousAudit> = [],
        capacity: Int = 2
    ) throws(CrossAuditProblemError) -> CrossAuditProblem {
        try CrossAuditProblem(
            scheme: "cedre", year: 2014, members: members, auditors: auditors, declaredLinks: declaredLinks,
            previousCampaign: previousCampaign, capacity: capacity, departements: Self.departements)
    }

    /// 3 to 8 members over 2 to 5 départements, short of auditors or not, tight calendars, random
    /// policies.
    private func tinyProblem(seed: UInt64) -> CrossAuditProblem {
        var draw = SeededGenerator(seed: seed &+ 1000)
        let auditors = seed % 2 == 0 ? [40, 45, 15] : [15, 45, 40]
        var shape = CrossAuditProblemGenerator.Shape(
            members: 3 + draw.index(below: 6), auditorsPerMemberPercent: auditors, departementPool: 2 + draw.index(below: 4))
        shape.policies = Set(ImpartialityPolicy.allCases.filter { _ in draw.index(below: 100) < 85 })
        shape.capacity = 1 + draw.index(below: 2)
        shape.earlyExternalAuditPercent = 15
        shape.groupPercent = 15
        shape.linkPercent = 15
        return generator.problem(shape, seed: seed)
    }
}

extension CrossAuditPlanner.Effort {
    /// Enough search for the generated property tests, which run unoptimised.
    static let tests = CrossAuditPlanner.Effort(
        nearest: 40, completeUpToPairs: 4_000, work: 2_000_000, workPerMember: 4_000, branchAndBoundArcCopies: 500_000)
}

/// Rules 13 and 15–20 read again from the problem, independently of the planner, to check its plans.
private struct PolicyChecker {
    /// Working-day windows already listed, by member, auditor and whether rule 16 applies.
    private final class Windows {
        var known: [String: [Day]] = [:]
    }

    let problem: CrossAuditProblem
    private let windows = Windows()
    private let members: [MemberID: CrossAuditProblem.Member]
    private let auditors: [AuditorID: CrossAuditProblem.Auditor]
    private let groupHeads: Set<MemberID>

    init(_ problem: CrossAuditProblem) {
        self.problem = problem
        members = Dictionary(uniqueKeysWithValues: problem.members.map { ($0.id, $0) })
        auditors = Dictionary(uniqueKeysWithValues: problem.auditors.map { ($0.id, $0) })
        groupHeads = Set(problem.members.compactMap(\.group))
    }

    /// The auditors who may audit in this campaign's scheme.
    var schemeAuditors: [CrossAuditProblem.Auditor] { problem.auditors.filter { $0.schemes.contains(problem.scheme) } }

    private func group(_ member: CrossAuditProblem.Member) -> MemberID? {
        member.group ?? (groupHeads.contains(member.id) ? member.id : nil)
    }

    /// The working days on which `auditor` may audit `member` under `policies`.
    func days(_ member: MemberID, _ auditor: AuditorID, policies: Set<ImpartialityPolicy>) -> [Day] {
        let key = "\(member)|\(auditor)|\(policies.contains(.qualification))|\(policies.contains(.workingDay))"
        if let known = windows.known[key] { return known }
        let result = listDays(member, auditor, policies: policies)
        windows.known[key] = result
        return result
    }

    private func listDays(_ member: MemberID, _ auditor: AuditorID, policies: Set<ImpartialityPolicy>) -> [Day] {
        guard let member = members[member], let auditor = auditors[auditor] else { return [] }
        var first = Day.firstDay(ofYear: problem.year)
        var last = Day.lastDay(ofYear: problem.year)
        if let external = member.externalAuditOn { last = min(last, external.adding(days: -1)) }
        if policies.contains(.qualification) {
            first = max(first, auditor.trainedOn)
            last = min(last, auditor.trainedOn.adding(months: auditor.validityMonths))
        }
        var result: [Day] = []
        var day = first
        while day <= last {
            // Rule 20: Monday to Friday, not a holiday of the member's département.
            let holiday = problem.holidays.holidays(in: day.year, departement: member.departement)[day] != nil
            if !policies.contains(.workingDay) || (day.weekday <= 5 && !holiday) { result.append(day) }
            day = day.adding(days: 1)
        }
        return result
    }

    /// The constraints of rules 15–17 and the calendar that hold whatever the rest of the plan is.
    func pairConstraints(_ member: MemberID, _ auditor: AuditorID, policies: Set<ImpartialityPolicy>)
        -> [CrossAuditConstraint]
    {
        guard let audited = members[member], let person = auditors[auditor], let company = members[person.member] else {
            return [.calendar]
        }
        var result: [CrossAuditConstraint] = []
        if policies.contains(.ownCompany), audited.id == company.id { result.append(.ownCompany) }
        if policies.contains(.sameGroup), let group = group(audited), group == self.group(company) {
            result.append(.sameGroup)
        }
        if policies.contains(.declaredLink), problem.declaredLinks.contains(CrossAuditProblem.MemberPair(audited.id, company.id)) {
            result.append(.declaredLink)
        }
        let anyDay = !days(member, auditor, policies: policies.subtracting([.qualification])).isEmpty
        if policies.contains(.qualification), anyDay, days(member, auditor, policies: policies).isEmpty {
            result.append(.qualification)
        }
        if policies.contains(.rotation),
            problem.previousCampaign.contains(CrossAuditProblem.PreviousAudit(audited: audited.id, auditing: company.id))
        {
            result.append(.rotation)
        }
        if !anyDay { result.append(.calendar) }
        return result
    }

    /// Whether one auditor can hold audits of these members on distinct days (bipartite matching).
    func fitsCalendar(_ audited: [MemberID], _ auditor: AuditorID, policies: Set<ImpartialityPolicy>) -> Bool {
        let windows = audited.map { days($0, auditor, policies: policies) }
        var dayOwner: [Day: Int] = [:]
        func place(_ index: Int, _ seen: inout Set<Day>) -> Bool {
            for day in windows[index] where seen.insert(day).inserted {
                if let owner = dayOwner[day], !place(owner, &seen) { continue }
                dayOwner[day] = index
                return true
            }
            return false
        }
        for index in windows.indices {
            var seen = Set<Day>()
            if !place(index, &seen) { return false }
        }
        return true
    }

    /// Whether these (member, auditor) pairs, days aside, respect every policy and can be dated.
    func isFeasible(_ pairs: [(MemberID, AuditorID)], policies: Set<ImpartialityPolicy>, capacity: Int) -> Bool {
        var auditing: [MemberID: MemberID] = [:]
        var byAuditor: [AuditorID: [MemberID]] = [:]
        for (member, auditor) in pairs {
            guard pairConstraints(member, auditor, policies: policies).isEmpty, let person = auditors[auditor],
                person.schemes.contains(problem.scheme), auditing[member] == nil
            else { return false }
            auditing[member] = person.member
            byAuditor[auditor, default: []].append(member)
        }
        if policies.contains(.reciprocal) {
            for (member, company) in auditing where company != member && auditing[company] == member { return false }
        }
        for (auditor, audited) in byAuditor {
            if policies.contains(.capacity), audited.count > capacity { return false }
            if !fitsCalendar(audited, auditor, policies: policies) { return false }
        }
        return true
    }

    /// Every broken rule in a dated plan, as sentences (empty when the plan is sound).
    func violations(of plan: CrossAuditPlan) -> [String] {
        var found: [String] = []
        let policies = problem.policies
        var seen = Set<MemberID>()
        var booked = Set<String>()
        for assignment in plan.assignments {
            let member = assignment.member
            if !seen.insert(member).inserted { found.append("\(member) is audited twice") }
            if members[member]?.needsCrossAudit != true { found.append("\(member) needs no cross-audit") }
            guard let person = auditors[assignment.auditor] else {
                found.append("\(assignment.auditor) is unknown")
                continue
            }
            if person.member != assignment.auditorMember { found.append("\(assignment.auditor) works elsewhere") }
            if !person.schemes.contains(problem.scheme) { found.append("\(assignment.auditor) is not trained for the scheme") }
            for constraint in pairConstraints(member, assignment.auditor, policies: policies) {
                found.append("\(member) by \(assignment.auditor) breaks \(constraint)")
            }
            if !days(member, assignment.auditor, policies: policies).contains(assignment.day) {
                found.append("\(member) on \(assignment.day) is outside its window")
            }
            if !booked.insert("\(assignment.auditor) \(assignment.day)").inserted {
                found.append("\(assignment.auditor) is booked twice on \(assignment.day)")
            }
            if let company = members[person.member], let departement = members[member]?.departement,
                let distance = problem.departements.distanceKilometres(from: departement, to: company.departement),
                abs(distance - assignment.distanceKilometres) > 1e-9
            {
                found.append("\(member) by \(assignment.auditor) has the wrong distance")
            }
        }
        let pairs = plan.assignments.map { ($0.member, $0.auditor) }
        if policies.contains(.reciprocal) {
            let auditing = Dictionary(plan.assignments.map { ($0.member, $0.auditorMember) }, uniquingKeysWith: { first, _ in first })
            for (member, company) in auditing where company != member && auditing[company] == member {
                found.append("\(member) and \(company) audit each other")
            }
        }
        if policies.contains(.capacity) {
            for (auditor, count) in Dictionary(grouping: pairs, by: \.1).mapValues(\.count) where count > problem.capacity {
                found.append("\(auditor) has \(count) audits")
            }
        }
        let unassigned = Set(plan.unassigned.map(\.member))
        for member in problem.members where member.needsCrossAudit && !seen.contains(member.id) && !unassigned.contains(member.id) {
            found.append("\(member.id) is neither assigned nor explained")
        }
        return found
    }

    /// Every constraint that keeps `auditor` from `member` given the rest of the pairs.
    func constraints(
        _ member: MemberID, _ auditor: AuditorID, beside pairs: [(MemberID, AuditorID)],
        policies: Set<ImpartialityPolicy>, capacity: Int
    ) -> [CrossAuditConstraint] {
        var result = pairConstraints(member, auditor, policies: policies)
        guard let company = auditors[auditor]?.member else { return result }
        let auditing = Dictionary(uniqueKeysWithValues: pairs.compactMap { pair in auditors[pair.1].map { (pair.0, $0.member) } })
        if policies.contains(.reciprocal), company != member, auditing[company] == member { result.append(.reciprocal) }
        let others = pairs.filter { $0.1 == auditor && $0.0 != member }.map(\.0)
        if policies.contains(.capacity), others.count >= capacity { result.append(.capacity) }
        if !result.contains(.calendar), !result.contains(.qualification),
            !fitsCalendar(others + [member], auditor, policies: policies)
        {
            result.append(.calendar)
        }
        return result.sorted()
    }

    /// The why-not list the planner should give for `member`: every auditor of the scheme with its
    /// first constraint given the plan.
    func whyNot(_ member: MemberID, in plan: CrossAuditPlan) -> [CrossAuditPlan.Exclusion] {
        let pairs = plan.assignments.map { ($0.member, $0.auditor) }
        return schemeAuditors.compactMap { auditor in
            constraints(member, auditor.id, beside: pairs, policies: problem.policies, capacity: problem.capacity).first
                .map { CrossAuditPlan.Exclusion(auditor: auditor.id, policy: $0) }
        }
    }

    /// The fewest changes (policies switched off, capacity raised by one) that let some auditor
    /// take `member` beside the pairs, found by trying every combination; nil when none does.
    func smallestRelaxationSize(for member: MemberID, beside pairs: [(MemberID, AuditorID)]) -> Int? {
        // Relaxations are of rules 15–19: a member with no working day left is the calendar's.
        let enabled = ImpartialityPolicy.allCases.filter { problem.policies.contains($0) && $0 != .workingDay }
        var smallest: Int?
        for mask in 0..<(1 << enabled.count) {
            let switched = enabled.indices.filter { mask & (1 << $0) != 0 }.map { enabled[$0] }
            var policies = problem.policies.subtracting(switched)
            var capacity = problem.capacity
            if switched.contains(.capacity) {
                policies.insert(.capacity)
                capacity += 1
            }
            let fits = schemeAuditors.contains { isFeasible(pairs + [(member, $0.id)], policies: policies, capacity: capacity) }
            if fits { smallest = min(smallest ?? switched.count, switched.count) }
        }
        return smallest
    }
}

/// The exact optimum of a tiny campaign by exhaustive search: the most members covered, then the
/// least travel.
private struct BruteForce {
    let problem: CrossAuditProblem
    private let checker: PolicyChecker
    private let audited: [MemberID]
    private let options: [[(auditor: AuditorID, company: MemberID, distance: Double)]]

    init(_ problem: CrossAuditProblem) {
        self.problem = problem
        let checker = PolicyChecker(problem)
        self.checker = checker
        let audited = problem.members.filter(\.needsCrossAudit).map(\.id)
        self.audited = audited
        let departement = Dictionary(uniqueKeysWithValues: problem.members.map { ($0.id, $0.departement) })
        options = audited.map { member in
            checker.schemeAuditors.filter { checker.pairConstraints(member, $0.id, policies: problem.policies).isEmpty }
                .map { auditor in
                    let distance = problem.departements.distanceKilometres(
                        from: departement[member] ?? "", to: departement[auditor.member] ?? "") ?? 0
                    return (auditor.id, auditor.member, distance)
                }
                .sorted { $0.distance < $1.distance }
        }
    }

    /// Whether the pairs chosen so far can stand together.
    private func consistent(_ pairs: [(MemberID, AuditorID)]) -> Bool {
        checker.isFeasible(pairs, policies: problem.policies, capacity: problem.capacity)
    }

    /// The most members coverable and the least travel that covers them.
    func optimum() -> (coverage: Int, distance: Double) {
        var best = (coverage: 0, distance: 0.0)
        var pairs: [(MemberID, AuditorID)] = []
        func search(_ index: Int, _ distance: Double) {
            // No completion can cover more, or as many for less: stop.
            let reachable = pairs.count + audited.count - index
            if reachable < best.coverage || (reachable == best.coverage && distance >= best.distance - 1e-9) { return }
            guard index < audited.count else {
                if pairs.count > best.coverage || (pairs.count == best.coverage && distance < best.distance) {
                    best = (pairs.count, distance)
                }
                return
            }
            for option in options[index] {
                pairs.append((audited[index], option.auditor))
                if consistent(pairs) { search(index + 1, distance + option.distance) }
                pairs.removeLast()
            }
            search(index + 1, distance)
        }
        search(0, 0)
        return best
    }

    /// Whether some plan covers every member of `required`.
    func canCover(_ required: Set<MemberID>) -> Bool {
        let indices = audited.indices.filter { required.contains(audited[$0]) }
        guard indices.count == required.count else { return false }
        var pairs: [(MemberID, AuditorID)] = []
        func search(_ position: Int) -> Bool {
            guard position < indices.count else { return true }
            let index = indices[position]
            for option in options[index] {
                pairs.append((audited[index], option.auditor))
                defer { pairs.removeLast() }
                if consistent(pairs), search(position + 1) { return true }
            }
            return false
        }
        return search(0)
    }
}
