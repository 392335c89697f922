import Foundation

/// A certification scheme: the referential and every rule that governs certifications
/// under it.
///
/// Cycle lengths, deadlines, grades, sampling factors and cross-audit policies are read from
/// here, never written as constants in a command, so a federation changes a rule by editing
/// the scheme's JSON (validated by `Schemas/json/scheme.schema.json`).
public struct Scheme: Codable, Equatable, Sendable {
    /// Whether one certificate covers one member or a group of sites.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case single
        case group
    }

    public var id: SchemeID
    public var name: String
    public var kind: Kind
    public var cycle: CycleRules
    public var grading: GradingScale
    public var group: GroupRules?
    public var crossAudit: CrossAuditRules
    public var referentialVersions: [ReferentialVersion]

    public init(
        id: SchemeID, name: String, kind: Kind, cycle: CycleRules, grading: GradingScale,
        group: GroupRules?, crossAudit: CrossAuditRules, referentialVersions: [ReferentialVersion]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.cycle = cycle
        self.grading = grading
        self.group = group
        self.crossAudit = crossAudit
        self.referentialVersions = referentialVersions
    }
}

/// Rules 1–5: the certification cycle, surveillance, expiry, restoration and suspension.
public struct CycleRules: Codable, Equatable, Sendable {
    /// Rule 1: a certificate is valid this many months from its decision.
    public var validityMonths: Int
    /// Rule 2: the first surveillance audit is due this many months after the decision.
    public var firstSurveillanceWithinMonths: Int
    /// Rule 2: at least one surveillance audit in each calendar year of the cycle, except
    /// the year of the decision and the recertification year.
    public var surveillanceEachCalendarYear: Bool
    /// Rule 3: an expired certificate can be restored by a recertification decided within
    /// this many months of its expiry.
    public var restoreWindowMonths: Int
    /// Rule 4: a suspension lasts at most this many months; then the certificate is withdrawn.
    public var maximumSuspensionMonths: Int
    /// Rule 5: warn when no recertification audit is planned this many months before expiry.
    public var recertificationPlanningMonths: Int
    /// Rule 22: an engagement with no initial audit planned this many months after it is a
    /// notice; absent from a definition, `defaultEngagementStalledMonths`.
    public var engagementStalledMonths: Int?

    /// Rule 22's default: two years.
    public static let defaultEngagementStalledMonths = 24

    public init(
        validityMonths: Int, firstSurveillanceWithinMonths: Int, surveillanceEachCalendarYear: Bool,
        restoreWindowMonths: Int, maximumSuspensionMonths: Int, recertificationPlanningMonths: Int,
        engagementStalledMonths: Int? = nil
    ) {
        self.validityMonths = validityMonths
        self.firstSurveillanceWithinMonths = firstSurveillanceWithinMonths
        self.surveillanceEachCalendarYear = surveillanceEachCalendarYear
        self.restoreWindowMonths = restoreWindowMonths
        self.maximumSuspensionMonths = maximumSuspensionMonths
        self.recertificationPlanningMonths = recertificationPlanningMonths
        self.engagementStalledMonths = engagementStalledMonths
    }

    /// Rule 22: how long an engagement may wait for its initial audit to be planned.
    public var stalledEngagementMonths: Int {
        engagementStalledMonths ?? Self.defaultEngagementStalledMonths
    }
}

/// Rules 11–13 and the group parts of rules 8–10: how a multi-site certificate is audited.
public struct GroupRules: Codable, Equatable, Sendable {
    /// Rule 11: the central function is visited at every external audit.
    public var centralFunctionInEveryAudit: Bool
    /// Rule 12: sample sizes, as factors of √x for each kind of external audit.
    public var sampling: SamplingRules
    /// Rule 8 (group part): a minor found at this share of audited sites or more is major.
    public var minorEscalationSiteShare: Ratio
    /// Rule 13: every site is cross-audited before each external audit and before it joins.
    public var crossAuditBeforeExternalAudit: Bool

    public init(
        centralFunctionInEveryAudit: Bool, sampling: SamplingRules, minorEscalationSiteShare: Ratio,
        crossAuditBeforeExternalAudit: Bool
    ) {
        self.centralFunctionInEveryAudit = centralFunctionInEveryAudit
        self.sampling = sampling
        self.minorEscalationSiteShare = minorEscalationSiteShare
        self.crossAuditBeforeExternalAudit = crossAuditBeforeExternalAudit
    }
}

/// Rule 12: IAF MD 1 sample sizes and the share drawn at random.
public struct SamplingRules: Codable, Equatable, Sendable {
    /// Factor of √x for an initial audit (1 in IAF MD 1).
    public var initialFactor: Ratio
    /// Factor of √x for a surveillance audit (0.6).
    public var surveillanceFactor: Ratio
    /// Factor of √x for a recertification audit (0.8).
    public var recertificationFactor: Ratio
    /// The smallest sample, whatever x.
    public var minimumSample: Int
    /// Share of the sample drawn at random (at least ⌈share × sample⌉ sites).
    public var randomShare: Ratio
    /// Non-sampling mode: share of the sites visited in each surveillance year.
    public var nonSamplingSurveillanceShare: Ratio

    public init(
        initialFactor: Ratio, surveillanceFactor: Ratio, recertificationFactor: Ratio, minimumSample: Int,
        randomShare: Ratio, nonSamplingSurveillanceShare: Ratio
    ) {
        self.initialFactor = initialFactor
        self.surveillanceFactor = surveillanceFactor
        self.recertificationFactor = recertificationFactor
        self.minimumSample = minimumSample
        self.randomShare = randomShare
        self.nonSamplingSurveillanceShare = nonSamplingSurveillanceShare
    }
}

/// Rules 15–19: the cross-audit campaign of a scheme.
public struct CrossAuditRules: Codable, Equatable, Sendable {
    /// Rule 16: a cross-auditor's qualification is valid this many months after training.
    public var qualificationValidityMonths: Int
    /// Rules 15–20: the policies on by default (a campaign may switch them); one left out is on.
    public var policies: [ImpartialityPolicy: Bool]
    /// Rule 19: the most cross-audits one auditor does in a campaign.
    public var capacity: Int

    public init(qualificationValidityMonths: Int, policies: [ImpartialityPolicy: Bool], capacity: Int) {
        self.qualificationValidityMonths = qualificationValidityMonths
        self.policies = policies
        self.capacity = capacity
    }
}

/// Rule 14: a version of the referential, with its transition period.
public struct ReferentialVersion: Codable, Equatable, Sendable {
    public var id: String
    public var publishedOn: Day
    /// Certificates under the previous version expire no later than publication + this.
    public var transitionMonths: Int?
    /// No audit under the previous version after transition end − this many months.
    public var lastAuditBeforeTransitionEndMonths: Int?

    public init(id: String, publishedOn: Day, transitionMonths: Int?, lastAuditBeforeTransitionEndMonths: Int?) {
        self.id = id
        self.publishedOn = publishedOn
        self.transitionMonths = transitionMonths
        self.lastAuditBeforeTransitionEndMonths = lastAuditBeforeTransitionEndMonths
    }

    /// The day certificates under the previous version stop being valid, if any.
    public var transitionEndsOn: Day? {
        transitionMonths.map { publishedOn.adding(months: $0) }
    }

    /// The last day an audit under the previous version may be held, if any.
    public var lastAuditUnderPreviousVersionOn: Day? {
        guard let end = transitionEndsOn, let months = lastAuditBeforeTransitionEndMonths else { return nil }
        return end.adding(months: -months)
    }
}

extension Scheme {
    /// The version with this id.
    public func referentialVersion(_ id: String) -> ReferentialVersion? {
        referentialVersions.first { $0.id == id }
    }

    /// The latest version published on or before `day`: the one audits follow by default.
    public func currentReferential(on day: Day) -> ReferentialVersion? {
        referentialVersions.filter { $0.publishedOn <= day }.max { $0.publishedOn < $1.publishedOn }
    }

    /// The version that replaces `id`, if one is declared with a transition period.
    public func successor(of id: String) -> ReferentialVersion? {
        guard let version = referentialVersion(id) else { return nil }
        return referentialVersions.filter { $0.publishedOn > version.publishedOn && $0.transitionMonths != nil }
            .min { $0.publishedOn < $1.publishedOn }
    }
}
