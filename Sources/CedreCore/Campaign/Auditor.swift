import Foundation

/// A trained cross-auditor: a person of a member company, qualified for some schemes.
public struct Auditor: Equatable, Sendable {
    public let id: AuditorID
    public var name: String
    /// The member company the auditor works for (rule 15: never audits it).
    public var member: MemberID
    /// Rule 16: per scheme, the day of the last cross-auditor training.
    public var trainedOn: [SchemeID: Day]
    /// How long a training qualifies this auditor; nil for the scheme's validity (3 years).
    public var validityMonths: Int?

    public init(id: AuditorID, name: String, member: MemberID, trainedOn: [SchemeID: Day], validityMonths: Int? = nil) {
        self.id = id
        self.name = name
        self.member = member
        self.trainedOn = trainedOn
        self.validityMonths = validityMonths
    }

    /// The last day the auditor's qualification for `scheme` is valid (rule 16).
    public func qualifiedUntil(_ scheme: Scheme) -> Day? {
        trainedOn[scheme.id].map { $0.adding(months: validityMonths ?? scheme.crossAudit.qualificationValidityMonths) }
    }
}

/// A declared link between two members (rule 15): a client or supplier relation.
public struct MemberLink: Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case supplier, client, partner
    }

    public let first: MemberID
    public let second: MemberID
    public let kind: Kind

    /// The link, with its two members in a fixed order: links have no direction.
    public init(_ one: MemberID, _ other: MemberID, kind: Kind) {
        (first, second) = one < other ? (one, other) : (other, one)
        self.kind = kind
    }
}
