import Foundation

extension Certification {
    /// Every legal move of a certification (DESIGN §4), the source of `apply`'s tests and of
    /// `docs/state-machines.md`.
    public static let transitions = TransitionTable<State, EventKind>(
        initial: .engaged,
        rules: [
            .init(.withdrawn, .engaged, .engaged),
            .init(.lapsed, .engaged, .engaged),
            .init(.engaged, .initialAuditPlanned, .initialAuditPlanned),
            .init(.lapsed, .initialAuditPlanned, .initialAuditPlanned),
            .init(.initialAuditPlanned, .initialAuditPlanned, .initialAuditPlanned),
            .init(.audited, .initialAuditPlanned, .audited),
            .init(.initialAuditPlanned, .initialAuditUnplanned, .engaged),
            .init(.initialAuditPlanned, .initialAuditConducted, .audited),
            .init(.audited, .initialAuditConducted, .audited),
            .init(.audited, .decided, .certified),
            .init(.certified, .surveillanceAuditConducted, .certified),
            .init(.suspended, .surveillanceAuditConducted, .suspended),
            .init(.certified, .recertificationAuditPlanned, .certified),
            .init(.suspended, .recertificationAuditPlanned, .suspended),
            .init(.expired, .recertificationAuditPlanned, .expired),
            .init(.certified, .recertificationAuditUnplanned, .certified),
            .init(.suspended, .recertificationAuditUnplanned, .suspended),
            .init(.expired, .recertificationAuditUnplanned, .expired),
            .init(.certified, .recertificationAuditConducted, .certified),
            .init(.expired, .recertificationAuditConducted, .expired),
            .init(.certified, .decided, .certified),
            .init(.expired, .decided, .certified),
            .init(.certified, .maintained, .certified),
            .init(.certified, .suspended, .suspended),
            .init(.suspended, .restored, .certified),
            .init(.engaged, .withdrawn, .withdrawn),
            .init(.initialAuditPlanned, .withdrawn, .withdrawn),
            .init(.audited, .withdrawn, .withdrawn),
            .init(.certified, .withdrawn, .withdrawn),
            .init(.suspended, .withdrawn, .withdrawn),
            .init(.expired, .withdrawn, .withdrawn),
            .init(.lapsed, .withdrawn, .withdrawn),
            .init(.certified, .certificateExpired, .expired, cause: .calendar),
            .init(.suspended, .certificateExpired, .expired, cause: .calendar),
            .init(.expired, .restoreWindowClosed, .lapsed, cause: .calendar),
            .init(.suspended, .suspensionMaximumReached, .withdrawn, cause: .calendar),
        ])
}
