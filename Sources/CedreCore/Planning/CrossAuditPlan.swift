import Foundation

/// A cross-audit campaign's plan: who audits whom on which day, and, for every member left out,
/// why each candidate auditor was excluded and what would let one in.
///
/// Its JSON form is the contract of `cedre campaign plan --format json`.
public struct CrossAuditPlan: Codable, Equatable, Sendable {
    /// Which campaign this is, and the seed that reproduces it.
    public struct Campaign: Codable, Equatable, Sendable {
        public var scheme: SchemeID
        public var year: Int
        public var seed: UInt64

        public init(scheme: SchemeID, year: Int, seed: UInt64) {
            self.scheme = scheme
            self.year = year
            self.seed = seed
        }
    }

    /// One cross-audit: an auditor of `auditorMember` visits `member` on `day`.
    public struct Assignment: Codable, Equatable, Sendable {
        public var member: MemberID
        public var auditor: AuditorID
        public var auditorMember: MemberID
        public var day: Day
        /// Great-circle distance between the two companies' chefs-lieux.
        public var distanceKilometres: Double

        public init(member: MemberID, auditor: AuditorID, auditorMember: MemberID, day: Day, distanceKilometres: Double) {
            self.member = member
            self.auditor = auditor
            self.auditorMember = auditorMember
            self.day = day
            self.distanceKilometres = distanceKilometres
        }

        enum CodingKeys: String, CodingKey {
            case member, auditor, auditorMember, day
            case distanceKilometres = "distanceKm"
        }
    }

    /// A candidate auditor and the first constraint, in the fixed order, that keeps it away.
    public struct Exclusion: Codable, Equatable, Sendable {
        public var auditor: AuditorID
        public var policy: CrossAuditConstraint

        public init(auditor: AuditorID, policy: CrossAuditConstraint) {
            self.auditor = auditor
            self.policy = policy
        }
    }

    /// The smallest change of policies that lets an unassigned member in, the rest of the plan
    /// unchanged: the fewest policies switched off, a capacity raise counting as one; among equals,
    /// the one that spares the earlier rules (own-company is the last thing to give up, capacity
    /// the first); then the nearest auditor.
    public struct Relaxation: Codable, Equatable, Sendable {
        /// Policies to switch off (never `capacity`: a capacity problem is solved by `capacity`).
        public var switchOff: [ImpartialityPolicy]
        /// The capacity to raise rule 19 to, when the auditor is full.
        public var capacity: Int?
        /// The auditor who could then audit the member.
        public var auditor: AuditorID
        public var distanceKilometres: Double

        public init(switchOff: [ImpartialityPolicy], capacity: Int?, auditor: AuditorID, distanceKilometres: Double) {
            self.switchOff = switchOff
            self.capacity = capacity
            self.auditor = auditor
            self.distanceKilometres = distanceKilometres
        }

        /// How many changes it asks for: what "smallest" counts first.
        public var size: Int { switchOff.count + (capacity == nil ? 0 : 1) }

        enum CodingKeys: String, CodingKey {
            case switchOff, capacity, auditor
            case distanceKilometres = "distanceKm"
        }
    }

    /// A member the plan could not assign, explained.
    public struct Unassigned: Codable, Equatable, Sendable {
        public var member: MemberID
        /// Every auditor of the scheme, with the first constraint that excludes it given the plan.
        public var whyNot: [Exclusion]
        /// Nil when no switch helps: the calendar leaves no day, or the scheme has no other auditor.
        public var relaxation: Relaxation?

        public init(member: MemberID, whyNot: [Exclusion], relaxation: Relaxation?) {
            self.member = member
            self.whyNot = whyNot
            self.relaxation = relaxation
        }
    }

    public var campaign: Campaign
    /// In member order.
    public var assignments: [Assignment]
    /// In member order.
    public var unassigned: [Unassigned]
    public var totalDistanceKilometres: Double

    public init(campaign: Campaign, assignments: [Assignment], unassigned: [Unassigned], totalDistanceKilometres: Double) {
        self.campaign = campaign
        self.assignments = assignments
        self.unassigned = unassigned
        self.totalDistanceKilometres = totalDistanceKilometres
    }

    enum CodingKeys: String, CodingKey {
        case campaign, assignments, unassigned
        case totalDistanceKilometres = "totalDistanceKm"
    }
}
