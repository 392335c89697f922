import Foundation

/// The sites an external audit of a group certificate visits (rules 11–12), each with the
/// reason it was chosen, so an auditee or an accreditation assessor can check the selection.
///
/// Encoded as the `cedre sample --format json` contract:
/// `{"audit", "sites", "sampleSize", "sample": [{"member", "reason"}]}`.
public struct SiteSample: Codable, Equatable, Sendable {
    /// The external audits a site sample is drawn for; special and cross-audits have none.
    public enum AuditKind: String, Codable, CaseIterable, Sendable {
        /// Stage 2 of the initial certification: ⌈initialFactor·√x⌉ sites.
        case initial
        /// A surveillance audit of the cycle: ⌈surveillanceFactor·√x⌉ sites.
        case surveillance
        /// The recertification audit: ⌈recertificationFactor·√x⌉ sites.
        case recertification

        /// The sampled kind of an audit, or nil for audits that visit no sample of sites.
        public init?(_ kind: Audit.Kind) {
            switch kind {
            case .initial, .stage2: self = .initial
            case .surveillance: self = .surveillance
            case .recertification: self = .recertification
            case .stage1, .special, .crossAudit: return nil
            }
        }
    }

    /// One visited member and why it is in the sample.
    public struct Selection: Codable, Equatable, Sendable {
        /// The central function or a site of the group.
        public var member: MemberID
        /// Why it is visited, printed beside it for the auditee.
        public var reason: SampleReason

        public init(member: MemberID, reason: SampleReason) {
            self.member = member
            self.reason = reason
        }
    }

    /// The external audit the sample is drawn for.
    public var audit: AuditKind
    /// x: the sites of the group, the central function excluded.
    public var sites: Int
    /// The number of sites visited, the central function excluded.
    public var sampleSize: Int
    /// The central function first, then the sites by reason (in `SampleReason` order) and id.
    public var sample: [Selection]

    public init(audit: AuditKind, sites: Int, sampleSize: Int, sample: [Selection]) {
        self.audit = audit
        self.sites = sites
        self.sampleSize = sampleSize
        self.sample = sample
    }

    /// The visited members, central function first.
    public var members: [MemberID] { sample.map(\.member) }

    /// The sites drawn for `reason`, in sample order.
    public func members(for reason: SampleReason) -> [MemberID] {
        sample.filter { $0.reason == reason }.map(\.member)
    }
}

/// Why a member is in a site sample (rules 11–12); the raw values are the JSON contract.
public enum SampleReason: String, Codable, CaseIterable, Sendable {
    /// Rule 11: the central function is in every external audit.
    case centralFunction = "central-function"
    /// Drawn uniformly at random with the recorded seed.
    case drawnAtRandom = "random"
    /// Preferred because it has not been visited yet in the current cycle.
    case notVisited = "not-visited"
    /// Preferred because it has open findings.
    case openFindings = "open-findings"
}
