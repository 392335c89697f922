import CedreCore
import CedreFixtures
@testable import CedreStore
import CedreTestSupport
import Foundation
import GRDB
import Testing

/// Rule 13 at every external audit of the 2013 CEDRE ISO group, through the store: `check`
/// reports each site missing its cross-audit, and the group decision is refused.
@Suite struct CrossAuditRuleStoreTests {
    private let central = CertificationKey.cedreISO("coorace-national")
    private let context = RecordingContext.tests(today: "2015-01-01")

    private func check(_ store: CedreStore, _ day: Day) throws -> [ReportedNotice] {
        try store.check(CheckRequest(asOf: day, horizonDays: 0, dryRun: false, actor: "cron", now: Date()))
            .notices.filter { $0.notice.rule == .crossAuditMissing }
    }

    /// The sites whose last cross-audit was held before the group's initial audit of 2013-11-15.
    private func sitesCrossAuditedBeforeTheInitialAudit(_ store: CedreStore) throws -> [MemberID] {
        let group = try #require(try store.network(through: "2014-01-01").groupCertificate("cedre-iso"))
        return group.sites.filter { site in
            !site.audits.contains { $0.kind == .crossAudit && ($0.conductedOn.map { $0 > "2013-11-15" } ?? false) }
        }.map(\.key.member)
    }

    @Test func rule13CheckReportsEachSiteFromTheDayTheExternalAuditIsPlanned() throws {
        // Given the 2013 network and the group's surveillance audit planned on 2014-03-03
        let store = try CedreStore.network2013()
        let missing = try sitesCrossAuditedBeforeTheInitialAudit(store)
        #expect(!missing.isEmpty)
        #expect(try check(store, "2014-03-02").isEmpty)
        try store.record([(.auditPlanned(central, "A-2014-0500", kind: .surveillance, scheduledOn: "2014-10-15", auditors: []), "2014-03-03")], context: context)

        // When check runs that day
        let notices = try check(store, "2014-03-03")

        // Then each such site is reported, new, due that day, and the ledger keeps them
        #expect(notices.map(\.notice.key.member).sorted() == missing.sorted())
        #expect(notices.allSatisfy { $0.status == .new && $0.notice.due == "2014-03-03" })
        #expect(notices.first?.notice.subject.hasSuffix("/A-2014-0500") == true)

        // And once one of them is cross-audited, the next run reports it resolved, the others open
        let site = CertificationKey.cedreISO(missing[0])
        try store.record([
            (.auditPlanned(site, "A-2014-0501", kind: .crossAudit, scheduledOn: "2014-04-10", auditors: []), "2014-03-20"),
            (.auditConducted(site, "A-2014-0501"), "2014-04-10"),
        ], context: context)
        let later = try check(store, "2014-04-10")
        #expect(later.filter { $0.status == .resolved }.map(\.notice.key) == [site])
        #expect(later.filter { $0.status == .open }.count == missing.count - 1)
        #expect(try store.verify().problem == nil)
    }

    @Test func rule13TheGroupIsNotMaintainedWhileASiteMissedItsCrossAudit() throws {
        // Given the group's surveillance audit held on 2014-10-15, one site cross-audited before it
        let store = try CedreStore.network2013()
        let missing = try sitesCrossAuditedBeforeTheInitialAudit(store)
        let site = CertificationKey.cedreISO(missing[0])
        try store.record([
            (.auditPlanned(central, "A-2014-0500", kind: .surveillance, scheduledOn: "2014-10-15", auditors: []), "2014-03-03"),
            (.auditPlanned(site, "A-2014-0501", kind: .crossAudit, scheduledOn: "2014-04-10", auditors: []), "2014-03-20"),
            (.auditConducted(site, "A-2014-0501"), "2014-04-10"),
            (.auditConducted(central, "A-2014-0500"), "2014-10-15"),
        ], context: context)
        let events = try store.eventCount()

        // When the group is maintained on 2014-11-03
        // Then it is refused, naming the other sites, and nothing is written
        #expect(throws: StoreError.refused(.crossAuditsMissing(
            central, audit: "A-2014-0500", sites: Array(missing.dropFirst()).sorted(), on: "2014-11-03"))) {
            try store.record([DatedFact(.certificationMaintained(central), on: "2014-11-03")], context: context)
        }
        #expect(try store.eventCount() == events)
    }

    @Test func rule13TheLedgerOfAnEarlierVersionTakesTheNewRuleAndKeepsItsRowsAndTriggers() throws {
        // Given a database migrated up to v2, whose ledger holds a notice
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v2-correction-index")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO check_run (as_of, horizon_days, ran_at, actor, last_event_id) VALUES ('2014-05-03', 0, 'now', 'cron', 0);
                INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run)
                VALUES ('certification/solipass/cedre', 'surveillance-overdue', '2014-05-03', 'solipass', 'cedre', 1);
                INSERT INTO notice_status (notice_id, run, status) VALUES (1, 1, 'resolved');
                """)
        }

        // When the store opens it
        let store = try CedreStore(writer: queue)

        // Then the notice and its status are still there, the ledger is still append-only, and
        // it takes the new rule
        try store.writer.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT rule FROM notice") == ["surveillance-overdue"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM notice_status WHERE notice_id = 1") == 1)
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM notice") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE notice SET due_on = '2014-05-04'") }
            try db.execute(sql: """
                INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run)
                VALUES ('certification/site-a/cedre-iso/A-2014-0001', 'cross-audit-missing', '2014-06-01', 'site-a', 'cedre-iso', 1)
                """)
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO notice (stream, rule, due_on, member_id, scheme_id, first_run)
                    VALUES ('x', 'no-such-rule', '2014-06-01', 'x', 'cedre', 1)
                    """)
            }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}
