import Foundation

/// An event a machine refuses in the state it is in: which machine and subject, the state and
/// since when, the refused event and its day.
///
/// Typed per machine, so a message can name the state and the event in the officer's words and
/// find, in the machine's own table, the fact that would lead to a state allowing the event.
public struct IllegalMove: Equatable, Sendable {
    /// The machine, its subject, its state and the refused event.
    public enum Machine: Equatable, Sendable {
        case certification(CertificationKey, Certification.State, Certification.EventKind)
        case audit(AuditID, Audit.State, Audit.EventKind)
        case finding(FindingID, Finding.State, Finding.EventKind)
        case groupMembership(CertificationKey, GroupMembership.State, GroupMembership.EventKind)
        case campaign(SchemeID, year: Int, Campaign.State, Campaign.EventKind)
    }

    public let machine: Machine
    /// The day the machine entered its state, when known.
    public let since: Day?
    /// The day of the refused event.
    public let on: Day

    public init(_ machine: Machine, since: Day?, on day: Day) {
        self.machine = machine
        self.since = since
        self.on = day
    }
}

/// The shortest way through a transition table, for messages that say what to record first.
extension TransitionTable {
    /// The states in which a fact of kind `event` is accepted.
    public func states(allowing event: EventKind) -> [State] {
        rules.filter { $0.event == event && $0.cause == .fact }.map(\.from)
    }

    /// The first fact of the shortest chain of facts leading from `state` to a state that
    /// accepts `event`, or nil when `state` accepts it already or no chain of facts leads there.
    public func firstStep(from state: State, toward event: EventKind) -> EventKind? {
        let goals = Set(states(allowing: event))
        guard !goals.contains(state) else { return nil }
        var visited: Set<State> = [state]
        var frontier: [(state: State, first: EventKind?)] = [(state, nil)]
        while !frontier.isEmpty {
            var next: [(state: State, first: EventKind?)] = []
            for (current, first) in frontier {
                for rule in rules where rule.from == current && rule.cause == .fact && !visited.contains(rule.to) {
                    let step = first ?? rule.event
                    if goals.contains(rule.to) { return step }
                    visited.insert(rule.to)
                    next.append((rule.to, step))
                }
            }
            frontier = next
        }
        return nil
    }
}
