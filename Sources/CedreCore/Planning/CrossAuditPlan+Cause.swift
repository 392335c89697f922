import Foundation

extension CrossAuditPlan {
    /// Why a plan leaves members out, when one cause covers every one of them: said once for
    /// all instead of once per member.
    public enum SharedCause: String, Equatable, Sendable {
        /// The scheme has no cross-auditor at all.
        case noAuditor = "no-auditor"
        /// No auditor holds a valid qualification (rule 16) for any of them; the others are kept
        /// away only by their own company, GES or declared links (rule 15).
        case noQualifiedAuditor = "no-qualified-auditor"
        /// The calendar leaves none of them a working day before their external audit (rules 13, 20).
        case noWorkingDay = "no-working-day"
    }

    /// The cause every member left out shares, or nil when none is left out or their causes differ.
    public var sharedCause: SharedCause? {
        guard !unassigned.isEmpty else { return nil }
        if unassigned.allSatisfy(\.whyNot.isEmpty) { return .noAuditor }
        let structural: Set<CrossAuditConstraint> = [.ownCompany, .sameGroup, .declaredLink]
        if unassigned.allSatisfy({ left in
            left.whyNot.contains { $0.policy == .qualification }
                && left.whyNot.allSatisfy { $0.policy == .qualification || structural.contains($0.policy) }
        }) {
            return .noQualifiedAuditor
        }
        let calendar: Set<CrossAuditConstraint> = [.calendar, .workingDay]
        if unassigned.allSatisfy({ left in left.relaxation == nil && left.whyNot.allSatisfy { calendar.contains($0.policy) } }) {
            return .noWorkingDay
        }
        return nil
    }
}
