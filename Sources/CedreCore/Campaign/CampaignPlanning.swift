import Foundation

/// What planning a campaign decides: the plan, the policies it was planned with, and what became of
/// the previous plan's manual swaps — kept (the plan is built around them and they are recorded
/// again after it) or given up, each with why.
///
/// Its JSON form is the contract of `cedre campaign plan --format json`: the plan's members, then
/// `policies`, `keptSwaps` and `droppedSwaps`.
public struct CampaignPlanning: Equatable, Sendable {
    /// A manual swap the new plan keeps.
    public struct KeptSwap: Equatable, Sendable, Encodable {
        public let member: MemberID
        public let auditor: AuditorID
        public let day: Day
        /// The override's reason, kept when the swap still breaks policies.
        public let override: String?
        /// The policies it breaks beside the swaps kept before it; empty unless it is an override.
        public let broken: [CrossAuditConstraint]
    }

    /// A manual swap the new plan could not keep.
    public struct DroppedSwap: Equatable, Sendable, Encodable {
        /// Why a swap is given up.
        public enum Reason: String, Equatable, Sendable, Encodable {
            /// `--discard-swaps` asked for a fresh plan.
            case discarded
            /// Its member is no longer one the campaign cross-audits.
            case memberNotDue = "member-not-due"
            /// Its auditor no longer exists, or is not trained for the scheme.
            case auditorNotInScheme = "auditor-not-in-scheme"
            /// It breaks policies of the new plan, and was not an override.
            case breaksPolicies = "breaks-policies"
        }

        public let member: MemberID
        public let auditor: AuditorID
        public let day: Day
        /// Why it was given up.
        public let reason: Reason
        /// The policies it breaks, for `breaks-policies`.
        public let broken: [CrossAuditConstraint]
    }

    /// The planner's plan of every member but those of the kept swaps.
    public let plan: CrossAuditPlan
    /// The policies the plan was made with, recorded with it.
    public let policies: CampaignPolicies
    /// The previous plan's swaps kept, in the order they were made.
    public let kept: [KeptSwap]
    /// The previous plan's swaps given up, with why.
    public let dropped: [DroppedSwap]

    public init(plan: CrossAuditPlan, policies: CampaignPolicies, kept: [KeptSwap], dropped: [DroppedSwap]) {
        self.plan = plan
        self.policies = policies
        self.kept = kept
        self.dropped = dropped
    }

    /// The facts to record, all on one day: the plan with its policies, then each kept swap.
    public var facts: [Fact] {
        let campaign = plan.campaign
        let planned = Fact.campaignPlanned(
            scheme: campaign.scheme, year: campaign.year, seed: campaign.seed,
            assignments: plan.assignments.map { Campaign.Assignment(member: $0.member, auditor: $0.auditor, day: $0.day) },
            unassigned: plan.unassigned.map(\.member), policies: policies)
        return [planned] + kept.map { swap in
            .campaignSwapped(
                scheme: campaign.scheme, year: campaign.year,
                Campaign.Assignment(member: swap.member, auditor: swap.auditor, day: swap.day), override: swap.override)
        }
    }
}

extension CampaignPlanning: Encodable {
    private enum CodingKeys: String, CodingKey {
        case policies, keptSwaps, droppedSwaps
    }

    public func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policies, forKey: .policies)
        try container.encode(kept, forKey: .keptSwaps)
        try container.encode(dropped, forKey: .droppedSwaps)
    }
}
