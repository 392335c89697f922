import Foundation

/// The status certificate registries publish (IAF CertSearch): every internal state maps to one.
public enum PublicStatus: String, Codable, CaseIterable, Sendable {
    case active = "Active"
    case suspended = "Suspended"
    case withdrawn = "Withdrawn"
    case expired = "Expired"
    case cancelled = "Cancelled"
}

/// One certificate as a public registry lists it.
public struct RegistryEntry: Equatable, Sendable {
    /// Stable across runs and rebuilds: scheme, year of the first decision (or of joining the
    /// group) and member id, e.g. `CEDRE-ISO-2013-solipass-tierce`.
    public let certificate: String
    public let member: MemberID
    public let scheme: SchemeID
    public let status: PublicStatus
    public let certifiedOn: Day?
    public let expiresOn: Day?

    /// `CEDRE-ISO-2013-solipass-tierce`: the scheme, the year the certificate was first issued
    /// (or the site joined the group), the member.
    public static func certificateNumber(scheme: SchemeID, since day: Day, member: MemberID) -> String {
        "\(scheme.rawValue.uppercased())-\(day.year)-\(member)"
    }
}

extension CertificationRegister {
    /// Every certificate ever issued, with its public status on the register's day; members
    /// never certified are not listed.
    public var registry: [RegistryEntry] {
        allStatuses.compactMap { status in
            guard let certification = status.certification, let first = certification.decisions.first else { return nil }
            let since = status.membership?.joinedOn ?? first.on
            if status.membership != nil, status.membership?.joinedOn == nil { return nil }
            var number = RegistryEntry.certificateNumber(scheme: status.scheme, since: since, member: status.member)
            let base = number
            var suffix = 1
            while network.retiredCertificates.contains(number) {
                suffix += 1
                number = "\(base)-\(suffix)"
            }
            return RegistryEntry(
                certificate: number, member: status.member, scheme: status.scheme,
                status: PublicStatus(status), certifiedOn: certification.certifiedOn, expiresOn: certification.expiresOn)
        }
    }
}

extension PublicStatus {
    /// The public status of a standing: a withdrawal the member asked for (or its leaving) is
    /// a cancellation; one decided by the certification body is a withdrawal; a member working
    /// towards a new certificate holds an expired one.
    init(_ status: SchemeStatus) {
        switch status.standing {
        case .certified: self = .active
        case .suspended: self = .suspended
        case .expired, .lapsed, .candidate, .engaged, .initialAuditPlanned, .audited: self = .expired
        case .withdrawn:
            let reason = status.certification?.withdrawal?.reason
            self = reason == .memberLeft || reason == .memberRequest || status.membership?.state == .excluded ? .cancelled : .withdrawn
        }
    }
}
