import Foundation

/// What a person did or decided: the only thing the event log holds.
///
/// What the calendar decides (overdue, expired, lapsed) is never a fact; machines derive it
/// from facts and a day. Each case names the certification it belongs to, so a fact can be
/// routed and replayed on its own.
public enum Fact: Equatable, Sendable {
    /// A member joins the register; `joined` is the day it joined the federation, when known.
    case memberAdded(Member, joined: Day?)
    case memberLeft(MemberID)
    /// The member's profile changes from the fact's day on (a new name, type, département, GES).
    case memberAmended(MemberID, MemberAmendment)
    case certificationEngaged(CertificationKey)
    case certificationDecided(CertificationKey)
    /// The decision that follows a surveillance audit: the certificate is maintained.
    case certificationMaintained(CertificationKey)
    case certificationSuspended(CertificationKey, reason: SuspensionReason)
    case certificationRestored(CertificationKey)
    case certificationWithdrawn(CertificationKey, reason: WithdrawalReason)
    /// `referential` is the version of the referential audited against (rule 14); nil for the
    /// latest published by the audit's day.
    case auditPlanned(
        CertificationKey, AuditID, kind: Audit.Kind, scheduledOn: Day, auditors: [String], referential: String? = nil)
    case auditConfirmed(CertificationKey, AuditID, scheduledOn: Day, auditors: [String])
    case auditPostponed(CertificationKey, AuditID, to: Day, reason: String)
    case auditCancelled(CertificationKey, AuditID, reason: String)
    case auditConducted(CertificationKey, AuditID)
    case auditReported(CertificationKey, AuditID)
    case auditClosed(CertificationKey, AuditID)
    case findingRaised(
        CertificationKey, FindingID, audit: AuditID, grade: GradeID, requirement: RequirementID, statement: String)
    case findingCorrected(CertificationKey, FindingID, statement: String)
    case findingPlanProposed(CertificationKey, FindingID, statement: String)
    case findingPlanAccepted(CertificationKey, FindingID, due: Day?)
    case findingImplemented(CertificationKey, FindingID)
    case findingVerified(CertificationKey, FindingID, effective: Bool)
    case findingRegraded(CertificationKey, FindingID, grade: GradeID, reason: String)
    /// Rule 10: a group site's answer to the investigation a finding at another site opened.
    case findingAnswered(CertificationKey, FindingID, affected: Bool, statement: String)
    case membershipApplied(CertificationKey)
    case membershipJoined(CertificationKey)
    case membershipSuspended(CertificationKey, reason: String)
    case membershipReinstated(CertificationKey)
    case membershipExcluded(CertificationKey, reason: String)
    /// Rule 12: the sites drawn for a group's external audit, with the seed that replays the draw.
    case sampleDrawn(SampleRecord)
    /// Rule 15: a client, supplier or partner link between two members.
    case membersLinked(MemberLink)
    /// A trained cross-auditor, with the day of its training for each scheme it may audit.
    case auditorAdded(Auditor)
    /// Rule 16: a new training for a scheme renews the auditor's qualification.
    case auditorQualified(AuditorID, scheme: SchemeID, trainedOn: Day)
    /// The campaign plan adopted, with the seed the planner used and the policies it was planned
    /// with (nil in plans recorded before plans recorded them: the scheme's defaults).
    case campaignPlanned(
        scheme: SchemeID, year: Int, seed: UInt64, assignments: [Campaign.Assignment], unassigned: [MemberID],
        policies: CampaignPolicies? = nil)
    /// One assignment changed by hand; `override` is the reason when it breaks a policy.
    case campaignSwapped(scheme: SchemeID, year: Int, Campaign.Assignment, override: String?)
    case campaignPublished(scheme: SchemeID, year: Int)
    case campaignCompleted(scheme: SchemeID, year: Int)
    /// A logged fact voided or corrected; the original stays in the log and the chain.
    indirect case correction(EventCorrection)
    /// Rule 8b: a scheme definition added to the register, or a revision of a known one that
    /// governs the certifications started from its day on.
    case schemeAdded(Scheme)

    /// The kind as the log's `kind` column writes it.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case memberAdded = "member.added"
        case memberLeft = "member.left"
        case memberAmended = "member.amended"
        case certificationEngaged = "certification.engaged"
        case certificationDecided = "certification.decided"
        case certificationMaintained = "certification.maintained"
        case certificationSuspended = "certification.suspended"
        case certificationRestored = "certification.restored"
        case certificationWithdrawn = "certification.withdrawn"
        case auditPlanned = "audit.planned"
        case auditConfirmed = "audit.confirmed"
        case auditPostponed = "audit.postponed"
        case auditCancelled = "audit.cancelled"
        case auditConducted = "audit.conducted"
        case auditReported = "audit.reported"
        case auditClosed = "audit.closed"
        case findingRaised = "finding.raised"
        case findingCorrected = "finding.corrected"
        case findingPlanProposed = "finding.planProposed"
        case findingPlanAccepted = "finding.planAccepted"
        case findingImplemented = "finding.implemented"
        case findingVerified = "finding.verified"
        case findingRegraded = "finding.regraded"
        case findingAnswered = "finding.answered"
        case membershipApplied = "membership.applied"
        case membershipJoined = "membership.joined"
        case membershipSuspended = "membership.suspended"
        case membershipReinstated = "membership.reinstated"
        case membershipExcluded = "membership.excluded"
        case sampleDrawn = "sample.drawn"
        case membersLinked = "member.linked"
        case auditorAdded = "auditor.added"
        case auditorQualified = "auditor.qualified"
        case campaignPlanned = "campaign.planned"
        case campaignSwapped = "campaign.swapped"
        case campaignPublished = "campaign.published"
        case campaignCompleted = "campaign.completed"
        case eventCorrected = "event.corrected"
        case eventVoided = "event.voided"
        case schemeAdded = "scheme.added"
    }

    public var kind: Kind {
        switch self {
        case .memberAdded: .memberAdded
        case .memberLeft: .memberLeft
        case .memberAmended: .memberAmended
        case .certificationEngaged: .certificationEngaged
        case .certificationDecided: .certificationDecided
        case .certificationMaintained: .certificationMaintained
        case .certificationSuspended: .certificationSuspended
        case .certificationRestored: .certificationRestored
        case .certificationWithdrawn: .certificationWithdrawn
        case .auditPlanned: .auditPlanned
        case .auditConfirmed: .auditConfirmed
        case .auditPostponed: .auditPostponed
        case .auditCancelled: .auditCancelled
        case .auditConducted: .auditConducted
        case .auditReported: .auditReported
        case .auditClosed: .auditClosed
        case .findingRaised: .findingRaised
        case .findingCorrected: .findingCorrected
        case .findingPlanProposed: .findingPlanProposed
        case .findingPlanAccepted: .findingPlanAccepted
        case .findingImplemented: .findingImplemented
        case .findingVerified: .findingVerified
        case .findingRegraded: .findingRegraded
        case .findingAnswered: .findingAnswered
        case .membershipApplied: .membershipApplied
        case .membershipJoined: .membershipJoined
        case .membershipSuspended: .membershipSuspended
        case .membershipReinstated: .membershipReinstated
        case .membershipExcluded: .membershipExcluded
        case .sampleDrawn: .sampleDrawn
        case .membersLinked: .membersLinked
        case .auditorAdded: .auditorAdded
        case .auditorQualified: .auditorQualified
        case .campaignPlanned: .campaignPlanned
        case .campaignSwapped: .campaignSwapped
        case .campaignPublished: .campaignPublished
        case .campaignCompleted: .campaignCompleted
        case .correction(let correction): correction.change == .voided ? .eventVoided : .eventCorrected
        case .schemeAdded: .schemeAdded
        }
    }

    /// The certification the fact belongs to; nil for facts about the member itself.
    public var key: CertificationKey? {
        switch self {
        case .correction(let correction):
            correction.stream.certificationKey
        case .memberAdded, .memberLeft, .memberAmended, .sampleDrawn, .membersLinked, .auditorAdded, .auditorQualified, .campaignPlanned,
            .campaignSwapped, .campaignPublished, .campaignCompleted, .schemeAdded:
            nil
        case .certificationEngaged(let key), .certificationDecided(let key), .certificationMaintained(let key),
            .certificationSuspended(let key, _),
            .certificationRestored(let key), .certificationWithdrawn(let key, _),
            .auditPlanned(let key, _, _, _, _, _), .auditConfirmed(let key, _, _, _), .auditPostponed(let key, _, _, _),
            .auditCancelled(let key, _, _), .auditConducted(let key, _), .auditReported(let key, _),
            .auditClosed(let key, _), .findingRaised(let key, _, _, _, _, _), .findingCorrected(let key, _, _),
            .findingPlanProposed(let key, _, _), .findingPlanAccepted(let key, _, _),
            .findingImplemented(let key, _), .findingVerified(let key, _, _), .findingRegraded(let key, _, _, _), .findingAnswered(let key, _, _, _),
            .membershipApplied(let key), .membershipJoined(let key), .membershipSuspended(let key, _),
            .membershipReinstated(let key), .membershipExcluded(let key, _):
            key
        }
    }

    /// The member the fact is about, if it is about one.
    public var member: MemberID? {
        switch self {
        case .memberAdded(let member, _): member.id
        case .memberLeft(let id), .memberAmended(let id, _): id
        case .correction(let correction): correction.stream.member
        case .sampleDrawn(let sample): sample.central
        case .membersLinked(let link): link.first
        case .auditorAdded(let auditor): auditor.member
        default: key?.member
        }
    }

    /// The log stream the fact is appended to: one per member, one per certification, one per
    /// auditor, scheme, campaign and group audit sample.
    public var stream: LogStream {
        switch self {
        case .correction(let correction): correction.stream
        case .schemeAdded(let scheme): .scheme(scheme.id)
        case .sampleDrawn(let sample): .sample(sample.scheme, year: sample.year, audit: sample.audit)
        case .auditorAdded(let auditor): .auditor(auditor.id)
        case .auditorQualified(let auditor, _, _): .auditor(auditor)
        case .campaignPlanned(let scheme, let year, _, _, _, _), .campaignSwapped(let scheme, let year, _, _),
            .campaignPublished(let scheme, let year), .campaignCompleted(let scheme, let year):
            .campaign(scheme, year: year)
        default: key.map(LogStream.certification) ?? .member(member ?? "")
        }
    }
}

/// A stream of the event log: what one fact belongs to, and what a replay of some facts reads.
///
/// The log's `stream` column writes it as text, its parts parted by `/`
/// (`certification/solipass/cedre`); ids never contain a `/`.
public enum LogStream: Hashable, Sendable, LosslessStringConvertible {
    /// `member/solipass`: the member's own facts (added, amended, linked, left).
    case member(MemberID)
    /// `certification/solipass/cedre`: a certification with its audits and findings.
    case certification(CertificationKey)
    /// `auditor/lemoine`: an auditor's training and qualifications.
    case auditor(AuditorID)
    /// `scheme/cedre-v3`: a scheme's definition and its revisions (rule 8b).
    case scheme(SchemeID)
    /// `campaign/cedre/2014`: a year's cross-audit campaign.
    case campaign(SchemeID, year: Int)
    /// `sample/cedre-iso/2014/surveillance`: the draws of one group audit.
    case sample(SchemeID, year: Int, audit: SiteSample.AuditKind)

    /// The stream a `stream` column names; nil for a text no fact writes.
    public init?(_ text: String) {
        // Split on the byte: a rebuild reads every certification's stream.
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            String(Substring($0))
        }
        guard parts.count >= 2, !parts.dropFirst().contains(where: \.isEmpty) else { return nil }
        switch (parts[0], parts.count) {
        case ("member", 2): self = .member(MemberID(rawValue: parts[1]))
        case ("certification", 3):
            self = .certification(CertificationKey(member: MemberID(rawValue: parts[1]), scheme: SchemeID(rawValue: parts[2])))
        case ("auditor", 2): self = .auditor(AuditorID(rawValue: parts[1]))
        case ("scheme", 2): self = .scheme(SchemeID(rawValue: parts[1]))
        case ("campaign", 3):
            guard let year = Int(parts[2]) else { return nil }
            self = .campaign(SchemeID(rawValue: parts[1]), year: year)
        case ("sample", 4):
            guard let year = Int(parts[2]), let audit = SiteSample.AuditKind(rawValue: parts[3]) else { return nil }
            self = .sample(SchemeID(rawValue: parts[1]), year: year, audit: audit)
        default: return nil
        }
    }

    /// The text of the log's `stream` column.
    public var description: String {
        switch self {
        case .member(let id): "member/\(id)"
        case .certification(let key): Self.text(of: key)
        case .auditor(let id): "auditor/\(id)"
        case .scheme(let id): "scheme/\(id)"
        case .campaign(let scheme, let year): "campaign/\(scheme)/\(year)"
        case .sample(let scheme, let year, let audit): "sample/\(scheme)/\(year)/\(audit.rawValue)"
        }
    }

    /// A certification stream's text, followed by up to two parts of a notice's subject.
    static func text(of key: CertificationKey, then first: String? = nil, _ second: String? = nil) -> String {
        String(slashJoining: "certification", key.member.rawValue, key.scheme.rawValue, first, second)
    }

    /// The certification a certification stream holds.
    public var certificationKey: CertificationKey? {
        if case .certification(let key) = self { key } else { nil }
    }

    /// The member a member or certification stream is about.
    public var member: MemberID? {
        switch self {
        case .member(let id): id
        case .certification(let key): key.member
        case .auditor, .scheme, .campaign, .sample: nil
        }
    }
}

/// A recorded sample draw (rule 12): what was drawn, with what seed, so it can be replayed.
public struct SampleRecord: Equatable, Sendable {
    public let scheme: SchemeID
    public let central: MemberID
    public let year: Int
    public let audit: SiteSample.AuditKind
    public let mode: SiteSampler.Mode
    public let seed: UInt64
    public let sites: [MemberID]

    public init(
        scheme: SchemeID, central: MemberID, year: Int, audit: SiteSample.AuditKind, mode: SiteSampler.Mode,
        seed: UInt64, sites: [MemberID]
    ) {
        self.scheme = scheme
        self.central = central
        self.year = year
        self.audit = audit
        self.mode = mode
        self.seed = seed
        self.sites = sites
    }
}

/// A fact with the day it happened: what is recorded, imported and replayed.
public struct DatedFact: Equatable, Sendable {
    public var fact: Fact
    public var day: Day

    public init(_ fact: Fact, on day: Day) {
        self.fact = fact
        self.day = day
    }
}
