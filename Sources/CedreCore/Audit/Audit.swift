import Foundation

/// One audit of a certification: planned, held, reported and closed, or called off.
public struct Audit: TableDrivenMachine, Equatable {
    public enum State: String, MachineState, Codable {
        case planned
        case postponed
        case confirmed
        case conducted
        case reported
        case closed
        case cancelled

        /// Whether an audit in this state is still to be held (rule 21). A calendar asks it of
        /// an audit in an array (`audits[index].state.isPending`), where the audit's own
        /// `isPending` copies the audit first.
        public var isPending: Bool { self == .planned || self == .confirmed || self == .postponed }
    }

    /// What the audit is for; decides what it does to the certification.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// The initial certification audit in one step (or a new start after lapse).
        case initial
        /// Rule 23: stage 1 of the initial certification, the readiness review; it does not
        /// move the certification to audited.
        case stage1
        /// Rule 23: stage 2 of the initial certification, the certification audit; after a
        /// lapse, at least a new one leads back (rule 3).
        case stage2
        case surveillance
        case recertification
        /// A short-notice or extension audit; no effect on the cycle.
        case special
        /// A peer internal audit by a trained auditor of another member (rules 13, 15–19).
        case crossAudit = "cross-audit"

        /// Whether a certification body performs it (everything but cross-audits).
        public var isExternal: Bool { self != .crossAudit }

        /// Whether it belongs to the initial certification: in one step, or either stage.
        public var isInitial: Bool { self == .initial || self == .stage1 || self == .stage2 }

        /// Whether a certification decision can rest on it (rule 1): the initial audit, its
        /// stage 2, or a recertification audit.
        public var isDecisive: Bool { self == .initial || self == .stage2 || self == .recertification }
    }

    public enum Event: Equatable, Sendable {
        case confirmed(on: Day, scheduledOn: Day, auditors: [String])
        case postponed(on: Day, to: Day, reason: String)
        case cancelled(on: Day, reason: String)
        case conducted(on: Day)
        case findingRaised(on: Day)
        case reported(on: Day)
        case closed(on: Day)
    }

    public enum EventKind: String, MachineEventKind {
        case confirmed
        case postponed
        case cancelled
        case conducted
        case findingRaised
        case reported
        case closed
    }

    public typealias Move = Transition<State, EventKind>

    public var subject: String { id.rawValue }

    public static let machineName = "audit"

    public var openedOn: Day? { plannedOn }

    public func illegal(_ event: EventKind) -> IllegalMove.Machine { .audit(id, state, event) }

    public let id: AuditID
    public let key: CertificationKey
    public let kind: Kind
    public let plannedOn: Day
    /// The version of the referential audited against (rule 14).
    public let referential: String?
    public internal(set) var state: State
    /// The day the audit is expected to take place; moved by confirmation and postponement.
    public private(set) var scheduledOn: Day
    public private(set) var auditors: [String]
    public private(set) var conductedOn: Day?
    public private(set) var reportedOn: Day?
    public private(set) var closedOn: Day?
    public private(set) var cancelledOn: Day?
    /// The reason of the last cancellation or postponement.
    public private(set) var reason: String?
    public internal(set) var history: [Move] = []

    /// An audit as planned on `plannedOn`, to take place on `scheduledOn`.
    public init(
        id: AuditID, key: CertificationKey, kind: Kind, plannedOn: Day, scheduledOn: Day, auditors: [String],
        referential: String? = nil
    ) {
        self.id = id
        self.referential = referential
        self.key = key
        self.kind = kind
        self.plannedOn = plannedOn
        self.scheduledOn = scheduledOn
        self.auditors = auditors
        self.state = Audit.transitions.initial
    }

    /// Whether the audit took place.
    public var wasConducted: Bool { conductedOn != nil }

    /// Whether it is still to be held: planned, confirmed or postponed (rule 21).
    public var isPending: Bool { state.isPending }

    /// Applies one fact as `transitions` allows; a refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move { try move(by: event) }

    mutating func absorb(_ event: Event, from: State) {
        switch event {
        case .confirmed(_, let day, let names):
            scheduledOn = day
            auditors = names
        case .postponed(_, let day, let why):
            scheduledOn = day
            reason = why
        case .cancelled(let day, let why):
            cancelledOn = day
            reason = why
        case .conducted(let day):
            conductedOn = day
        case .findingRaised:
            break
        case .reported(let day):
            reportedOn = day
        case .closed(let day):
            closedOn = day
        }
    }

    /// Every legal move of an audit (DESIGN §4).
    public static let transitions = TransitionTable<State, EventKind>(
        initial: .planned,
        rules: [State.planned, .postponed, .confirmed].flatMap { from in
            [
                TransitionRule(from, .confirmed, .confirmed),
                TransitionRule(from, .postponed, .postponed),
                TransitionRule(from, .cancelled, .cancelled),
                TransitionRule(from, .conducted, .conducted),
            ]
        } + [
            .init(.conducted, .findingRaised, .conducted),
            .init(.reported, .findingRaised, .reported),
            .init(.conducted, .reported, .reported),
            .init(.reported, .closed, .closed),
        ])
}

extension Audit.Event: MachineEvent {
    /// The day the fact happened.
    public var day: Day {
        switch self {
        case .confirmed(let day, _, _), .postponed(let day, _, _), .cancelled(let day, _), .conducted(let day),
            .findingRaised(let day), .reported(let day), .closed(let day):
            day
        }
    }

    public var kind: Audit.EventKind {
        switch self {
        case .confirmed: .confirmed
        case .postponed: .postponed
        case .cancelled: .cancelled
        case .conducted: .conducted
        case .findingRaised: .findingRaised
        case .reported: .reported
        case .closed: .closed
        }
    }
}
