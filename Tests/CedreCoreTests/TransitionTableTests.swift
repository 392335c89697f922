import CedreCore
import CedreTestSupport
import Testing

/// Every (state, event kind) pair of every machine against its declared table: a legal pair
/// lands in the table's state, an illegal one is refused with a typed error and changes
/// nothing.
@Suite struct TransitionTableTests {
    static let key = Scenario.key
    static let rules = Schemes.cedre.cycle

    /// Applies `event` to `machine` and holds the outcome to the machine's table: a legal pair
    /// lands in the table's state and is recorded in the history; an illegal one is refused
    /// with the typed error `naming` gives for the state and kind, and changes nothing.
    static func expectFollowsTable<Machine: StateMachine & Equatable>(
        _ machine: Machine, _ event: Machine.Event,
        naming: (Machine.State, Machine.EventKind) -> IllegalMove.Machine,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var copy = machine
        let state = machine.state
        if let target = Machine.transitions.target(from: state, on: event.kind) {
            let move = try copy.apply(event)
            #expect(move == Transition(from: state, event: event.kind, to: target, on: event.day), sourceLocation: sourceLocation)
            #expect(copy.state == target && copy.history.last == move, sourceLocation: sourceLocation)
        } else {
            let refusal = IllegalMove(naming(state, event.kind), since: machine.stateSince, on: event.day)
            #expect(throws: TransitionError.illegal(refusal), sourceLocation: sourceLocation) { try copy.apply(event) }
            #expect(copy == machine, sourceLocation: sourceLocation)
        }
    }

    // MARK: Certification

    /// A certification in `state`, and a day on which it is in that state.
    static func certification(in state: Certification.State) throws -> (Certification, Day) {
        var machine = Certification(key: key, rules: rules, engagedOn: "2013-01-10")
        func apply(_ events: [Certification.Event]) throws {
            for event in events { try machine.apply(event) }
        }
        let certified: [Certification.Event] = [
            .initialAuditPlanned(on: "2013-02-01"), .initialAuditConducted(on: "2013-03-01"), .decided(on: "2013-05-02"),
            .recertificationAuditConducted(on: "2016-03-01"),
        ]
        switch state {
        case .engaged: return (machine, "2013-01-20")
        case .initialAuditPlanned: try apply(Array(certified.prefix(1))); return (machine, "2013-02-10")
        case .audited: try apply(Array(certified.prefix(2))); return (machine, "2013-03-10")
        case .certified: try apply(certified); return (machine, "2016-03-10")
        case .suspended: try apply(certified + [.suspended(on: "2016-03-05", reason: .memberRequest)]); return (machine, "2016-03-10")
        case .expired: try apply(certified); return (machine.advance(to: "2016-06-01"), "2016-06-01")
        case .lapsed: try apply(certified); return (machine.advance(to: "2017-01-01"), "2017-01-01")
        case .withdrawn: try apply(certified + [.withdrawn(on: "2016-03-05", reason: .other)]); return (machine, "2016-03-10")
        }
    }

    static func event(_ kind: Certification.EventKind, on day: Day) -> Certification.Event? {
        switch kind {
        case .engaged: .engaged(on: day)
        case .initialAuditPlanned: .initialAuditPlanned(on: day)
        case .initialAuditUnplanned: .initialAuditUnplanned(on: day)
        case .initialAuditConducted: .initialAuditConducted(on: day)
        case .surveillanceAuditConducted: .surveillanceAuditConducted(on: day)
        case .recertificationAuditPlanned: .recertificationAuditPlanned(on: day)
        case .recertificationAuditUnplanned: .recertificationAuditUnplanned(on: day)
        case .recertificationAuditConducted: .recertificationAuditConducted(on: day)
        case .decided: .decided(on: day)
        case .maintained: .maintained(on: day)
        case .suspended: .suspended(on: day, reason: .memberRequest)
        case .restored: .restored(on: day)
        case .withdrawn: .withdrawn(on: day, reason: .other)
        case .certificateExpired, .restoreWindowClosed, .suspensionMaximumReached: nil
        }
    }

    @Test(arguments: Certification.State.allCases, Certification.EventKind.allCases)
    func certificationFollowsItsTable(state: Certification.State, kind: Certification.EventKind) throws {
        let (machine, day) = try Self.certification(in: state)
        #expect(machine.advance(to: day).state == state)
        guard let event = Self.event(kind, on: day) else {
            let calendarRule = Certification.transitions.rules.first { $0.from == state && $0.event == kind }
            let move = machine.advance(to: day).nextCalendarMove()
            if let calendarRule, move?.event == kind { #expect(move?.to == calendarRule.to) }
            if calendarRule == nil { #expect(move?.event != kind) }
            return
        }
        try Self.expectFollowsTable(machine.advance(to: day), event) { .certification(Self.key, $0, $1) }
    }

    @Test func everyCalendarRuleHappens() throws {
        let (certified, _) = try Self.certification(in: .certified)
        #expect(certified.advance(to: "2016-05-03").history.last?.event == .certificateExpired)
        #expect(certified.advance(to: "2016-11-03").history.last?.event == .restoreWindowClosed)
        let (suspended, _) = try Self.certification(in: .suspended)
        #expect(suspended.advance(to: "2016-05-03").state == .expired)
        var early = Certification(key: Self.key, rules: Self.rules, engagedOn: "2013-01-10")
        for event: Certification.Event in [
            .initialAuditPlanned(on: "2013-02-01"), .initialAuditConducted(on: "2013-03-01"), .decided(on: "2013-05-02"),
            .suspended(on: "2014-01-10", reason: .memberRequest),
        ] { try early.apply(event) }
        #expect(early.advance(to: "2014-07-11").history.last?.event == .suspensionMaximumReached)
        let calendarKinds = Set(Certification.transitions.rules.filter { $0.cause == .calendar }.map(\.event))
        #expect(calendarKinds == [.certificateExpired, .restoreWindowClosed, .suspensionMaximumReached])
    }

    // MARK: Audit

    static func audit(in state: Audit.State) throws -> Audit {
        var audit = Audit(id: "A-2013-0001", key: key, kind: .initial, plannedOn: "2013-02-01", scheduledOn: "2013-03-01", auditors: [])
        let paths: [Audit.State: [Audit.Event]] = [
            .planned: [],
            .postponed: [.postponed(on: "2013-02-10", to: "2013-03-15", reason: "")],
            .confirmed: [.confirmed(on: "2013-02-10", scheduledOn: "2013-03-01", auditors: ["X"])],
            .conducted: [.conducted(on: "2013-03-01")],
            .reported: [.conducted(on: "2013-03-01"), .reported(on: "2013-03-05")],
            .closed: [.conducted(on: "2013-03-01"), .reported(on: "2013-03-05"), .closed(on: "2013-03-20")],
            .cancelled: [.cancelled(on: "2013-02-10", reason: "")],
        ]
        for event in paths[state] ?? [] { try audit.apply(event) }
        return audit
    }

    static func event(_ kind: Audit.EventKind) -> Audit.Event {
        let day: Day = "2013-04-01"
        switch kind {
        case .confirmed: return .confirmed(on: day, scheduledOn: "2013-04-10", auditors: [])
        case .postponed: return .postponed(on: day, to: "2013-05-01", reason: "")
        case .cancelled: return .cancelled(on: day, reason: "")
        case .conducted: return .conducted(on: day)
        case .findingRaised: return .findingRaised(on: day)
        case .reported: return .reported(on: day)
        case .closed: return .closed(on: day)
        }
    }

    @Test(arguments: Audit.State.allCases, Audit.EventKind.allCases)
    func auditFollowsItsTable(state: Audit.State, kind: Audit.EventKind) throws {
        let machine = try Self.audit(in: state)
        #expect(machine.state == state)
        try Self.expectFollowsTable(machine, Self.event(kind)) { .audit("A-2013-0001", $0, $1) }
    }

    // MARK: Finding

    static func finding(in state: Finding.State) throws -> Finding {
        var finding = Finding(
            id: "F-2013-0001", key: key, audit: "A-2013-0001", grade: state == .noted ? "observation" : "major",
            requiresAction: state != .noted, requirement: "4.2", statement: "", raisedOn: "2013-03-01", auditOn: "2013-03-01")
        let steps: [Finding.Event] = [
            .planProposed(on: "2013-03-05", statement: ""), .planAccepted(on: "2013-03-06", due: nil), .implemented(on: "2013-03-10"),
        ]
        let paths: [Finding.State: [Finding.Event]] = [
            .open: [], .noted: [],
            .planProposed: Array(steps.prefix(1)), .planAccepted: Array(steps.prefix(2)), .implemented: steps,
            .verifiedEffective: steps + [.verified(on: "2013-03-20", effective: true)],
            .ineffective: steps + [.verified(on: "2013-03-20", effective: false)],
        ]
        for event in paths[state] ?? [] { try finding.apply(event) }
        return finding
    }

    static func event(_ kind: Finding.EventKind) -> Finding.Event {
        let day: Day = "2013-04-01"
        switch kind {
        case .corrected: return .corrected(on: day, statement: "fixed")
        case .planProposed: return .planProposed(on: day, statement: "")
        case .planAccepted: return .planAccepted(on: day, due: nil)
        case .implemented: return .implemented(on: day)
        case .verifiedEffective: return .verified(on: day, effective: true)
        case .verifiedIneffective: return .verified(on: day, effective: false)
        case .regraded: return .regraded(on: day, to: "minor", reason: "")
        }
    }

    @Test(arguments: Finding.State.allCases, Finding.EventKind.allCases)
    func findingFollowsItsTable(state: Finding.State, kind: Finding.EventKind) throws {
        let machine = try Self.finding(in: state)
        #expect(machine.state == state)
        try Self.expectFollowsTable(machine, Self.event(kind)) { .finding("F-2013-0001", $0, $1) }
    }

    // MARK: Group membership

    static func membership(in state: GroupMembership.State) throws -> GroupMembership {
        var membership = GroupMembership(key: .cedreISO("solipass"), appliedOn: "2013-03-01")
        let paths: [GroupMembership.State: [GroupMembership.Event]] = [
            .candidate: [],
            .member: [.joined(on: "2013-12-12")],
            .suspended: [.joined(on: "2013-12-12"), .suspended(on: "2014-01-10", reason: "")],
            .excluded: [.excluded(on: "2013-06-01", reason: "")],
        ]
        for event in paths[state] ?? [] { try membership.apply(event) }
        return membership
    }

    static func event(_ kind: GroupMembership.EventKind) -> GroupMembership.Event {
        let day: Day = "2014-02-01"
        switch kind {
        case .applied: return .applied(on: day)
        case .joined: return .joined(on: day)
        case .suspended: return .suspended(on: day, reason: "")
        case .reinstated: return .reinstated(on: day)
        case .excluded: return .excluded(on: day, reason: "")
        }
    }

    @Test(arguments: GroupMembership.State.allCases, GroupMembership.EventKind.allCases)
    func groupMembershipFollowsItsTable(state: GroupMembership.State, kind: GroupMembership.EventKind) throws {
        let machine = try Self.membership(in: state)
        #expect(machine.state == state)
        try Self.expectFollowsTable(machine, Self.event(kind)) { .groupMembership(.cedreISO("solipass"), $0, $1) }
    }
}

extension TransitionTableTests {
    static func campaign(in state: Campaign.State) throws -> Campaign {
        var campaign = Campaign(scheme: "cedre", year: 2014)
        let plan = Campaign.Event.planned(on: "2014-01-02", seed: 1, assignments: [], unassigned: [])
        let paths: [Campaign.State: [Campaign.Event]] = [
            .draft: [], .planned: [plan], .published: [plan, .published(on: "2014-01-10")],
            .completed: [plan, .published(on: "2014-01-10"), .completed(on: "2014-12-20")],
        ]
        for event in paths[state] ?? [] { try campaign.apply(event) }
        return campaign
    }

    static func event(_ kind: Campaign.EventKind) -> Campaign.Event {
        let day: Day = "2014-12-30"
        switch kind {
        case .planned: return .planned(on: day, seed: 2, assignments: [], unassigned: [])
        case .swapped: return .swapped(on: day, Campaign.Assignment(member: "a", auditor: "x", day: "2014-03-04"), override: nil)
        case .published: return .published(on: day)
        case .completed: return .completed(on: day)
        }
    }

    @Test(arguments: Campaign.State.allCases, Campaign.EventKind.allCases)
    func campaignFollowsItsTable(state: Campaign.State, kind: Campaign.EventKind) throws {
        let machine = try Self.campaign(in: state)
        #expect(machine.state == state)
        try Self.expectFollowsTable(machine, Self.event(kind)) { .campaign("cedre", year: 2014, $0, $1) }
    }
}

extension TransitionTableTests {
    @Test func everyTableRuleIsUnique() {
        func pairs<Machine: StateMachine>(_: Machine.Type) -> (unique: Int, rules: Int) {
            let rules = Machine.transitions.rules
            return (Set(rules.map { "\($0.from) \($0.event)" }).count, rules.count)
        }
        for (unique, rules) in [
            pairs(Certification.self), pairs(Audit.self), pairs(Finding.self), pairs(GroupMembership.self), pairs(Campaign.self),
        ] {
            #expect(unique == rules)
        }
    }
}
