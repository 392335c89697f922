import CedreCore
import CedreTestSupport
import Foundation
import Testing

/// Rules 11–12: the central function and the IAF MD 1 site sample of a group certificate.
@Suite struct SiteSamplingTests {
    let rules = Schemes.cedreISO.group!.sampling
    let centralFunction: MemberID = "coorace-national"

    /// `count` sites `site-01`…, each with the flags the closures give its index.
    private func sites(
        _ count: Int, visited: (Int) -> Bool = { _ in true }, openFindings: (Int) -> Bool = { _ in false }
    ) -> [SiteSampler.Site] {
        (0..<count).map { $0 + 1 }.map { index in
            SiteSampler.Site(
                member: MemberID(rawValue: String(format: "site-%02d", index)), isVisitedInCycle: visited(index),
                hasOpenFindings: openFindings(index))
        }
    }

    private func draw(
        _ audit: SiteSample.AuditKind, _ sites: [SiteSampler.Site], seed: UInt64 = 2014,
        mode: SiteSampler.Mode = .sampling, visitedAtFirstSurveillance: Set<MemberID> = []
    ) -> SiteSample {
        SiteSampler.draw(
            audit: audit, centralFunction: centralFunction, sites: sites, rules: rules, seed: seed, mode: mode,
            visitedAtFirstSurveillance: visitedAtFirstSurveillance)
    }

    // MARK: Rule 12, sample sizes

    @Test(arguments: [(2, 2, 1, 2), (16, 4, 3, 4), (19, 5, 3, 4), (35, 6, 4, 5), (50, 8, 5, 6)])
    func sampleSizesFollowTheVectorsOfRuleTwelve(x: Int, initial: Int, surveillance: Int, recertification: Int) {
        #expect(rules.sampleSize(of: x, for: .initial, mode: .sampling) == initial)
        #expect(rules.sampleSize(of: x, for: .surveillance, mode: .sampling) == surveillance)
        #expect(rules.sampleSize(of: x, for: .recertification, mode: .sampling) == recertification)
    }

    @Test(arguments: [(16, 5), (35, 11), (50, 15)])
    func nonSamplingSurveillanceVisitsThirtyPercentOfTheSites(x: Int, surveillance: Int) {
        #expect(rules.sampleSize(of: x, for: .surveillance, mode: .nonSampling) == surveillance)
        #expect(rules.sampleSize(of: x, for: .initial, mode: .nonSampling) == x)
        #expect(rules.sampleSize(of: x, for: .recertification, mode: .nonSampling) == x)
    }

    @Test(arguments: 1...30)
    func aPerfectSquareGivesTheFactorTimesItsRootRoundedUp(k: Int) {
        // ⌈0.6·k⌉ = ⌈3k/5⌉ and ⌈0.8·k⌉ = ⌈4k/5⌉, in integers.
        #expect(rules.sampleSize(of: k * k, for: .initial, mode: .sampling) == k)
        #expect(rules.sampleSize(of: k * k, for: .surveillance, mode: .sampling) == (3 * k + 4) / 5)
        #expect(rules.sampleSize(of: k * k, for: .recertification, mode: .sampling) == (4 * k + 4) / 5)
    }

    @Test func exactProductsAreNotRoundedUpByFloatingPoint() {
        #expect(rules.sampleSize(of: 36, for: .recertification, mode: .sampling) == 5)
        #expect(rules.sampleSize(of: 25, for: .surveillance, mode: .sampling) == 3)
    }

    @Test func theFactorsAreReadFromTheScheme() {
        #expect(rules.factor(for: .initial) == Ratio(1, 1))
        #expect(rules.factor(for: .surveillance) == Ratio(3, 5))
        #expect(rules.factor(for: .recertification) == Ratio(4, 5))
        var doubled = rules
        doubled.surveillanceFactor = Ratio(6, 5)
        doubled.minimumSample = 2
        #expect(doubled.sampleSize(of: 25, for: .surveillance, mode: .sampling) == 6)
        #expect(doubled.sampleSize(of: 2, for: .surveillance, mode: .sampling) == 2)
        #expect(doubled.sampleSize(of: 1, for: .surveillance, mode: .sampling) == 1)
    }

    // MARK: Rule 12, the random share and the preferences

    @Test(arguments: [2, 16, 19, 35, 50])
    func atLeastAQuarterOfTheSampleIsDrawnAtRandom(x: Int) {
        for audit in SiteSample.AuditKind.allCases {
            let sample = draw(audit, sites(x, visited: { _ in false }))
            let expected = (sample.sampleSize + 3) / 4
            #expect(rules.countDrawnAtRandom(inSampleOf: sample.sampleSize) == expected)
            #expect(sample.members(for: .drawnAtRandom).count == expected)
            #expect(sample.members(for: .notVisited).count == sample.sampleSize - expected)
        }
    }

    @Test func theRandomDrawGivesEverySiteTheSameChance() {
        // Given 16 unvisited sites and 1,600 seeds, each drawing 1 site at random for an initial sample of 4.
        var draws: [MemberID: Int] = [:]
        for seed: UInt64 in 0..<1_600 {
            for member in draw(.initial, sites(16, visited: { _ in false }), seed: seed).members(for: .drawnAtRandom) {
                draws[member, default: 0] += 1
            }
        }
        // Then every site is drawn about 100 times (a fixed, replayable check, not a flaky one).
        #expect(draws.count == 16)
        #expect(draws.values.allSatisfy { (60...140).contains($0) }, "\(draws)")
    }

    @Test(arguments: 0..<40)
    func theRestPrefersSitesNotVisitedThenSitesWithOpenFindings(seed: UInt64) {
        // Given 16 sites: 2 not visited in the cycle, 3 visited with open findings, 11 visited and clean.
        let notVisited: Set<MemberID> = ["site-03", "site-11"]
        let withFindings: Set<MemberID> = ["site-05", "site-08", "site-14"]
        let group = sites(16, visited: { ![3, 11].contains($0) }, openFindings: { [5, 8, 14].contains($0) })
        // When an initial sample of 4 is drawn (1 at random).
        let sample = draw(.initial, group, seed: seed)
        // Then both unvisited sites are in it, the slots left go to sites with findings,
        // and no clean visited site is chosen but at random.
        #expect(sample.sampleSize == 4)
        let random = sample.members(for: .drawnAtRandom)
        #expect(random.count == 1)
        #expect(notVisited.isSubset(of: Set(sample.members)))
        #expect(Set(sample.members(for: .notVisited)) == notVisited.subtracting(random))
        #expect(Set(sample.members(for: .openFindings)).isSubset(of: withFindings))
        #expect(sample.members(for: .openFindings).count == 3 - sample.members(for: .notVisited).count)
    }

    @Test func aShortListOfPreferredSitesIsCompletedAtRandom() {
        // Given 50 sites, all visited in the cycle, one of them with open findings.
        let sample = draw(.initial, sites(50, openFindings: { $0 == 7 }))
        // Then the sample of 8 holds that site (unless drawn at random first) and random ones.
        #expect(sample.sampleSize == 8)
        #expect(sample.members.contains("site-07"))
        #expect(sample.members(for: .notVisited).isEmpty)
        #expect(sample.members(for: .openFindings).count + sample.members(for: .drawnAtRandom).count == 8)
    }

    // MARK: Rule 11

    @Test func theCentralFunctionIsInEverySampleAndCountsInNone() {
        for audit in SiteSample.AuditKind.allCases {
            for mode in SiteSampler.Mode.allCases {
                for x in [0, 1, 2, 18, 50] {
                    // The central function listed among the sites is not a site.
                    let listed = sites(x) + [SiteSampler.Site(member: centralFunction, isVisitedInCycle: false, hasOpenFindings: true)]
                    let sample = draw(audit, listed, mode: mode)
                    #expect(sample.sample.first == SiteSample.Selection(member: centralFunction, reason: .centralFunction))
                    #expect(sample.members(for: .centralFunction) == [centralFunction])
                    #expect(sample.sites == x)
                    #expect(sample.sampleSize == rules.sampleSize(of: x, for: audit, mode: mode))
                    #expect(sample.sample.count == sample.sampleSize + 1)
                    #expect(Set(sample.members).count == sample.sample.count)
                }
            }
        }
    }

    // MARK: Replay

    @Test func aSampleIsReplayedFromItsSeed() {
        let group = sites(35, visited: { $0 % 4 != 0 }, openFindings: { $0 % 5 == 0 })
        for audit in SiteSample.AuditKind.allCases {
            for seed: UInt64 in [0, 1, 2014, .max] {
                #expect(draw(audit, group, seed: seed) == draw(audit, group, seed: seed))
            }
        }
        let samples = Set((0..<20 as Range<UInt64>).map { draw(.initial, group, seed: $0).members })
        #expect(samples.count > 1, "the seed decides the draw")
    }

    @Test(arguments: 0..<20)
    func theOrderOfTheSitesDoesNotChangeTheSample(seed: UInt64) {
        let group = sites(19, visited: { $0 % 3 != 0 }, openFindings: { $0 % 2 == 0 })
        var shuffler = SeededGenerator(seed: seed &+ 99)
        let expected = draw(.surveillance, group, seed: seed)
        #expect(draw(.surveillance, group.reversed(), seed: seed) == expected)
        #expect(draw(.surveillance, shuffler.shuffled(group), seed: seed) == expected)
    }

    @Test func theSampleIsListedByReasonThenByMember() {
        let sample = draw(.initial, sites(50, visited: { $0 > 3 }, openFindings: { $0 % 10 == 0 }))
        let order = SampleReason.allCases
        let keys = sample.sample.map { (order.firstIndex(of: $0.reason) ?? 0, $0.member.rawValue) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }

    // MARK: Non-sampling mode

    @Test(arguments: 0..<20)
    func theSecondNonSamplingSurveillanceVisitsOtherSitesThanTheFirst(seed: UInt64) {
        // Given 16 sites, all visited at the initial audit.
        let group = sites(16)
        // When the first surveillance visits ⌈30 %⌉ of them…
        let first = draw(.surveillance, group, seed: seed, mode: .nonSampling)
        let firstSites = Set(first.members.dropFirst())
        #expect(first.sampleSize == 5)
        // …then the second visits 5 others.
        let second = draw(.surveillance, group, seed: seed &+ 1, mode: .nonSampling, visitedAtFirstSurveillance: firstSites)
        #expect(second.sampleSize == 5)
        #expect(Set(second.members.dropFirst()).isDisjoint(with: firstSites))
    }

    @Test func theSecondSurveillanceReturnsToTheFirstsSitesOnlyWhenNoOtherIsLeft() {
        let group = sites(1)
        let second = draw(.surveillance, group, mode: .nonSampling, visitedAtFirstSurveillance: ["site-01"])
        #expect(second.members == [centralFunction, "site-01"])
        let three = draw(.surveillance, sites(3), mode: .nonSampling, visitedAtFirstSurveillance: ["site-01"])
        #expect(three.sampleSize == 1)
        #expect(!three.members.contains("site-01"))
    }

    @Test func firstSurveillanceSitesAreIgnoredOutsideNonSamplingSurveillance() {
        let group = sites(16)
        let visited: Set<MemberID> = Set(group.prefix(12).map(\.member))
        #expect(draw(.surveillance, group, visitedAtFirstSurveillance: visited) == draw(.surveillance, group))
        #expect(draw(.initial, group, mode: .nonSampling, visitedAtFirstSurveillance: visited).sampleSize == 16)
    }

    @Test func nonSamplingInitialAndRecertificationAuditsVisitEverySite() {
        let group = sites(18, visited: { $0 > 6 }, openFindings: { $0 % 4 == 0 })
        for audit in [SiteSample.AuditKind.initial, .recertification] {
            let sample = draw(audit, group, mode: .nonSampling)
            #expect(Set(sample.members.dropFirst()) == Set(group.map(\.member)))
            #expect(sample.members(for: .drawnAtRandom).count >= 5)
        }
    }

    // MARK: Edges

    @Test func aGroupWithoutSitesVisitsOnlyTheCentralFunction() {
        for audit in SiteSample.AuditKind.allCases {
            for mode in SiteSampler.Mode.allCases {
                let sample = draw(audit, [], mode: mode)
                #expect(sample == SiteSample(
                    audit: audit, sites: 0, sampleSize: 0,
                    sample: [SiteSample.Selection(member: centralFunction, reason: .centralFunction)]))
            }
        }
    }

    @Test func aGroupWithOneSiteVisitsItAtEveryAudit() {
        for audit in SiteSample.AuditKind.allCases {
            for mode in SiteSampler.Mode.allCases {
                let sample = draw(audit, sites(1), mode: mode)
                #expect(sample.sampleSize == 1)
                #expect(sample.sample.last == SiteSample.Selection(member: "site-01", reason: .drawnAtRandom))
            }
        }
    }

    @Test func aMemberListedTwiceIsOneSiteWithBothFlags() {
        let twice = [
            SiteSampler.Site(member: "site-01", isVisitedInCycle: true, hasOpenFindings: true),
            SiteSampler.Site(member: "site-01", isVisitedInCycle: false, hasOpenFindings: false),
        ]
        let sample = draw(.initial, twice + sites(16).dropFirst())
        #expect(sample.sites == 16)
        #expect(draw(.initial, twice.reversed() + sites(16).dropFirst()) == sample)
    }

    @Test func onlyExternalAuditsAreSampled() {
        #expect(SiteSample.AuditKind(.initial) == .initial)
        #expect(SiteSample.AuditKind(.surveillance) == .surveillance)
        #expect(SiteSample.AuditKind(.recertification) == .recertification)
        #expect(SiteSample.AuditKind(.special) == nil)
        #expect(SiteSample.AuditKind(.crossAudit) == nil)
    }

    // MARK: A worked example

    /// The sites of the 2013 fixture's `cedre-iso` group, the central function excluded.
    private let groupOf2013: [MemberID] = [
        "aider-45", "agriservices", "ailes", "amie", "coorace-centre-limousin", "coorace-midi-pyrenees", "coup-d-main",
        "defi-emploi", "eclair-au-service-du-quotidien", "emploi-services", "energie-m4", "entraide-partage-et-travail",
        "le-tremplin-31", "solidarite-emploi-gatinais", "solipass-aci", "solipass-chateauneuf", "solipass-tierce",
        "tremplin-travail",
    ]

    @Test func aRecordedSurveillanceSampleOfTheEighteenSiteGroupIsReplayedSiteForSite() {
        // Given the 18 sites in 2014: every site visited in the cycle but one that joined late,
        // two with open findings.
        let group = groupOf2013.map { member in
            SiteSampler.Site(
                member: member, isVisitedInCycle: member != "defi-emploi",
                hasOpenFindings: ["ailes", "solipass-tierce"].contains(member))
        }
        // When the 2014 surveillance sample is drawn with seed 2014.
        let sample = draw(.surveillance, group, seed: 2014)
        // Then ⌈0.6·√18⌉ = 3 sites, one at random, then the late site, then one with findings;
        // this exact sample is what a replay of the logged seed must give, in every version.
        #expect(sample == SiteSample(
            audit: .surveillance, sites: 18, sampleSize: 3,
            sample: [
                SiteSample.Selection(member: centralFunction, reason: .centralFunction),
                SiteSample.Selection(member: "aider-45", reason: .drawnAtRandom),
                SiteSample.Selection(member: "defi-emploi", reason: .notVisited),
                SiteSample.Selection(member: "solipass-tierce", reason: .openFindings),
            ]))
    }

    // MARK: Contract

    @Test func theSampleEncodesAsTheCommandsJSONContract() throws {
        let sample = SiteSample(
            audit: .surveillance, sites: 18, sampleSize: 3,
            sample: [
                SiteSample.Selection(member: centralFunction, reason: .centralFunction),
                SiteSample.Selection(member: "amie", reason: .drawnAtRandom),
                SiteSample.Selection(member: "ailes", reason: .notVisited),
                SiteSample.Selection(member: "aider-45", reason: .openFindings),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(text == """
            {"audit":"surveillance","sample":[{"member":"coorace-national","reason":"central-function"},\
            {"member":"amie","reason":"random"},{"member":"ailes","reason":"not-visited"},\
            {"member":"aider-45","reason":"open-findings"}],"sampleSize":3,"sites":18}
            """)
        #expect(try JSONDecoder().decode(SiteSample.self, from: Data(text.utf8)) == sample)
        #expect(SampleReason.allCases.map(\.rawValue) == ["central-function", "random", "not-visited", "open-findings"])
        #expect(SiteSampler.Mode.allCases.map(\.rawValue) == ["sampling", "non-sampling"])
    }
}
