import Foundation

/// Where a member stands under a scheme on a day: the state reports count.
public enum Standing: String, Codable, CaseIterable, Sendable {
    /// A site that applied to a group certificate and has not joined yet.
    case candidate
    case engaged
    case initialAuditPlanned
    case audited
    case certified
    case suspended
    case expired
    case lapsed
    case withdrawn

    /// Whether the member holds a valid certificate (rules 3 and 4: suspended and expired do not).
    public var isCertified: Bool { self == .certified }

    /// Whether the member is on its way to a first certificate.
    public var isEngaged: Bool { self == .engaged || self == .initialAuditPlanned || self == .audited || self == .candidate }

    init(_ state: Certification.State) {
        switch state {
        case .engaged: self = .engaged
        case .initialAuditPlanned: self = .initialAuditPlanned
        case .audited: self = .audited
        case .certified: self = .certified
        case .suspended: self = .suspended
        case .expired: self = .expired
        case .lapsed: self = .lapsed
        case .withdrawn: self = .withdrawn
        }
    }
}

/// One member under one scheme on a day.
public struct SchemeStatus: Equatable, Sendable {
    public let member: MemberID
    public let scheme: SchemeID
    public let standing: Standing
    /// The certification it holds itself, or, for a group site, the group's.
    public let certification: Certification?
    /// For a group site, its membership.
    public let membership: GroupMembership?
}

/// Every member's standing under every scheme on one day, group sites included.
///
/// A group site holds no certificate of its own: it stands as its group certificate does
/// while it is a member, and is suspended or withdrawn with its own membership.
public struct CertificationRegister: Sendable {
    public let day: Day
    public let network: Network
    /// The certification of each group scheme: the one its central function holds.
    public let groupCertificates: [SchemeID: Certification]
    private let byMember: [MemberID: [SchemeStatus]]

    /// The register on `day` of a network replayed up to that day.
    public init(network: Network, on day: Day) {
        self.day = day
        self.network = network
        var groups: [SchemeID: Certification] = [:]
        for dossier in network.dossiers.values.sorted(by: { $0.key < $1.key }) where dossier.scheme.kind == .group {
            if groups[dossier.key.scheme] == nil, let certification = dossier.certification?.advance(to: day) {
                groups[dossier.key.scheme] = certification
            }
        }
        self.groupCertificates = groups
        var byMember: [MemberID: [SchemeStatus]] = [:]
        for dossier in network.dossiers.values {
            guard let status = CertificationRegister.status(of: dossier, on: day, groups: groups) else { continue }
            byMember[dossier.key.member, default: []].append(status)
        }
        self.byMember = byMember.mapValues { $0.sorted { $0.scheme < $1.scheme } }
    }

    /// The member's standing under each scheme it has a dossier in.
    public func statuses(of member: MemberID) -> [SchemeStatus] {
        byMember[member] ?? []
    }

    /// Every status, by member then scheme.
    public var allStatuses: [SchemeStatus] {
        byMember.keys.sorted().flatMap { byMember[$0] ?? [] }
    }

    /// One dossier's standing on `day`; `groups` holds the group certificates of group schemes.
    public static func status(of dossier: Dossier, on day: Day, groups: [SchemeID: Certification]) -> SchemeStatus? {
        let key = dossier.key
        if let certification = dossier.certification?.advance(to: day) {
            return SchemeStatus(
                member: key.member, scheme: key.scheme, standing: Standing(certification.state),
                certification: certification, membership: dossier.membership)
        }
        guard let membership = dossier.membership else { return nil }
        let group = groups[key.scheme]
        let standing: Standing
        switch membership.state {
        case .candidate: standing = .candidate
        case .member: standing = group.map { Standing($0.state) } ?? .candidate
        case .suspended: standing = .suspended
        case .excluded: standing = .withdrawn
        }
        return SchemeStatus(
            member: key.member, scheme: key.scheme, standing: standing, certification: group, membership: membership)
    }
}
