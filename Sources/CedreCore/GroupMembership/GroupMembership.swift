import Foundation

/// A site's inclusion in a group certificate (member × group scheme).
///
/// The group rules that decide when a candidate may join (rule 13) or when exclusion is
/// refused (rule 9) live with the group certificate; this machine holds the states.
public struct GroupMembership: TableDrivenMachine, Equatable {
    public enum State: String, MachineState, Codable {
        case candidate
        case member
        case suspended
        case excluded
    }

    public enum Event: Equatable, Sendable {
        case applied(on: Day)
        case joined(on: Day)
        case suspended(on: Day, reason: String)
        case reinstated(on: Day)
        case excluded(on: Day, reason: String)
    }

    public enum EventKind: String, MachineEventKind {
        case applied
        case joined
        case suspended
        case reinstated
        case excluded
    }

    public typealias Move = Transition<State, EventKind>

    public var subject: String { key.description }

    public static let machineName = "group membership"

    public var openedOn: Day? { appliedOn }

    public func illegal(_ event: EventKind) -> IllegalMove.Machine { .groupMembership(key, state, event) }

    public let key: CertificationKey
    public internal(set) var state: State
    public private(set) var appliedOn: Day
    public private(set) var joinedOn: Day?
    public private(set) var suspendedOn: Day?
    public private(set) var excludedOn: Day?
    public private(set) var reason: String?
    public internal(set) var history: [Move] = []

    /// A candidacy recorded on `appliedOn`.
    public init(key: CertificationKey, appliedOn: Day) {
        self.key = key
        self.appliedOn = appliedOn
        self.state = GroupMembership.transitions.initial
    }

    /// Applies one fact as `transitions` allows; a refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move { try move(by: event) }

    mutating func absorb(_ event: Event, from: State) {
        switch event {
        case .applied(let day):
            appliedOn = day
            joinedOn = nil
            excludedOn = nil
        case .joined(let day):
            joinedOn = day
        case .suspended(let day, let why):
            suspendedOn = day
            reason = why
        case .reinstated:
            suspendedOn = nil
        case .excluded(let day, let why):
            excludedOn = day
            reason = why
        }
    }

    /// Every legal move of a group membership (DESIGN §4).
    public static let transitions = TransitionTable<State, EventKind>(
        initial: .candidate,
        rules: [
            .init(.excluded, .applied, .candidate),
            .init(.candidate, .joined, .member),
            .init(.member, .suspended, .suspended),
            .init(.suspended, .reinstated, .member),
            .init(.candidate, .excluded, .excluded),
            .init(.member, .excluded, .excluded),
            .init(.suspended, .excluded, .excluded),
        ])
}

extension GroupMembership.Event: MachineEvent {
    /// The day the fact happened.
    public var day: Day {
        switch self {
        case .applied(let day), .joined(let day), .suspended(let day, _), .reinstated(let day),
            .excluded(let day, _):
            day
        }
    }

    public var kind: GroupMembership.EventKind {
        switch self {
        case .applied: .applied
        case .joined: .joined
        case .suspended: .suspended
        case .reinstated: .reinstated
        case .excluded: .excluded
        }
    }
}
