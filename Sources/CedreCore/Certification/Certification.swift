import Foundation

/// One member's certification under one scheme, from engagement to withdrawal.
///
/// The value holds only what facts established; what the calendar decides (expiry, the
/// restore window closing, a suspension outliving its maximum) is settled by
/// `advance(to:)` in `Certification+Calendar.swift`, so any past day can be replayed.
public struct Certification: TableDrivenMachine, Equatable {
    public enum State: String, MachineState, Codable {
        case engaged
        case initialAuditPlanned
        case audited
        case certified
        case suspended
        case expired
        case lapsed
        case withdrawn
    }

    /// The facts a certification responds to; audits and findings reach it through its dossier.
    public enum Event: Equatable, Sendable {
        case engaged(on: Day)
        case initialAuditPlanned(on: Day)
        case initialAuditUnplanned(on: Day)
        case initialAuditConducted(on: Day)
        case surveillanceAuditConducted(on: Day)
        case recertificationAuditPlanned(on: Day)
        case recertificationAuditUnplanned(on: Day)
        case recertificationAuditConducted(on: Day)
        /// A certification decision; under a referential version being replaced, the certificate
        /// expires no later than `expiryCap`, the transition's end (rule 14).
        case decided(on: Day, referential: String? = nil, expiryCap: Day? = nil)
        /// The decision after a surveillance audit: the certificate is maintained.
        case maintained(on: Day)
        case suspended(on: Day, reason: SuspensionReason)
        case restored(on: Day)
        case withdrawn(on: Day, reason: WithdrawalReason)
    }

    public enum EventKind: String, MachineEventKind {
        case engaged
        case initialAuditPlanned
        case initialAuditUnplanned
        case initialAuditConducted
        case surveillanceAuditConducted
        case recertificationAuditPlanned
        case recertificationAuditUnplanned
        case recertificationAuditConducted
        case decided
        case maintained
        case suspended
        case restored
        case withdrawn
        /// Calendar: the expiry day passed without a recertification decision (rule 3).
        case certificateExpired
        /// Calendar: the restore window after expiry closed (rule 3).
        case restoreWindowClosed
        /// Calendar: a suspension outlived its maximum (rule 4).
        case suspensionMaximumReached
    }

    /// A certification decision and the cycle it opened.
    public struct Decision: Equatable, Sendable, Codable {
        public enum Kind: String, Codable, Sendable {
            /// After an initial audit: a first certificate, or a new one after lapse.
            case initial
            /// A recertification decided before expiry (rule 1).
            case renewal
            /// A recertification decided within the restore window after expiry (rule 3).
            case restoration
        }

        public let on: Day
        public let kind: Kind
        public let expiresOn: Day
        /// The referential version the decision rests on (rule 14), when known.
        public let referential: String?

        public init(on: Day, kind: Kind, expiresOn: Day, referential: String? = nil) {
            self.on = on
            self.kind = kind
            self.expiresOn = expiresOn
            self.referential = referential
        }
    }

    /// A suspension in force (rule 4).
    public struct Suspension: Equatable, Sendable {
        public let on: Day
        public let reason: SuspensionReason
    }

    /// The end of a certification.
    public struct Withdrawal: Equatable, Sendable {
        public let on: Day
        public let reason: WithdrawalReason
    }

    public typealias Move = Transition<State, EventKind>

    public var subject: String { key.description }

    public static let machineName = "certification"

    public var openedOn: Day? { engagedOn }

    public func illegal(_ event: EventKind) -> IllegalMove.Machine { .certification(key, state, event) }

    public let key: CertificationKey
    public let rules: CycleRules
    public internal(set) var state: State
    public private(set) var engagedOn: Day
    /// Every decision, oldest first: the certificate's cycles.
    public private(set) var decisions: [Decision] = []
    /// Surveillance audits conducted in the current cycle.
    public private(set) var surveillanceAudits: [Day] = []
    /// The day a recertification audit of the current cycle was first planned (rule 5).
    public private(set) var recertificationPlannedOn: Day?
    /// The day a recertification audit of the current cycle was conducted.
    public private(set) var recertificationAuditedOn: Day?
    public private(set) var suspension: Suspension?
    public private(set) var withdrawal: Withdrawal?
    /// Every move, fact-driven and calendar-driven, in day order.
    public internal(set) var history: [Move]
    /// The last day the calendar was settled to.
    public private(set) var settledOn: Day

    /// A certification that starts with the member's engagement.
    public init(key: CertificationKey, rules: CycleRules, engagedOn: Day) {
        self.key = key
        self.rules = rules
        self.state = Certification.transitions.initial
        self.engagedOn = engagedOn
        self.settledOn = engagedOn
        self.history = []
    }

    /// The decision that opened the current cycle, if any.
    public var currentDecision: Decision? { decisions.last }

    /// Applies one fact dated on or after the previous one, settling the calendar up to its day.
    ///
    /// A refused event leaves the value unchanged.
    @discardableResult
    public mutating func apply(_ event: Event) throws(TransitionError) -> Move {
        var next = self
        next.settle(to: event.day)
        let move = try next.move(by: event)
        self = next
        return move
    }

    mutating func absorb(_ event: Event, from: State) throws(TransitionError) {
        switch event {
        case .engaged(let day):
            engagedOn = day
            suspension = nil
            withdrawal = nil
        case .initialAuditPlanned, .initialAuditUnplanned, .initialAuditConducted, .maintained:
            break
        case .surveillanceAuditConducted(let day):
            surveillanceAudits.append(day)
        case .recertificationAuditPlanned(let day):
            if recertificationPlannedOn == nil { recertificationPlannedOn = day }
        case .recertificationAuditUnplanned:
            if recertificationAuditedOn == nil { recertificationPlannedOn = nil }
        case .recertificationAuditConducted(let day):
            recertificationAuditedOn = day
            if recertificationPlannedOn == nil { recertificationPlannedOn = day }
        case .decided(let day, let referential, let cap):
            func expiry(_ day: Day) -> Day { cap.map { min($0, day) } ?? day }
            if from == .audited {
                startCycle(Decision(
                    on: day, kind: .initial, expiresOn: expiry(day.adding(months: rules.validityMonths)),
                    referential: referential))
            } else {
                guard let previous = currentDecision else { throw refusal(event) }
                guard recertificationAuditedOn != nil else {
                    throw .recertificationAuditMissing(key, state: from, current: previous, on: day)
                }
                let kind: Decision.Kind = from == .certified ? .renewal : .restoration
                startCycle(Decision(
                    on: day, kind: kind, expiresOn: expiry(previous.expiresOn.adding(months: rules.validityMonths)),
                    referential: referential))
            }
        case .suspended(let day, let reason):
            suspension = Suspension(on: day, reason: reason)
        case .restored:
            suspension = nil
        case .withdrawn(let day, let reason):
            withdrawal = Withdrawal(on: day, reason: reason)
        }
    }

    private mutating func startCycle(_ decision: Decision) {
        decisions.append(decision)
        surveillanceAudits = []
        recertificationPlannedOn = nil
        recertificationAuditedOn = nil
        suspension = nil
    }

    mutating func markSettled(_ day: Day) {
        settledOn = max(settledOn, day)
    }

    mutating func recordWithdrawalBySuspension(on day: Day) {
        withdrawal = Withdrawal(on: day, reason: .suspensionMaximumReached)
    }

}

extension Certification.Event: MachineEvent {
    /// The day the fact happened.
    public var day: Day {
        switch self {
        case .engaged(let day), .initialAuditPlanned(let day), .initialAuditUnplanned(let day),
            .initialAuditConducted(let day), .surveillanceAuditConducted(let day),
            .recertificationAuditPlanned(let day), .recertificationAuditUnplanned(let day),
            .recertificationAuditConducted(let day), .decided(let day, _, _), .maintained(let day), .suspended(let day, _),
            .restored(let day), .withdrawn(let day, _):
            day
        }
    }

    public var kind: Certification.EventKind {
        switch self {
        case .engaged: .engaged
        case .initialAuditPlanned: .initialAuditPlanned
        case .initialAuditUnplanned: .initialAuditUnplanned
        case .initialAuditConducted: .initialAuditConducted
        case .surveillanceAuditConducted: .surveillanceAuditConducted
        case .recertificationAuditPlanned: .recertificationAuditPlanned
        case .recertificationAuditUnplanned: .recertificationAuditUnplanned
        case .recertificationAuditConducted: .recertificationAuditConducted
        case .decided: .decided
        case .maintained: .maintained
        case .suspended: .suspended
        case .restored: .restored
        case .withdrawn: .withdrawn
        }
    }
}

/// Why a certificate was suspended (rule 4).
public enum SuspensionReason: String, Codable, CaseIterable, Sendable {
    case surveillanceOverdue = "surveillance-overdue"
    case majorFindingOverdue = "major-finding-overdue"
    case memberRequest = "member-request"
    case groupMajorFinding = "group-major-finding"
    case other
}

/// Why a certificate was withdrawn.
public enum WithdrawalReason: String, Codable, CaseIterable, Sendable {
    case memberLeft = "member-left"
    case memberRequest = "member-request"
    case suspensionMaximumReached = "suspension-maximum-reached"
    case certificationBodyDecision = "certification-body-decision"
    case other
}
