import Foundation

/// A finding raised by an audit: a nonconformity with its corrective action and the check of
/// that action's effectiveness, or an observation that only needs noting.
public struct Finding: TableDrivenMachine, Equatable {
    public enum State: String, MachineState, Codable {
        case open
        case planProposed
        case planAccepted
        case implemented
        case verifiedEffective
        case ineffective
        /// An observation or opportunity for improvement: recorded, nothing to close.
        case noted

        /// Whether a finding in this state still needs work: what `Finding.isOpen` says, asked
        /// of a finding in an array without copying it (`Audit.State.isPending`).
        public var isOpen: Bool { self != .verifiedEffective && self != .noted }
    }

    public enum Event: Equatable, Sendable {
        /// Rule 8b: an immediate correction, before the root-cause analysis.
        case corrected(on: Day, statement: String)
        case planProposed(on: Day, statement: String)
        case planAccepted(on: Day, due: Day?)
        case implemented(on: Day)
        case verified(on: Day, effective: Bool)
        /// Rule 8: the auditor grades it otherwise (several minors on one requirement → major).
        case regraded(on: Day, to: GradeID, reason: String)
    }

    public enum EventKind: String, MachineEventKind {
        case corrected
        case planProposed
        case planAccepted
        case implemented
        case verifiedEffective
        case verifiedIneffective
        case regraded
    }

    /// A change of grade, kept in the finding's history.
    public struct Regrading: Equatable, Sendable, Codable {
        public let on: Day
        public let from: GradeID
        public let to: GradeID
        public let reason: String
    }

    public typealias Move = Transition<State, EventKind>

    public var subject: String { id.rawValue }

    public static let machineName = "finding"

    public var openedOn: Day? { raisedOn }

    public func illegal(_ event: EventKind) -> IllegalMove.Machine { .finding(id, state, event) }

    public let id: FindingID
    public let key: CertificationKey
    public let audit: AuditID
    public let requirement: RequirementID
    public let statement: String
    public let raisedOn: Day
    /// The day of the audit that raised it: deadlines count from there (rule 6).
    public let auditOn: Day
    public let originalGrade: GradeID
    public private(set) var grade: GradeID
    public internal(set) var state: State
    public private(set) var correction: String?
    public private(set) var plan: String?
    public private(set) var planAcceptedOn: Day?
    public private(set) var planDue: Day?
    public private(set) var implementedOn: Day?
    /// The day the corrective action was verified effective: the finding is closed.
    public private(set) var closedOn: Day?
    public private(set) var regradings: [Regrading] = []
    public internal(set) var history: [Move] = []

    /// A finding as raised; `requiresAction` is false for observations and opportunities.
    public init(
        id: FindingID, key: CertificationKey, audit: AuditID, grade: GradeID, requiresAction: Bool,
        requirement: RequirementID, statement: String, raisedOn: Day, auditOn: Day
    ) {
        self.id = id
        self.key = key
        self.audit = audit
        self.grade = grade
        self.originalGrade = grade
        self.requirement = requirement
        self.statement = statement
        self.raisedOn = raisedOn
        self.auditOn = auditOn
        self.state = requiresAction ? Finding.transitions.initial : .noted
    }

    /// Whether the finding still needs work: a nonconformity not yet verified effective.
    public var isOpen: Bool { state.isOpen }

    /// Whether an action plan has been accepted (and not found ineffective since).
    public var hasAcceptedPlan: Bool { [.planAccepted, .implemented, .verifiedEffective].contains(state) }

    /// The day the current grade was given: the audit day, or the last regrading.
    public var gradedOn: Day { regradings.last?.on ?? auditOn }

    /// Applies one fact as `transitions` allows; a refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move { try move(by: event) }

    mutating func absorb(_ event: Event, from: State) {
        switch event {
        case .corrected(_, let text):
            correction = text
        case .planProposed(_, let text):
            plan = text
            planAcceptedOn = nil
            planDue = nil
        case .planAccepted(let day, let due):
            planAcceptedOn = day
            planDue = due
        case .implemented(let day):
            implementedOn = day
        case .verified(let day, let effective):
            if effective { closedOn = day }
        case .regraded(let day, let newGrade, let reason):
            regradings.append(Regrading(on: day, from: grade, to: newGrade, reason: reason))
            grade = newGrade
        }
    }

    /// Every legal move of a finding (DESIGN §4).
    public static let transitions = TransitionTable<State, EventKind>(
        initial: .open,
        rules: [
            .init(.open, .corrected, .open),
            .init(.open, .planProposed, .planProposed),
            .init(.planProposed, .planProposed, .planProposed),
            .init(.ineffective, .planProposed, .planProposed),
            .init(.planProposed, .planAccepted, .planAccepted),
            .init(.planAccepted, .implemented, .implemented),
            .init(.implemented, .verifiedEffective, .verifiedEffective),
            .init(.implemented, .verifiedIneffective, .ineffective),
        ] + [State.open, .planProposed, .planAccepted, .implemented, .ineffective].map {
            TransitionRule($0, .regraded, $0)
        })
}

extension Finding.Event: MachineEvent {
    /// The day the fact happened.
    public var day: Day {
        switch self {
        case .corrected(let day, _), .planProposed(let day, _), .planAccepted(let day, _), .implemented(let day),
            .verified(let day, _), .regraded(let day, _, _):
            day
        }
    }

    public var kind: Finding.EventKind {
        switch self {
        case .corrected: .corrected
        case .planProposed: .planProposed
        case .planAccepted: .planAccepted
        case .implemented: .implemented
        case .verified(_, let effective): effective ? .verifiedEffective : .verifiedIneffective
        case .regraded: .regraded
        }
    }
}
