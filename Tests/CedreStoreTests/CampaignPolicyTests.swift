import CedreCore
import CedreFixtures
import CedreJSON
import CedreSchemas
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// Rules 17–20 on the 2013 network's CEDRE ISO campaign of 2014: the policies a campaign is planned
/// with are recorded and every swap is checked against them (rules 18, 19), a swap never names a
/// member or an auditor outside the campaign, re-planning keeps manual swaps, audits fall on working
/// days (rule 20), and recorded cross-audits count for rotation (rule 17).
@Suite struct CampaignPolicyTests {
    private let departements = CedreFixtures.departements

    /// The 2013 network with the CEDRE ISO campaign of 2014 planned on 2 January under `switches`:
    /// planned once per process for each set of switches, copied for each test.
    private func planned(_ switches: [String] = []) throws -> CedreStore {
        try Self.plans.get(switches).copy()
    }

    private static let plans = Memo<[String], CedreStore> { switches in
        let store = try CedreStore.network2013()
        _ = try store.planCampaign(
            "cedre-iso", year: 2014, policySwitches: switches, seed: 2014, keepSwaps: true,
            departements: CedreFixtures.departements, commit: true, context: .tests(today: "2014-01-02"))
        return store
    }

    private func campaign(_ store: CedreStore) throws -> Campaign {
        try #require(try store.network().campaign("cedre-iso", year: 2014))
    }

    private func swap(_ store: CedreStore, _ request: Campaign.SwapRequest, on day: Day = "2014-01-03") throws -> Campaign.SwapDecision {
        try store.swapCampaignAssignment(
            request, scheme: "cedre-iso", year: 2014, departements: departements, context: .tests(today: day))
    }

    /// A swap of a planned member to another cross-auditor on its planned day that breaks exactly
    /// `expected` under `switches` (the scheme's defaults switched), beside the campaign as it stands.
    private func swapBreaking(
        _ expected: [CrossAuditConstraint], under switches: [String] = [], in store: CedreStore, excluding: Set<MemberID> = []
    ) throws -> Campaign.SwapRequest {
        let network = try store.network()
        let scheme = try #require(network.catalog["cedre-iso"])
        let campaign = try #require(network.campaign("cedre-iso", year: 2014))
        let problem = try network.crossAuditProblem(
            scheme: scheme, year: 2014, policies: CampaignPolicies.defaults(of: scheme).switching(switches),
            departements: departements,
            startOfYear: CertificationRegister(network: try store.network(through: "2014-01-01"), on: "2014-01-01"))
        for assignment in campaign.assignments where !excluding.contains(assignment.member) {
            for auditor in problem.auditors where auditor.id != assignment.auditor {
                let moved = Campaign.Assignment(member: assignment.member, auditor: auditor.id, day: assignment.day)
                if problem.violations(of: moved, among: campaign.assignments) == expected {
                    return Campaign.SwapRequest(member: assignment.member, auditor: auditor.id)
                }
            }
        }
        Issue.record("no swap breaks exactly \(expected)")
        throw CampaignError.noCampaign("cedre-iso", year: 2014)
    }

    // MARK: Rules 18 and 19: the recorded policies judge every swap

    @Test func thePoliciesArePlannedWithAreRecordedWithThePlan() throws {
        let store = try planned(["reciprocal=off", "capacity=3"])
        let recorded = try #require(try campaign(store).policies)
        #expect(!recorded.enabled.contains(.reciprocal))
        #expect(recorded.enabled.contains(.capacity) && recorded.enabled.contains(.workingDay))
        #expect(recorded.capacity == 3)
        let payload = try #require(try store.events().last { $0.kind == "campaign.planned" }?.payload)
        #expect(payload.contains(#""policies":{"capacity":3,"enabled":{"capacity":true,"declared-link":true,"#))
        #expect(payload.contains(#""reciprocal":false"#))
        #expect(try store.verify().problem == nil)
    }

    @Test func theRecordedPoliciesReadBackAndFollowTheFactsSchema() throws {
        let policies = CampaignPolicies(enabled: [.ownCompany, .qualification, .capacity], capacity: 10)
        let fact = Fact.campaignPlanned(
            scheme: "cedre", year: 2014, seed: 3, assignments: [Campaign.Assignment(member: "a", auditor: "b", day: "2014-03-04")],
            unassigned: [], policies: policies)
        let text = fact.payload.canonicalJSON
        #expect(text.contains(#""policies":{"capacity":10,"enabled":{"capacity":true,"declared-link":false,"own-company":true,"#
            + #""qualification":true,"reciprocal":false,"rotation":false,"same-group":false,"working-day":false}}"#))
        let read = try Fact(kind: .campaignPlanned, payload: FactPayload(json: JSONParser.parse(text)))
        #expect(read == fact)
        let schema = try JSONSchema(JSONParser.parse(CedreSchemas.json(named: "events")))
        let line = try JSONParser.parse(#"{"kind":"campaign.planned","on":"2014-01-02","payload":"# + text + "}")
        #expect(schema.validate(line) == [])
        // A policy the payload does not name was unknown to the plan: it is off
        let older = try FactPayload(json: JSONParser.parse(#"{"policies":{"capacity":2,"enabled":{"own-company":true}}}"#))
        #expect(older.policies == CampaignPolicies(enabled: [.ownCompany], capacity: 2))
        #expect(throws: FactPayloadError.self) {
            try FactPayload(json: JSONParser.parse(#"{"policies":{"capacity":0,"enabled":{}}}"#))
        }
    }

    @Test func ruleEighteenOffLetsAReciprocalSwapThatTheDefaultsRefuse() throws {
        // Given a campaign planned with rule 18 on (and room for more audits: capacity=10), a swap
        // making a reciprocal pair is refused
        let strict = try planned(["capacity=10"])
        let reciprocal = try swapBreaking([.reciprocal], under: ["capacity=10"], in: strict)
        #expect {
            try swap(strict, reciprocal)
        } throws: { error in
            guard case .swapBreaksPolicies(_, _, _, let broken, _) = error as? CampaignError else { return false }
            return broken == [.reciprocal]
        }
        // When the campaign is planned with reciprocal=off
        let loose = try planned(["capacity=10", "reciprocal=off"])
        let request = try swapBreaking([.reciprocal], under: ["capacity=10"], in: loose)
        // Then the same kind of swap is accepted, with nothing to override
        let decision = try swap(loose, request)
        #expect(decision.broken == [] && decision.override == nil)
        #expect(try campaign(loose).assignments.contains(decision.assignment))
    }

    @Test func ruleNineteenCapacityOneRefusesASecondAuditWithoutOverride() throws {
        // Given a campaign planned with capacity=1
        let store = try planned(["capacity=1"])
        let request = try swapBreaking([.capacity], under: ["capacity=1"], in: store)
        let before = try store.eventCount()
        // When an auditor that already has its audit is given a second one, it is refused
        #expect {
            try swap(store, request)
        } throws: { error in
            guard case .swapBreaksPolicies(_, _, _, let broken, _) = error as? CampaignError else { return false }
            return broken == [.capacity]
        }
        #expect(try store.eventCount() == before)
        // And kept with an override, which is recorded with its reason
        var overridden = request
        overridden.override = "the only auditor free that month"
        let decision = try swap(store, overridden)
        #expect(decision.broken == [.capacity])
        #expect(try campaign(store).overrides.map(\.override) == ["the only auditor free that month"])
        #expect(try store.eventCount() == before + 1)
    }

    @Test func ruleNineteenCapacityTenAllowsASecondAudit() throws {
        // Given a campaign planned with capacity=10, a swap giving an auditor one more audit than the
        // scheme's default of 2 would allow
        let store = try planned(["capacity=10"])
        let request = try swapBreaking([.capacity], under: ["capacity=2"], in: store)
        // When it is swapped, it is accepted without an override
        let decision = try swap(store, request)
        #expect(decision.broken == [] && decision.override == nil)
    }

    @Test func aPlanRecordedWithoutPoliciesIsJudgedByTheSchemesDefaults() throws {
        // Given a plan recorded as older versions did, without its policies
        let store = try CedreStore.network2013()
        try store.record([DatedFact(.campaignPlanned(
            scheme: "cedre-iso", year: 2014, seed: 1, assignments: [Campaign.Assignment(member: "aider-45", auditor: "croise-01", day: "2014-03-04")],
            unassigned: []), on: "2014-01-02")], context: .tests(today: "2014-01-02"))
        #expect(try campaign(store).policies == nil)
        #expect(try store.events().last?.payload.contains("policies") == false)
        // When aider-45 is swapped to its own company's auditor, the default own-company refuses it
        #expect(throws: CampaignError.swapBreaksPolicies(
            member: "aider-45", auditor: "croise-05", day: "2014-03-04", broken: [.ownCompany], dayOff: nil)) {
            try swap(store, Campaign.SwapRequest(member: "aider-45", auditor: "croise-05"))
        }
    }

    // MARK: What no override lifts

    @Test func aSwapNamingAMemberOrAnAuditorOutsideTheCampaignIsRefusedEvenWithAnOverrideAndWritesNothing() throws {
        let store = try planned()
        let before = try store.eventCount()
        let override = "forced"
        // Not a member at all
        #expect(throws: CampaignError.memberNotInCampaign("nobody", campaign: "cedre-iso/2014", .notAMember)) {
            try swap(store, Campaign.SwapRequest(member: "nobody", auditor: "croise-01", day: "2014-03-04", override: override))
        }
        // A member, but not under CEDRE ISO on 1 January 2014
        #expect(throws: CampaignError.memberNotInCampaign("tremplin-57", campaign: "cedre-iso/2014", .notUnderScheme(on: "2014-01-01"))) {
            try swap(store, Campaign.SwapRequest(member: "tremplin-57", auditor: "croise-01", day: "2014-03-04", override: override))
        }
        // An auditor that does not exist, with the id it most likely meant
        #expect(throws: CampaignError.unknownAuditor("croise-5", suggestion: "croise-05")) {
            try swap(store, Campaign.SwapRequest(member: "aider-45", auditor: "croise-5", override: override))
        }
        #expect(try store.eventCount() == before)
        #expect(try store.verify().problem == nil)
    }

    // MARK: Re-planning keeps manual swaps

    @Test func replanningKeepsTheManualSwapsAndOverridesUnlessTheyAreDiscarded() throws {
        // Given a plan with room for a third audit per auditor, one swap that breaks nothing and one override
        let store = try planned(["capacity=3"])
        let clean = try swapBreaking([], under: ["capacity=3"], in: store)
        let kept = try swap(store, clean)
        let own = Campaign.SwapRequest(member: "aider-45", auditor: "croise-05", day: "2014-03-04", override: "the only auditor free")
        _ = try swap(store, own)
        // When the campaign is planned again with another seed
        let again = try store.planCampaign(
            "cedre-iso", year: 2014, policySwitches: ["capacity=3"], seed: 7, keepSwaps: true, departements: departements,
            commit: true, context: .tests(today: "2014-01-06"))
        // Then both swaps are kept, the override with its reason, and the campaign holds them
        #expect(again.kept.map(\.member) == [kept.assignment.member, "aider-45"])
        #expect(again.kept.map(\.override) == [nil, "the only auditor free"])
        #expect(again.dropped.isEmpty)
        let replanned = try campaign(store)
        #expect(replanned.assignments.contains(kept.assignment))
        #expect(replanned.overrides.map(\.assignment) == [Campaign.Assignment(member: "aider-45", auditor: "croise-05", day: "2014-03-04")])
        #expect(!again.plan.assignments.contains { $0.member == "aider-45" || $0.member == kept.assignment.member })
        // And the planner planned around them: no auditor is booked twice on a day, none over capacity
        let days = replanned.assignments.map { "\($0.auditor) \($0.day)" }
        #expect(Set(days).count == days.count)
        let load = Dictionary(grouping: replanned.assignments.filter { $0.member != "aider-45" }, by: \.auditor).mapValues(\.count)
        #expect(load.values.allSatisfy { $0 <= 3 })

        // When it is planned again with --discard-swaps, they are given up and said so
        let fresh = try store.planCampaign(
            "cedre-iso", year: 2014, policySwitches: [], seed: 7, keepSwaps: false, departements: departements, commit: true,
            context: .tests(today: "2014-01-07"))
        #expect(fresh.kept.isEmpty)
        #expect(fresh.dropped.map(\.reason) == [.discarded, .discarded])
        #expect(try campaign(store).overrides.isEmpty)
        #expect(try store.verify().problem == nil)
    }

    @Test func replanningSaysWhichSwapsItCouldNotKeepAndWhy() throws {
        // Given three swaps giving one auditor three audits, legal under capacity=10
        let store = try planned(["capacity=10"])
        var moved: [MemberID] = []
        for _ in 0..<3 {
            let request = try swapBreaking([], under: ["capacity=10"], in: store, excluding: Set(moved))
            moved.append(try swap(store, Campaign.SwapRequest(member: request.member, auditor: "croise-01")).assignment.member)
        }
        // When the campaign is planned again with the default capacity of 2
        let again = try store.planCampaign(
            "cedre-iso", year: 2014, policySwitches: [], seed: 2014, keepSwaps: true, departements: departements, commit: true,
            context: .tests(today: "2014-01-06"))
        // Then the first two are kept, and the third is given up for capacity
        #expect(again.kept.map(\.member) == Array(moved.prefix(2)))
        #expect(again.dropped.map(\.member) == [moved[2]])
        #expect(again.dropped.first?.reason == .breaksPolicies)
        #expect(again.dropped.first?.broken == [.capacity])
    }

    // MARK: Rule 20: working days

    @Test func ruleTwentyASwapOntoAHolidayIsRefusedThenKeptWithAnOverride() throws {
        // Given a member cross-audited after Armistice Day, Tuesday 11 November 2014
        let store = try planned()
        let late = try #require(try campaign(store).assignments.filter { $0.day > "2014-11-11" }.first)
        let request = Campaign.SwapRequest(member: late.member, auditor: late.auditor, day: "2014-11-11")
        // When it is moved to that day, the working-day policy refuses it, naming the holiday
        #expect {
            try swap(store, request)
        } throws: { error in
            guard let error = error as? CampaignError, case .swapBreaksPolicies(_, _, _, let broken, let dayOff) = error else { return false }
            return broken == [.workingDay] && dayOff == .holiday("Armistice 1918")
        }
        // And an override keeps it
        var overridden = request
        overridden.override = "the member's only open day"
        let decision = try swap(store, overridden)
        #expect(decision.broken == [.workingDay])
        #expect(try campaign(store).assignments.contains(Campaign.Assignment(member: late.member, auditor: late.auditor, day: "2014-11-11")))
    }

    /// The 2013 network with CEDRE cross-auditors added in Moselle, Alsace, the Réunion, Mayotte and
    /// elsewhere; built once, only read (plans are dry runs).
    private static let withCedreAuditors = Result { () throws -> CedreStore in
        let store = try CedreStore.network2013()
        let companies: [MemberID] = ["tremplin-57", "coorace-alsace", "adherent-synthetique-053", "coorace-la-reunion-mayotte",
                                     "tifaki-hazi", "coup-d-main", "aider-45", "solipass-tierce"]
        try store.record(companies.enumerated().map { index, company in
            DatedFact(.auditorAdded(Auditor(
                id: AuditorID(rawValue: "cedre-\(index)"), name: "Auditeur CEDRE \(index)", member: company,
                trainedOn: ["cedre": "2013-06-03"])), on: "2013-06-03")
        }, context: .tests(today: "2013-12-31"))
        return store
    }

    @Test(arguments: [2014, 2015], [UInt64(1)])
    func ruleTwentyNoPlanOfThe2013NetworkFallsOnAWeekendOrAHoliday(year: Int, seed: UInt64) throws {
        try expectEveryCrossAuditOnAWorkingDay(year: year, seed: seed)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [2014, 2015], [UInt64(7), 2014])
    func ruleTwentyNoPlanOfThe2013NetworkFallsOnAWeekendOrAHolidayOnMoreSeeds(year: Int, seed: UInt64) throws {
        try expectEveryCrossAuditOnAWorkingDay(year: year, seed: seed)
    }

    private func expectEveryCrossAuditOnAWorkingDay(year: Int, seed: UInt64) throws {
        // Given the 2013 network, with CEDRE cross-auditors
        let store = try Self.withCedreAuditors.get()
        let network = try store.network()
        for scheme: SchemeID in ["cedre-iso", "cedre"] {
            // When the year's campaign is planned
            let planning = try store.planCampaign(
                scheme, year: year, policySwitches: scheme == "cedre" ? ["capacity=12", "reciprocal=off"] : [], seed: seed, keepSwaps: true,
                departements: departements, commit: false, context: .tests(today: Day.firstDay(ofYear: year).adding(days: 1)))
            // Then every cross-audit falls on a working day of its member's département
            #expect(!planning.plan.assignments.isEmpty)
            var departements = Set<String>()
            for assignment in planning.plan.assignments {
                let departement = try #require(network.members[assignment.member]?.member.departement)
                departements.insert(departement)
                let day = assignment.day
                #expect(day.weekday <= 5, "\(assignment.member) on \(day)")
                #expect(HolidayCalendar.france.holidays(in: year, departement: departement)[day] == nil, "\(departement) on \(day)")
            }
            // And the CEDRE plan does audit members of départements with holidays of their own
            if scheme == "cedre" { #expect(!departements.isDisjoint(with: ["57", "67", "68", "974", "976"])) }
        }
    }

    // MARK: Rule 17: rotation counts recorded cross-audits

    @Test func ruleSeventeenCountsLastYearsCrossAuditsRecordedWithAuditorIDs() throws {
        // Given amie (31) cross-audited on 4 November 2013 by croise-04 of coorace-midi-pyrenees, its
        // neighbour, recorded as an audit naming the auditor by its id; and two that do not count:
        // one naming the auditor by name, one cancelled
        let store = try CedreStore.network2013()
        let context = RecordingContext.tests(today: "2013-12-31")
        try store.record(context: context) { allocator in
            let held = try allocator.nextAudit(year: 2013)
            let named = try allocator.nextAudit(year: 2013)
            let cancelled = try allocator.nextAudit(year: 2013)
            return [
                DatedFact(.auditPlanned(CertificationKey(member: "amie", scheme: "cedre-iso"), held, kind: .crossAudit,
                                        scheduledOn: "2013-11-04", auditors: ["croise-04"]), on: "2013-10-01"),
                DatedFact(.auditConducted(CertificationKey(member: "amie", scheme: "cedre-iso"), held), on: "2013-11-04"),
                DatedFact(.auditPlanned(CertificationKey(member: "ailes", scheme: "cedre-iso"), named, kind: .crossAudit,
                                        scheduledOn: "2013-11-05", auditors: ["Auditeur croisé synthétique 07"]), on: "2013-10-01"),
                DatedFact(.auditPlanned(CertificationKey(member: "coup-d-main", scheme: "cedre-iso"), cancelled, kind: .crossAudit,
                                        scheduledOn: "2013-11-06", auditors: ["croise-01"]), on: "2013-10-01"),
                DatedFact(.auditCancelled(CertificationKey(member: "coup-d-main", scheme: "cedre-iso"), cancelled, reason: "moved"),
                          on: "2013-10-15"),
            ]
        }
        // When the 2014 campaign is planned
        let network = try store.network(through: "2014-01-01")
        let scheme = try #require(network.catalog["cedre-iso"])
        let problem = try network.crossAuditProblem(
            scheme: scheme, year: 2014, policies: .defaults(of: scheme), departements: departements,
            startOfYear: CertificationRegister(network: network, on: "2014-01-01"))
        // Then rotation knows amie's auditing company, and only it
        #expect(problem.previousCampaign == [CrossAuditProblem.PreviousAudit(audited: "amie", auditing: "coorace-midi-pyrenees")])
        let plan = CrossAuditPlanner.plan(problem, seed: 2014)
        #expect(plan.assignments.first { $0.member == "amie" }?.auditorMember != "coorace-midi-pyrenees")
        #expect(problem.violations(
            of: Campaign.Assignment(member: "amie", auditor: "croise-04", day: "2014-03-04"), among: []) == [.rotation])
    }
}
