import Foundation

/// A state of a machine, as it appears in tables, the database and documentation.
public protocol MachineState: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// The kind of an event, without its data: what transition tables are keyed by.
public protocol MachineEventKind: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// A fact a machine responds to: the day it happened and its kind.
public protocol MachineEvent: Sendable {
    associatedtype Kind: MachineEventKind
    var day: Day { get }
    var kind: Kind { get }
}

/// A state machine whose legal moves are declared as data in `transitions`.
///
/// `apply` must agree with the table; a test walks every (state, event kind) pair of every
/// machine against it, and `docs/state-machines.md` is generated from the same tables.
public protocol StateMachine: Sendable {
    associatedtype State: MachineState
    associatedtype EventKind: MachineEventKind
    associatedtype Event: MachineEvent where Event.Kind == EventKind

    /// The machine's name in errors and documentation.
    static var machineName: String { get }
    /// Every legal move, fact-driven or calendar-driven.
    static var transitions: TransitionTable<State, EventKind> { get }
    /// The state the facts alone give, before the calendar is consulted.
    var state: State { get }
    /// What errors name it by: an audit id, a certification's member and scheme.
    var subject: String { get }
    /// Every move so far, oldest first.
    var history: [Transition<State, EventKind>] { get }
    /// The day the machine came into being in its initial state (engaged, planned, raised…), when it has one.
    var openedOn: Day? { get }
    /// The machine, its subject and state, with `event` refused.
    func illegal(_ event: EventKind) -> IllegalMove.Machine
    /// Moves by one fact as `transitions` allows; a refused event leaves the value unchanged.
    @discardableResult
    mutating func apply(_ event: Event) throws(TransitionError) -> Transition<State, EventKind>
}

extension StateMachine {
    /// The day the machine entered its current state, when known.
    public var stateSince: Day? { history.last?.on ?? openedOn }

    /// The typed error refusing `event` in the current state.
    func refusal(_ event: Event) -> TransitionError {
        .illegal(IllegalMove(illegal(event.kind), since: stateSince, on: event.day))
    }
}

/// A machine whose facts move it as its table says: the table alone decides whether a move is
/// legal and where it leads, so a new transition is a one-line change to the table.
///
/// The machine only says what an allowed event changes in its data (`absorb`), and refuses
/// what the table cannot express (a renewal with no recertification audit) before changing
/// anything.
protocol TableDrivenMachine: StateMachine {
    var state: State { get set }
    var history: [Transition<State, EventKind>] { get set }
    /// Takes in what `event` carries, once the table has allowed the move from `from`.
    mutating func absorb(_ event: Event, from: State) throws(TransitionError)
}

extension TableDrivenMachine {
    /// Moves by one fact as the table says; a refused event leaves the value unchanged.
    mutating func move(by event: Event) throws(TransitionError) -> Transition<State, EventKind> {
        let from = state
        guard let to = Self.transitions.target(from: from, on: event.kind, by: .fact) else { throw refusal(event) }
        try absorb(event, from: from)
        let move = Transition(from: from, event: event.kind, to: to, on: event.day)
        enter(move)
        return move
    }

    /// Records `move`, by a fact or by the calendar, and enters the state it leads to.
    mutating func enter(_ move: Transition<State, EventKind>) {
        history.append(move)
        state = move.to
    }
}

/// Whether a move is caused by a person's act (a fact in the log) or by the calendar.
public enum TransitionCause: String, Codable, Sendable {
    /// A recorded fact: someone did or decided something.
    case fact
    /// Derived by `advance(to:)`: a deadline passed.
    case calendar
}

/// One legal move of a machine: in `from`, an event of kind `event` leads to `to`.
public struct TransitionRule<State: MachineState, EventKind: MachineEventKind>: Hashable, Sendable {
    public let from: State
    public let event: EventKind
    public let to: State
    public let cause: TransitionCause

    public init(_ from: State, _ event: EventKind, _ to: State, cause: TransitionCause = .fact) {
        self.from = from
        self.event = event
        self.to = to
        self.cause = cause
    }
}

/// A machine's transition table.
public struct TransitionTable<State: MachineState, EventKind: MachineEventKind>: Sendable {
    /// The state a new machine starts in.
    public let initial: State
    public let rules: [TransitionRule<State, EventKind>]
    /// The rules the calendar moves by, apart: every replayed day asks them of a certification
    /// (`Certification.nextCalendarMove()`), three at a time, and they are a few of the table's.
    private let calendarRules: [TransitionRule<State, EventKind>]

    public init(initial: State, rules: [TransitionRule<State, EventKind>]) {
        self.initial = initial
        self.rules = rules
        calendarRules = rules.filter { $0.cause == .calendar }
    }

    /// The state `event` leads to from `state`, or nil when the pair is illegal.
    public func target(from state: State, on event: EventKind) -> State? {
        rules.first { $0.from == state && $0.event == event }?.to
    }

    /// The state a move of `cause` (a recorded fact, or the calendar) leads to from `state` on
    /// `event`, or nil when no rule of that cause allows it.
    public func target(from state: State, on event: EventKind, by cause: TransitionCause) -> State? {
        (cause == .calendar ? calendarRules : rules).first { $0.from == state && $0.event == event && $0.cause == cause }?.to
    }
}

/// A move that happened: recorded in the machine's history, shown by `show` commands.
public struct Transition<State: MachineState, EventKind: MachineEventKind>: Hashable, Sendable {
    public let from: State
    public let event: EventKind
    public let to: State
    public let on: Day

    public init(from: State, event: EventKind, to: State, on: Day) {
        self.from = from
        self.event = event
        self.to = to
        self.on = on
    }
}
