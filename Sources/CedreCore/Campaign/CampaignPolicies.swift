import Foundation

/// The policies a campaign is planned with (rules 15–20) and rule 19's capacity: recorded with the
/// plan, so that every later swap is checked against them, not against the scheme's defaults.
public struct CampaignPolicies: Equatable, Sendable {
    /// The policies in force; one left out is switched off for the campaign.
    public var enabled: Set<ImpartialityPolicy>
    /// Rule 19: the most cross-audits one auditor does in the campaign, when `capacity` is in force.
    public var capacity: Int

    public init(enabled: Set<ImpartialityPolicy>, capacity: Int) {
        self.enabled = enabled
        self.capacity = capacity
    }

    /// The scheme's defaults: what `campaign plan` uses without `--policy`, and what a plan recorded
    /// before plans recorded their policies was planned with.
    public static func defaults(of scheme: Scheme) -> CampaignPolicies {
        CampaignPolicies(
            enabled: Set(ImpartialityPolicy.allCases.filter { scheme.crossAudit.policies[$0] ?? true }),
            capacity: scheme.crossAudit.capacity)
    }

    /// These policies with `NAME=on|off` switches applied, as `campaign plan --policy` gives them;
    /// `capacity=N` sets rule 19's capacity and switches it on.
    public func switching(_ switches: [String]) throws(CampaignError) -> CampaignPolicies {
        var result = self
        for item in switches {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let policy = ImpartialityPolicy(rawValue: parts[0]) else {
                throw .invalidPolicySwitch(item, policy: nil)
            }
            switch parts[1].lowercased() {
            case "on", "true", "yes": result.enabled.insert(policy)
            case "off", "false", "no": result.enabled.remove(policy)
            case let number where policy == .capacity && Int(number).map(Bounds.capacity.contains) == true:
                result.capacity = Int(number) ?? result.capacity
                result.enabled.insert(.capacity)
            default:
                throw .invalidPolicySwitch(item, policy: policy)
            }
        }
        return result
    }
}

extension CampaignPolicies: Codable {
    private enum CodingKeys: String, CodingKey {
        case capacity, enabled
    }

    /// Reads what `encode(to:)` writes; a policy the object does not name did not exist when the
    /// plan was made, so the plan was not held to it: it is off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let switches = try container.decode([ImpartialityPolicy: Bool].self, forKey: .enabled)
        self.init(enabled: Set(switches.filter(\.value).keys), capacity: try container.decode(Int.self, forKey: .capacity))
    }

    /// `{"capacity": 2, "enabled": {"own-company": true, …, "reciprocal": false}}`: every policy
    /// with its switch, as the `campaign.planned` payload records them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(
            Dictionary(uniqueKeysWithValues: ImpartialityPolicy.allCases.map { ($0, enabled.contains($0)) }), forKey: .enabled)
    }
}
