CREATE TRIGGER check_run_refuses_delete BEFORE DELETE ON check_run
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER check_run_refuses_update BEFORE UPDATE ON check_run
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER event_moves_the_head AFTER INSERT ON event
BEGIN
    INSERT INTO log_head (singleton, id, hash) VALUES (1, NEW.id, NEW.hash)
    ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, hash = excluded.hash;
END;

CREATE TRIGGER event_refuses_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted');
END;

CREATE TRIGGER event_refuses_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed');
END;

CREATE TRIGGER ledger_chain_moves_the_head AFTER INSERT ON ledger_chain
BEGIN
    INSERT INTO ledger_head (singleton, id, hash) VALUES (1, NEW.id, NEW.hash)
    ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, hash = excluded.hash;
END;

CREATE TRIGGER ledger_chain_refuses_delete BEFORE DELETE ON ledger_chain
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER ledger_chain_refuses_update BEFORE UPDATE ON ledger_chain
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER notice_refuses_delete BEFORE DELETE ON notice
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER notice_refuses_update BEFORE UPDATE ON notice
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER notice_status_refuses_delete BEFORE DELETE ON notice_status
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TRIGGER notice_status_refuses_update BEFORE UPDATE ON notice_status
BEGIN
    SELECT RAISE(ABORT, 'the notice ledger is append-only');
END;

CREATE TABLE audit (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('initial', 'stage1', 'stage2', 'surveillance', 'recertification', 'special', 'cross-audit')),
    state TEXT NOT NULL CHECK (state IN
        ('planned', 'postponed', 'confirmed', 'conducted', 'reported', 'closed', 'cancelled')),
    planned_on TEXT NOT NULL,
    scheduled_on TEXT NOT NULL,
    auditors TEXT NOT NULL CHECK (json_valid(auditors)),
    conducted_on TEXT,
    reported_on TEXT,
    closed_on TEXT,
    cancelled_on TEXT,
    reason TEXT
) WITHOUT ROWID;

CREATE TABLE calendar_notice (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    rule TEXT NOT NULL,
    due_on TEXT NOT NULL,
    from_on TEXT NOT NULL,
    until_on TEXT NOT NULL,
    finding_id TEXT,
    obligation TEXT,
    PRIMARY KEY (member_id, scheme_id, subject, rule, due_on, from_on)
) WITHOUT ROWID;

CREATE TABLE calendar_standing (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    from_on TEXT NOT NULL,
    until_on TEXT NOT NULL,
    standing TEXT NOT NULL CHECK (standing IN ('candidate', 'engaged', 'initialAuditPlanned', 'audited',
        'certified', 'suspended', 'expired', 'lapsed', 'withdrawn')),
    suspended_on TEXT,
    suspension_reason TEXT,
    PRIMARY KEY (member_id, scheme_id, from_on)
) WITHOUT ROWID;

CREATE TABLE certification (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
        ('engaged', 'initialAuditPlanned', 'audited', 'certified', 'suspended', 'expired', 'lapsed', 'withdrawn')),
    engaged_on TEXT NOT NULL,
    certified_on TEXT,
    expires_on TEXT,
    next_surveillance_due_by TEXT,
    recertification_planned_on TEXT,
    recertification_planning_due_by TEXT,
    restorable_until TEXT,
    suspended_on TEXT,
    suspension_reason TEXT,
    suspension_ends_by TEXT,
    withdrawn_on TEXT,
    withdrawal_reason TEXT,
    last_fact_on TEXT NOT NULL,
    PRIMARY KEY (member_id, scheme_id)
) WITHOUT ROWID;

CREATE TABLE check_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT NOT NULL,
    horizon_days INTEGER NOT NULL CHECK (horizon_days >= 0),
    last_run_id INTEGER NOT NULL,
    holding INTEGER NOT NULL CHECK (holding >= 0)
);

CREATE TABLE check_cursor_dossier (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    PRIMARY KEY (member_id, scheme_id)
) WITHOUT ROWID;

CREATE TABLE check_run (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    horizon_days INTEGER NOT NULL CHECK (horizon_days >= 0),
    ran_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    last_event_id INTEGER NOT NULL
);

CREATE TABLE deadline (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    obligation TEXT NOT NULL CHECK (obligation IN ('surveillance-audit', 'recertification-planning',
        'certificate-expiry', 'restore-window', 'suspension-maximum', 'finding-deadline',
        'referential-transition')),
    subject TEXT NOT NULL,
    due_on TEXT NOT NULL,
    PRIMARY KEY (member_id, scheme_id, obligation, subject)
) WITHOUT ROWID;

CREATE TABLE decision (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('initial', 'renewal', 'restoration')),
    expires_on TEXT NOT NULL,
    PRIMARY KEY (member_id, scheme_id, decided_on)
) WITHOUT ROWID;

CREATE TABLE dossier_calendar (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    from_on TEXT NOT NULL,
    PRIMARY KEY (member_id, scheme_id)
) WITHOUT ROWID;

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);

CREATE TABLE finding (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    audit_id TEXT NOT NULL REFERENCES audit(id),
    grade TEXT NOT NULL,
    original_grade TEXT NOT NULL,
    requirement TEXT NOT NULL,
    statement TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
        ('open', 'planProposed', 'planAccepted', 'implemented', 'verifiedEffective', 'ineffective', 'noted')),
    raised_on TEXT NOT NULL,
    audit_on TEXT NOT NULL,
    correction TEXT,
    plan TEXT,
    plan_accepted_on TEXT,
    plan_due TEXT,
    implemented_on TEXT,
    closed_on TEXT,
    effective_grade TEXT NOT NULL,
    escalated_on TEXT,
    escalated_by TEXT,
    deadline TEXT
) WITHOUT ROWID;

CREATE TABLE group_membership (
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('candidate', 'member', 'suspended', 'excluded')),
    applied_on TEXT NOT NULL,
    joined_on TEXT,
    suspended_on TEXT,
    excluded_on TEXT,
    reason TEXT,
    PRIMARY KEY (member_id, scheme_id)
) WITHOUT ROWID;

CREATE TABLE ledger_chain (
    id INTEGER PRIMARY KEY,
    entry TEXT NOT NULL CHECK (entry IN ('check_run', 'notice', 'notice_status')),
    row_id INTEGER NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (entry, row_id)
);

CREATE TABLE ledger_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id INTEGER NOT NULL,
    hash TEXT NOT NULL
);

CREATE TABLE log_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id INTEGER NOT NULL,
    hash TEXT NOT NULL
);

CREATE TABLE member (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    departement TEXT NOT NULL,
    region TEXT NOT NULL,
    group_id TEXT,
    source TEXT,
    joined_on TEXT,
    left_on TEXT
) WITHOUT ROWID;

CREATE TABLE notice (
    id INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    rule TEXT NOT NULL CHECK (rule IN ('surveillance-overdue', 'recertification-not-planned',
        'certificate-expired', 'certification-lapsed', 'suspension-expired', 'major-finding-overdue',
        'minor-finding-escalated', 'due-soon',
        'cross-audit-missing', 'audit-not-held', 'engagement-stalled')),
    due_on TEXT NOT NULL,
    member_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    finding_id TEXT,
    obligation TEXT,
    first_run INTEGER NOT NULL REFERENCES check_run(id),
    UNIQUE (stream, rule, due_on)
);

CREATE TABLE notice_status (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notice(id),
    run INTEGER NOT NULL REFERENCES check_run(id),
    status TEXT NOT NULL CHECK (status IN ('resolved', 'reopened', 'closed', 'reminded'))
);

CREATE INDEX audit_by_certification ON audit(member_id, scheme_id);

CREATE INDEX audit_by_scheduled_day ON audit(scheduled_on);

CREATE INDEX calendar_notice_by_end ON calendar_notice(until_on, finding_id, obligation);

CREATE INDEX calendar_notice_by_rule ON calendar_notice(rule, until_on);

CREATE INDEX calendar_notice_by_start ON calendar_notice(from_on, until_on, finding_id, obligation);

CREATE INDEX calendar_standing_by_end ON calendar_standing(until_on);

CREATE INDEX calendar_standing_suspended ON calendar_standing(until_on) WHERE standing = 'suspended';

CREATE INDEX certification_by_state ON certification(scheme_id, state);

CREATE INDEX deadline_by_day ON deadline(due_on);

CREATE INDEX decision_by_day ON decision(decided_on);

CREATE INDEX dossier_calendar_by_day ON dossier_calendar(from_on);

CREATE INDEX event_by_day ON event(occurred_on, id);

CREATE INDEX event_by_stream ON event(stream, occurred_on, id);

CREATE INDEX event_corrections ON event(id) WHERE kind IN ('event.corrected', 'event.voided');

CREATE INDEX event_schemes ON event(id) WHERE kind = 'scheme.added';

CREATE INDEX finding_by_certification ON finding(member_id, scheme_id);

CREATE INDEX finding_by_state ON finding(state, deadline);

CREATE INDEX member_by_region ON member(region, type);

CREATE INDEX notice_by_member ON notice(member_id, scheme_id);

CREATE INDEX notice_status_by_notice ON notice_status(notice_id, id);
