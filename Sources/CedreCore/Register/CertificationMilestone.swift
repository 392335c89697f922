import Foundation

/// A day a member became, stayed or joined certified: what the yearly list and the
/// "certifications over time" chart count.
///
/// Under a single scheme an initial decision makes a member newly certified and a renewal
/// or restoration renews it. Under a group scheme the central function joins the group
/// certificate with its initial decision and each site joins on the day its membership
/// starts; the group certificate's renewals renew the central function.
public struct CertificationMilestone: Equatable, Sendable {
    /// What the member achieved that day.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case newlyCertified = "newly-certified"
        case renewed
        case joinedGroup = "joined-group"

        /// What a decision of `kind` under `scheme` achieves.
        public init(decision kind: Certification.Decision.Kind, under scheme: Scheme) {
            switch kind {
            case .initial: self = scheme.kind == .group ? .joinedGroup : .newlyCertified
            case .renewal, .restoration: self = .renewed
            }
        }
    }

    /// The member concerned.
    public let member: MemberID
    /// The scheme of the decision or of the group joined.
    public let scheme: SchemeID
    /// New, renewed or joined the group.
    public let kind: Kind
    /// The decision day, or the day the site joined.
    public let on: Day

    /// A milestone of `member` under `scheme`.
    public init(member: MemberID, scheme: SchemeID, kind: Kind, on: Day) {
        self.member = member
        self.scheme = scheme
        self.kind = kind
        self.on = on
    }

    /// The milestone a decision of `kind` makes: an initial decision joins a group certificate
    /// (its central function) or newly certifies; a renewal or a restoration renews.
    public init(_ key: CertificationKey, decision kind: Certification.Decision.Kind, on day: Day, under scheme: Scheme) {
        self.init(member: key.member, scheme: key.scheme, kind: Kind(decision: kind, under: scheme), on: day)
    }

    /// Every milestone of `network` on or before `day`, by day then member.
    public static func all(in network: Network, through day: Day) -> [CertificationMilestone] {
        var milestones: [CertificationMilestone] = []
        for dossier in network.dossiers.values {
            let key = dossier.key
            for decision in dossier.certification?.decisions ?? [] where decision.on <= day {
                milestones.append(CertificationMilestone(key, decision: decision.kind, on: decision.on, under: dossier.scheme))
            }
            if dossier.scheme.kind == .group, let joinedOn = dossier.membership?.joinedOn, joinedOn <= day {
                milestones.append(CertificationMilestone(member: key.member, scheme: key.scheme, kind: .joinedGroup, on: joinedOn))
            }
        }
        return milestones.sorted(by: inDayOrder)
    }

    /// By day, then member, then scheme; field by field, not as tuples that copy their strings
    /// at every comparison.
    public static func inDayOrder(_ first: CertificationMilestone, _ second: CertificationMilestone) -> Bool {
        if first.on != second.on { return first.on < second.on }
        if first.member != second.member { return first.member < second.member }
        return first.scheme < second.scheme
    }
}
