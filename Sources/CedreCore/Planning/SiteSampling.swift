import Foundation

/// Draws the sites an external audit of a group certificate visits (IAF MD 1, rules 11–12).
///
/// Every number comes from the scheme's `SamplingRules`; every draw comes from a
/// `SeededGenerator`, so a sample recorded with its seed is replayed site for site.
public enum SiteSampler {
    /// Whether the certification body samples the sites or visits them by rotation.
    public enum Mode: String, Codable, CaseIterable, Sendable {
        /// IAF MD 1 sampling: ⌈factor·√x⌉ sites per audit.
        case sampling
        /// Every site at initial and recertification audits, ⌈share·x⌉ per surveillance year.
        case nonSampling = "non-sampling"
    }

    /// A site of the group as the sampler needs to see it.
    public struct Site: Equatable, Sendable {
        /// The member company the site is.
        public var member: MemberID
        /// Whether an external audit has visited the site in the current cycle.
        public var isVisitedInCycle: Bool
        /// Whether the site has findings still open.
        public var hasOpenFindings: Bool

        public init(member: MemberID, isVisitedInCycle: Bool, hasOpenFindings: Bool) {
            self.member = member
            self.isVisitedInCycle = isVisitedInCycle
            self.hasOpenFindings = hasOpenFindings
        }
    }

    /// The sites `audit` visits, drawn with `seed`.
    ///
    /// 1. The central function is visited first, always (rule 11), and counts neither in x
    ///    nor in the sample size; if it is also listed among `sites`, that entry is ignored.
    /// 2. The sites are sorted by member id (a member listed twice keeps the union of its
    ///    flags), so the order the caller lists them in never changes the sample; then the
    ///    generator shuffles them once. That order decides the random draws and breaks every
    ///    tie below, which is what makes the sample replayable from its seed.
    /// 3. The sample size is `rules.sampleSize(of: x, for: audit, mode: mode)`.
    /// 4. ⌈randomShare × sample size⌉ sites are taken first in the shuffled order: a uniform
    ///    random draw (reason `random`).
    /// 5. The rest of the sample is filled with sites not yet visited in the cycle (reason
    ///    `not-visited`), then sites with open findings (`open-findings`), then, if still
    ///    short, further sites in the shuffled order (`random`).
    ///
    /// In non-sampling mode, at a surveillance audit, the sites listed in
    /// `visitedAtFirstSurveillance` come last at every step, so the second surveillance of the
    /// cycle visits other sites than the first and returns to them only if too few are left.
    ///
    /// The result lists the central function, then the sites by reason in `SampleReason`
    /// order and by member id within a reason.
    public static func draw(
        audit: SiteSample.AuditKind,
        centralFunction: MemberID,
        sites: [Site],
        rules: SamplingRules,
        seed: UInt64,
        mode: Mode = .sampling,
        visitedAtFirstSurveillance: Set<MemberID> = []
    ) -> SiteSample {
        let candidates = distinctSites(sites, excluding: centralFunction)
        let sampleSize = rules.sampleSize(of: candidates.count, for: audit, mode: mode)
        let setAside = mode == .nonSampling && audit == .surveillance ? visitedAtFirstSurveillance : []

        var generator = SeededGenerator(seed: seed)
        let shuffled = generator.shuffled(candidates)
        let drawOrder = shuffled.filter { !setAside.contains($0.member) } + shuffled.filter { setAside.contains($0.member) }

        let drawnAtRandomCount = rules.countDrawnAtRandom(inSampleOf: sampleSize)
        var selections = drawOrder.prefix(drawnAtRandomCount).map { SiteSample.Selection(member: $0.member, reason: .drawnAtRandom) }

        let rank = Dictionary(uniqueKeysWithValues: drawOrder.enumerated().map { ($0.element.member, $0.offset) })
        let preferred = drawOrder.dropFirst(drawnAtRandomCount).sorted { left, right in
            (preference(of: left).rawValue, rank[left.member] ?? 0) < (preference(of: right).rawValue, rank[right.member] ?? 0)
        }
        selections += preferred.prefix(sampleSize - selections.count).map {
            SiteSample.Selection(member: $0.member, reason: preference(of: $0).reason)
        }

        let reasonOrder = Dictionary(uniqueKeysWithValues: SampleReason.allCases.enumerated().map { ($0.element, $0.offset) })
        selections.sort { left, right in
            (reasonOrder[left.reason] ?? 0, left.member.rawValue) < (reasonOrder[right.reason] ?? 0, right.member.rawValue)
        }
        return SiteSample(
            audit: audit, sites: candidates.count, sampleSize: sampleSize,
            sample: [SiteSample.Selection(member: centralFunction, reason: .centralFunction)] + selections)
    }

    /// The order sites fill the sample after the random share (step 5).
    private enum Preference: Int {
        case notVisited
        case openFindings
        case remaining

        var reason: SampleReason {
            switch self {
            case .notVisited: .notVisited
            case .openFindings: .openFindings
            case .remaining: .drawnAtRandom
            }
        }
    }

    private static func preference(of site: Site) -> Preference {
        if !site.isVisitedInCycle { return .notVisited }
        if site.hasOpenFindings { return .openFindings }
        return .remaining
    }

    /// The sites sorted by id, one per member, without the central function (steps 1–2).
    private static func distinctSites(_ sites: [Site], excluding centralFunction: MemberID) -> [Site] {
        var byMember: [MemberID: Site] = [:]
        for site in sites where site.member != centralFunction {
            if let known = byMember[site.member] {
                // A site listed twice keeps the union of its flags, whichever entry comes first.
                byMember[site.member] = Site(
                    member: site.member, isVisitedInCycle: known.isVisitedInCycle || site.isVisitedInCycle,
                    hasOpenFindings: known.hasOpenFindings || site.hasOpenFindings)
            } else {
                byMember[site.member] = site
            }
        }
        return byMember.values.sorted { $0.member < $1.member }
    }
}

extension SamplingRules {
    /// Rule 12: the factor of √x for `audit`.
    public func factor(for audit: SiteSample.AuditKind) -> Ratio {
        switch audit {
        case .initial: initialFactor
        case .surveillance: surveillanceFactor
        case .recertification: recertificationFactor
        }
    }

    /// Rule 12: how many of `x` sites (the central function excluded) `audit` visits.
    ///
    /// Sampling: ⌈factor·√x⌉, computed exactly in integers (0.8·√36 gives 5, 0.6·√25 gives 3).
    /// Non-sampling: every site at initial and recertification audits, ⌈share·x⌉ at a
    /// surveillance. Never fewer than `minimumSample` while there is a site, never more than x.
    public func sampleSize(of x: Int, for audit: SiteSample.AuditKind, mode: SiteSampler.Mode) -> Int {
        precondition(x >= 0, "a group cannot have a negative number of sites")
        guard x > 0 else { return 0 }
        let size: Int
        switch (mode, audit) {
        case (.sampling, _): size = factor(for: audit).ceilingOfProductWithSquareRoot(of: x)
        case (.nonSampling, .surveillance): size = nonSamplingSurveillanceShare.ceilingOfProduct(with: x)
        case (.nonSampling, .initial), (.nonSampling, .recertification): size = x
        }
        return min(max(size, minimumSample), x)
    }

    /// Rule 12: how many sites of a sample of `sampleSize` are drawn at random, ⌈share × size⌉.
    public func countDrawnAtRandom(inSampleOf sampleSize: Int) -> Int {
        min(randomShare.ceilingOfProduct(with: sampleSize), sampleSize)
    }
}
