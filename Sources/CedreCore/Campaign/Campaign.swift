import Foundation

/// A year's cross-audit campaign of a scheme: who audits whom, and when (rules 13, 15–20).
///
/// The plan comes from the planner, with the policies it was planned with; officers may swap an
/// assignment while the campaign is planned, each swap re-checked against those policies, and a
/// swap that breaks one is kept only as a recorded override with its reason.
public struct Campaign: TableDrivenMachine, Equatable {
    public enum State: String, MachineState, Codable {
        case draft
        case planned
        case published
        case completed
    }

    /// One cross-audit of the plan.
    public struct Assignment: Equatable, Sendable, Codable {
        public let member: MemberID
        public let auditor: AuditorID
        public let day: Day

        public init(member: MemberID, auditor: AuditorID, day: Day) {
            self.member = member
            self.auditor = auditor
            self.day = day
        }
    }

    /// An assignment changed by hand since the last plan; `override` is the reason it is kept
    /// although it breaks policies.
    public struct Swap: Equatable, Sendable {
        public let on: Day
        public let assignment: Assignment
        public let override: String?

        public init(on: Day, assignment: Assignment, override: String?) {
            self.on = on
            self.assignment = assignment
            self.override = override
        }
    }

    public enum Event: Equatable, Sendable {
        /// `policies` is nil for a plan recorded before plans recorded their policies.
        case planned(on: Day, seed: UInt64, assignments: [Assignment], unassigned: [MemberID], policies: CampaignPolicies? = nil)
        case swapped(on: Day, Assignment, override: String?)
        case published(on: Day)
        case completed(on: Day)
    }

    public enum EventKind: String, MachineEventKind {
        case planned
        case swapped
        case published
        case completed
    }

    public typealias Move = Transition<State, EventKind>

    public var subject: String { name }

    public static let machineName = "campaign"

    public var openedOn: Day? { nil }

    public func illegal(_ event: EventKind) -> IllegalMove.Machine { .campaign(scheme, year: year, state, event) }

    public let scheme: SchemeID
    public let year: Int
    public internal(set) var state: State = Campaign.transitions.initial
    public private(set) var seed: UInt64?
    public private(set) var assignments: [Assignment] = []
    /// Members the planner could not assign.
    public private(set) var unassigned: [MemberID] = []
    /// The policies of the plan; nil when it was recorded without them (the scheme's defaults).
    public private(set) var policies: CampaignPolicies?
    /// The swaps since the last plan, oldest first.
    public private(set) var swaps: [Swap] = []
    public internal(set) var history: [Move] = []

    public init(scheme: SchemeID, year: Int) {
        self.scheme = scheme
        self.year = year
    }

    /// `campaign/cedre/2014`: how errors and the log name it.
    public var name: String { "\(scheme)/\(year)" }

    /// The swaps kept although they break policies, with their reasons.
    public var overrides: [Swap] { swaps.filter { $0.override != nil } }

    /// The policies every swap is checked against: those of the plan, or the scheme's defaults
    /// for a plan recorded without them.
    public func policies(under scheme: Scheme) -> CampaignPolicies {
        policies ?? .defaults(of: scheme)
    }

    /// Applies one fact as `transitions` allows; a refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move { try move(by: event) }

    mutating func absorb(_ event: Event, from: State) {
        switch event {
        case .planned(_, let drawn, let plan, let left, let recorded):
            seed = drawn
            assignments = plan
            unassigned = left
            policies = recorded
            swaps = []
        case .swapped(let day, let assignment, let override):
            assignments.removeAll { $0.member == assignment.member }
            assignments.append(assignment)
            assignments.sort { $0.member < $1.member }
            unassigned.removeAll { $0 == assignment.member }
            swaps.append(Swap(on: day, assignment: assignment, override: override))
        case .published, .completed:
            break
        }
    }

    /// Every legal move of a campaign (DESIGN §4).
    public static let transitions = TransitionTable<State, EventKind>(
        initial: .draft,
        rules: [
            .init(.draft, .planned, .planned),
            .init(.planned, .planned, .planned),
            .init(.planned, .swapped, .planned),
            .init(.planned, .published, .published),
            .init(.published, .completed, .completed),
        ])
}

extension Campaign.Event: MachineEvent {
    /// The day the fact happened.
    public var day: Day {
        switch self {
        case .planned(let day, _, _, _, _), .swapped(let day, _, _), .published(let day), .completed(let day): day
        }
    }

    public var kind: Campaign.EventKind {
        switch self {
        case .planned: .planned
        case .swapped: .swapped
        case .published: .published
        case .completed: .completed
        }
    }
}
