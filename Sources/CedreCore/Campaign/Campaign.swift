import Foundation

/// A year's cross-audit campaign of a scheme: who audits whom, and when (rules 13, 15–19).
///
/// The plan comes from the planner; officers may swap an assignment while the campaign is
/// planned, each swap re-checked against the policies, and a swap that breaks one is kept
/// only as a recorded override with its reason.
public struct Campaign: StateMachine, Equatable {
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

    /// A swap kept although it breaks policies: who decided it, why, and what it breaks.
    public struct Override: Equatable, Sendable, Codable {
        public let on: Day
        public let assignment: Assignment
        public let reason: String
    }

    public enum Event: Equatable, Sendable {
        case planned(on: Day, seed: UInt64, assignments: [Assignment], unassigned: [MemberID])
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

    public let scheme: SchemeID
    public let year: Int
    public private(set) var state: State = .draft
    public private(set) var seed: UInt64?
    public private(set) var assignments: [Assignment] = []
    /// Members the planner could not assign.
    public private(set) var unassigned: [MemberID] = []
    public private(set) var overrides: [Override] = []
    public private(set) var history: [Move] = []

    public init(scheme: SchemeID, year: Int) {
        self.scheme = scheme
        self.year = year
    }

    /// `campaign/cedre/2014`: how errors and the log name it.
    public var name: String { "\(scheme)/\(year)" }

    /// Applies one fact; a refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move {
        let from = state
        let to: State
        switch event {
        case .planned(_, let drawn, let plan, let left):
            try require(from == .draft || from == .planned, event)
            seed = drawn
            assignments = plan
            unassigned = left
            overrides = []
            to = .planned
        case .swapped(let day, let assignment, let override):
            try require(from == .planned, event)
            assignments.removeAll { $0.member == assignment.member }
            assignments.append(assignment)
            assignments.sort { $0.member < $1.member }
            unassigned.removeAll { $0 == assignment.member }
            if let override { overrides.append(Override(on: day, assignment: assignment, reason: override)) }
            to = .planned
        case .published:
            try require(from == .planned, event)
            to = .published
        case .completed:
            try require(from == .published, event)
            to = .completed
        }
        let move = Move(from: from, event: event.kind, to: to, on: event.day)
        state = to
        history.append(move)
        return move
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
        case .planned(let day, _, _, _), .swapped(let day, _, _), .published(let day), .completed(let day): day
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
