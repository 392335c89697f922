/// A projection table as its rows are written: its name, the columns a row binds in their
/// order, and the columns that name whose rows they are (a member's, or a dossier's).
struct ProjectionTable: Hashable, Sendable {
    /// Its place in `all`: a writer keeps what it holds for each table in an array.
    let ordinal: Int
    let name: String
    let columns: [String]
    /// `id` for the members; `member_id, scheme_id` for a dossier's rows.
    let owner: [String]
    /// Whether the primary key starts with `owner`: otherwise (an audit's or a finding's id) a
    /// row of one dossier may hold a key another dossier's stale row still holds.
    let keyedByOwner: Bool

    private init(
        _ ordinal: Int, _ name: String, _ columns: [String], owner: [String] = ["member_id", "scheme_id"],
        keyedByOwner: Bool = true
    ) {
        self.ordinal = ordinal
        self.name = name
        self.columns = columns
        self.owner = owner
        self.keyedByOwner = keyedByOwner
    }

    static let member = ProjectionTable(
        0, "member", ["id", "name", "type", "departement", "region", "group_id", "source", "joined_on", "left_on"], owner: ["id"])
    static let certification = ProjectionTable(1, "certification", [
        "member_id", "scheme_id", "state", "engaged_on", "certified_on", "expires_on", "next_surveillance_due_by",
        "recertification_planned_on", "recertification_planning_due_by", "restorable_until", "suspended_on",
        "suspension_reason", "suspension_ends_by", "withdrawn_on", "withdrawal_reason", "last_fact_on",
    ])
    static let decision = ProjectionTable(2, "decision", ["member_id", "scheme_id", "decided_on", "kind", "expires_on"])
    static let groupMembership = ProjectionTable(3, "group_membership", [
        "member_id", "scheme_id", "state", "applied_on", "joined_on", "suspended_on", "excluded_on", "reason",
    ])
    static let audit = ProjectionTable(5, "audit", [
        "id", "member_id", "scheme_id", "kind", "state", "planned_on", "scheduled_on", "auditors", "conducted_on",
        "reported_on", "closed_on", "cancelled_on", "reason",
    ], keyedByOwner: false)
    static let finding = ProjectionTable(4, "finding", [
        "id", "member_id", "scheme_id", "audit_id", "grade", "original_grade", "requirement", "statement", "state",
        "raised_on", "audit_on", "correction", "plan", "plan_accepted_on", "plan_due", "implemented_on", "closed_on",
        "effective_grade", "escalated_on", "escalated_by", "deadline",
    ], keyedByOwner: false)
    static let deadline = ProjectionTable(6, "deadline", ["member_id", "scheme_id", "obligation", "subject", "due_on"])
    static let dossierCalendar = ProjectionTable(7, "dossier_calendar", ["member_id", "scheme_id", "from_on"])
    static let calendarStanding = ProjectionTable(8, "calendar_standing", [
        "member_id", "scheme_id", "from_on", "until_on", "standing", "suspended_on", "suspension_reason",
    ])
    static let calendarNotice = ProjectionTable(9, "calendar_notice", [
        "member_id", "scheme_id", "subject", "rule", "due_on", "from_on", "until_on", "finding_id", "obligation",
    ])

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }

    func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Every projection table, in the order of their ordinals: findings before the audits they reference, so rows can be
    /// deleted in this order.
    static let all: [ProjectionTable] = [
        member, certification, decision, groupMembership, finding, audit, deadline, dossierCalendar, calendarStanding,
        calendarNotice,
    ]

    /// A dossier's tables, in the order its rows are written: audits before the findings that
    /// reference them.
    static let dossierTables: [ProjectionTable] = [
        certification, decision, groupMembership, audit, finding, deadline, dossierCalendar, calendarStanding, calendarNotice,
    ]
}
