import CedreCore
import CedreReports
import Testing

/// What `check` lists in each mode, and what its counts say of the run.
@Suite struct CheckReportTests {
    private let day = Day(year: 2014, month: 5, day: 3)!

    private func notice(_ rule: NoticeRule, member: String, due: Day, obligation: Obligation? = nil) -> Notice {
        let key = CertificationKey(member: MemberID(rawValue: member), scheme: "cedre")
        return Notice(rule: rule, key: key, subject: "certification/\(member)/cedre", due: due, obligation: obligation)
    }

    /// One notice of each status, and a still-open deadline reminder.
    private var run: [ReportedNotice] {
        [
            ReportedNotice(notice: notice(.surveillanceOverdue, member: "solipass", due: day), status: .new),
            ReportedNotice(notice: notice(.auditNotHeld, member: "ateliers", due: day.adding(days: -30)), status: .open),
            ReportedNotice(
                notice: notice(.dueSoon, member: "envie", due: day.adding(days: 20), obligation: .surveillanceAudit), status: .open),
            ReportedNotice(notice: notice(.engagementStalled, member: "tremplin", due: day.adding(days: -3)), status: .resolved),
            ReportedNotice(notice: notice(.certificateExpired, member: "relais", due: day.adding(days: -60)), status: .reminder),
        ]
    }

    private func report(_ mode: CheckListing) -> CheckReport {
        CheckReport(asOf: day, horizonDays: 60, notices: run, counts: NoticeCounts(run), members: [:], mode: mode)
    }

    @Test func eachModeListsItsItems() {
        #expect(report(.quiet).items.map(\.status) == [.new, .resolved, .reminder])
        #expect(report(.standard).items.map(\.rule) == [.surveillanceOverdue, .auditNotHeld, .engagementStalled, .certificateExpired])
        #expect(report(.all).items.count == 5)
    }

    @Test func theCountsSayWhatTheRunFoundListedOrNot() {
        // Given a run with two notices still open, when it is reported quietly (none listed)
        // or by default (the deadline reminder not listed), then both are counted
        for mode in [CheckListing.quiet, .standard, .all] {
            let counts = report(mode).counts
            #expect([counts.new, counts.open, counts.resolved, counts.reminders] == [1, 2, 1, 1])
        }
        #expect(report(.quiet).text(.fr).contains("1 nouveau · 2 toujours ouverts · 1 résolu · 1 rappel"))
    }
}
