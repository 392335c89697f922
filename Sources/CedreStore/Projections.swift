import CedreCore
import Foundation
import GRDB

/// The current-state tables, rewritten from machines in the same transaction as the events.
///
/// Each row is a function of the facts alone (no "today"), so `rebuild` reproduces them
/// byte for byte and `check` can range-query the deadlines they keep.
enum Projections {
    /// Findings come before the audits they reference, so rows can be deleted in this order.
    static let tables = ["member", "certification", "decision", "group_membership", "finding", "audit", "deadline"]
    private static let dossierTables = tables.filter { $0 != "member" }

    /// Empties every projection, before a rebuild.
    static func clear(_ db: Database) throws {
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    /// Writes into `target`'s empty projections every row a replay of `log`'s events gives,
    /// one certification at a time.
    static func replay(_ log: Database, into target: Database, catalog: SchemeCatalog) throws {
        let network = try Replay.streamDossiers(catalog: catalog, in: log) { dossier, context in
            try insert(dossier, escalations: context.groupEscalations(for: dossier), in: target)
        }
        for id in network.members.keys.sorted() {
            if let record = network.members[id] { try write(record, in: target) }
        }
    }

    /// Every projection row as text, table by table in primary-key order.
    static func dump(_ db: Database) throws -> [String] {
        var lines: [String] = []
        for table in tables {
            let columns = try db.columns(in: table).map(\.name)
            let keys = try db.primaryKey(table).columns.joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(keys)") {
                let values = columns.map { column -> String in
                    let value: DatabaseValue = row[column]
                    return value.isNull ? "NULL" : "\(value)"
                }
                lines.append("\(table)|" + values.joined(separator: "|"))
            }
        }
        return lines
    }

    static func write(_ record: MemberRecord, in db: Database) throws {
        let member = record.member
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO member (id, name, type, departement, region, group_id, source, joined_on, left_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                member.id, member.name, member.typeCode, member.departement, member.region, member.group, member.source,
                record.joinedOn, record.leftOn,
            ])
    }

    /// Replaces every row of one dossier.
    static func replace(
        _ dossier: Dossier, escalations: [FindingID: FindingStatus.Escalation] = [:], in db: Database
    ) throws {
        for table in dossierTables {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE member_id = ? AND scheme_id = ?")
                .execute(arguments: [dossier.key.member, dossier.key.scheme])
        }
        try insert(dossier, escalations: escalations, in: db)
    }

    /// Inserts every row of a dossier that has none yet; `escalations` are its group's (rule 8).
    static func insert(
        _ dossier: Dossier, escalations: [FindingID: FindingStatus.Escalation] = [:], in db: Database
    ) throws {
        let key = dossier.key
        if let certification = dossier.certification, let lastFactOn = dossier.lastFactOn {
            try db.cachedStatement(sql: """
                INSERT INTO certification (member_id, scheme_id, state, engaged_on, certified_on, expires_on,
                    next_surveillance_due_by, recertification_planned_on, recertification_planning_due_by,
                    restorable_until, suspended_on, suspension_reason, suspension_ends_by, withdrawn_on,
                    withdrawal_reason, last_fact_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    key.member, key.scheme, certification.state.rawValue, certification.engagedOn,
                    certification.certifiedOn, certification.expiresOn, certification.nextSurveillanceDueBy,
                    certification.recertificationPlannedOn, certification.recertificationPlanningDueBy,
                    certification.restorableUntil, certification.suspension?.on,
                    certification.suspension?.reason.rawValue, certification.suspensionEndsBy,
                    certification.withdrawal?.on, certification.withdrawal?.reason.rawValue, lastFactOn,
                ])
            let decision = try db.cachedStatement(sql: """
                INSERT INTO decision (member_id, scheme_id, decided_on, kind, expires_on) VALUES (?, ?, ?, ?, ?)
                """)
            for item in certification.decisions {
                try decision.execute(arguments: [key.member, key.scheme, item.on, item.kind.rawValue, item.expiresOn])
            }
        }
        if let membership = dossier.membership {
            try db.cachedStatement(sql: """
                INSERT INTO group_membership (member_id, scheme_id, state, applied_on, joined_on, suspended_on,
                    excluded_on, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    key.member, key.scheme, membership.state.rawValue, membership.appliedOn, membership.joinedOn,
                    membership.suspendedOn, membership.excludedOn, membership.reason,
                ])
        }
        let audit = try db.cachedStatement(sql: """
            INSERT INTO audit (id, member_id, scheme_id, kind, state, planned_on, scheduled_on, auditors,
                conducted_on, reported_on, closed_on, cancelled_on, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in dossier.audits {
            try audit.execute(arguments: [
                item.id, key.member, key.scheme, item.kind.rawValue, item.state.rawValue, item.plannedOn,
                item.scheduledOn, jsonArray(item.auditors), item.conductedOn, item.reportedOn, item.closedOn,
                item.cancelledOn, item.reason,
            ])
        }
        if let lastFactOn = dossier.lastFactOn {
            let finding = try db.cachedStatement(sql: """
                INSERT INTO finding (id, member_id, scheme_id, audit_id, grade, original_grade, requirement, statement,
                    state, raised_on, audit_on, correction, plan, plan_accepted_on, plan_due, implemented_on,
                    closed_on, effective_grade, escalated_on, escalated_by, deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for status in dossier.findingStatuses(on: lastFactOn, escalations: escalations) {
                let item = status.finding
                try finding.execute(arguments: [
                    item.id, key.member, key.scheme, item.audit, item.grade, item.originalGrade, item.requirement,
                    item.statement, item.state.rawValue, item.raisedOn, item.auditOn, item.correction, item.plan,
                    item.planAcceptedOn, item.planDue, item.implementedOn, item.closedOn, status.grade,
                    status.escalation?.on, status.escalation?.audit, status.deadline,
                ])
            }
        }
        let deadline = try db.cachedStatement(sql: """
            INSERT INTO deadline (member_id, scheme_id, obligation, subject, due_on) VALUES (?, ?, ?, ?, ?)
            """)
        for item in dossier.deadlines(escalations: escalations) {
            try deadline.execute(arguments: [key.member, key.scheme, item.obligation.rawValue, item.subject, item.day])
        }
    }

    private static func jsonArray(_ values: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
