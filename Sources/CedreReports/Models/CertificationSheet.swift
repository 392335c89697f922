import CedreCore
import Foundation

/// One member's certification under one scheme on a day: what `cert show` prints.
///
/// Its JSON form is validated by `Schemas/json/certification.schema.json`.
public struct CertificationSheet: Encodable, Equatable, Sendable {
    public struct Decision: Encodable, Equatable, Sendable {
        public let on: Day
        public let kind: String
        public let expiresOn: Day
    }

    public struct Move: Encodable, Equatable, Sendable {
        public let on: Day
        public let from: String
        public let event: String
        public let to: String
        /// `fact` or `calendar`.
        public let cause: String
    }

    public struct OpenFinding: Encodable, Equatable, Sendable {
        public let id: FindingID
        public let audit: AuditID
        public let grade: GradeID
        public let state: String
        public let deadline: Day?
        public let overdue: Bool

        private enum CodingKeys: String, CodingKey {
            case id, audit, grade, state, deadline, overdue
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(audit, forKey: .audit)
            try container.encode(grade, forKey: .grade)
            try container.encode(state, forKey: .state)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(overdue, forKey: .overdue)
        }
    }

    public let member: MemberID
    public let scheme: SchemeID
    public let asOf: Day
    public let state: String
    public let engagedOn: Day?
    public let certifiedOn: Day?
    public let expiresOn: Day?
    public let nextSurveillanceDueBy: Day?
    public let recertificationPlanningDueBy: Day?
    public let restorableUntil: Day?
    public let suspendedOn: Day?
    public let suspensionEndsBy: Day?
    public let withdrawnOn: Day?
    /// For a group site: its membership state (`candidate`, `member`, `suspended`, `excluded`).
    public let groupMembership: String?
    /// Kebab-case ids of what holds on the day: `surveillance-overdue`, `blocked-by-findings`…
    public let flags: [String]
    public let decisions: [Decision]
    public let openFindings: [OpenFinding]
    public let history: [Move]

    /// The sheet of `dossier` (replayed up to `day`) as its register status stands on `day`;
    /// `context` is what its findings depend on in its group (`Network.findingContext`).
    public init(dossier: Dossier, status: SchemeStatus, on day: Day, context: FindingContext) {
        let advanced = dossier.advance(to: day)
        let certification = status.certification
        member = dossier.key.member
        scheme = dossier.key.scheme
        asOf = day
        state = status.standing.rawValue
        let own = advanced.certification
        engagedOn = own?.engagedOn ?? dossier.membership?.appliedOn
        certifiedOn = certification?.certifiedOn
        expiresOn = certification?.expiresOn
        nextSurveillanceDueBy = certification?.nextSurveillanceDueBy
        recertificationPlanningDueBy = certification?.recertificationPlanningDueBy
        restorableUntil = certification?.state == .expired ? certification?.restorableUntil : nil
        suspendedOn = certification?.suspension?.on
        suspensionEndsBy = certification?.suspensionEndsBy
        withdrawnOn = own?.withdrawal?.on ?? dossier.membership?.excludedOn
        groupMembership = own == nil ? dossier.membership?.state.rawValue : nil
        var flags = Set(advanced.notices(on: day, horizon: 0, context: context).map(\.rule).filter { $0 != .dueSoon }.map(\.rawValue))
        if !advanced.blockingFindings(on: day, context: context).isEmpty, [.audited, .certified, .expired].contains(own?.state) {
            flags.insert("blocked-by-findings")
        }
        self.flags = flags.sorted()
        decisions = (certification?.decisions ?? []).map {
            Decision(on: $0.on, kind: $0.kind.rawValue, expiresOn: $0.expiresOn)
        }
        openFindings = advanced.findingStatuses(on: day, context: context).filter(\.finding.isOpen).map { status in
            OpenFinding(
                id: status.finding.id, audit: status.finding.audit, grade: status.grade,
                state: status.finding.state.rawValue, deadline: status.deadline, overdue: status.isOverdue)
        }
        let calendarKinds = Set(Certification.transitions.rules.filter { $0.cause == .calendar }.map(\.event))
        history = (own?.history ?? []).map { move in
            Move(on: move.on, from: move.from.rawValue, event: move.event.rawValue, to: move.to.rawValue,
                 cause: calendarKinds.contains(move.event) ? "calendar" : "fact")
        } + (dossier.membership?.history ?? []).map { move in
            Move(on: move.on, from: move.from.rawValue, event: move.event.rawValue, to: move.to.rawValue, cause: "fact")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case member, scheme, asOf, state, engagedOn, certifiedOn, expiresOn, nextSurveillanceDueBy
        case recertificationPlanningDueBy, restorableUntil, suspendedOn, suspensionEndsBy, withdrawnOn
        case groupMembership, flags, decisions, openFindings, history
    }

    /// Every key is written, absent dates as null, so readers need not guess.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(member, forKey: .member)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(state, forKey: .state)
        try container.encode(engagedOn, forKey: .engagedOn)
        try container.encode(certifiedOn, forKey: .certifiedOn)
        try container.encode(expiresOn, forKey: .expiresOn)
        try container.encode(nextSurveillanceDueBy, forKey: .nextSurveillanceDueBy)
        try container.encode(recertificationPlanningDueBy, forKey: .recertificationPlanningDueBy)
        try container.encode(restorableUntil, forKey: .restorableUntil)
        try container.encode(suspendedOn, forKey: .suspendedOn)
        try container.encode(suspensionEndsBy, forKey: .suspensionEndsBy)
        try container.encode(withdrawnOn, forKey: .withdrawnOn)
        try container.encode(groupMembership, forKey: .groupMembership)
        try container.encode(flags, forKey: .flags)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(openFindings, forKey: .openFindings)
        try container.encode(history, forKey: .history)
    }

    /// The day its standing last changed, by a fact or by the calendar (its engagement, before any move).
    public var since: Day? { history.map(\.on).max() ?? engagedOn }

    /// Its history as lines, in day order: `2013-03-01  auditConducted: initialAuditPlanned → audited`.
    public var historyLines: [String] {
        history.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map { _, move in
            "\(move.on)  \(move.event): \(move.from) → \(move.to)\(move.cause == "calendar" ? " (calendar)" : "")"
        }
    }

    /// The sheet as terminal lines.
    public func text() -> String {
        var lines = ["\(member) under \(scheme) on \(asOf): \(state)"]
        func add(_ label: String, _ value: Day?) {
            if let value { lines.append("  \(label.padding(toLength: 32, withPad: " ", startingAt: 0))\(value)") }
        }
        if let groupMembership { lines.append("  group membership                \(groupMembership)") }
        add("engaged on", engagedOn)
        add("certified on", certifiedOn)
        add("expires on", expiresOn)
        add("next surveillance due by", nextSurveillanceDueBy)
        add("recertification to plan by", recertificationPlanningDueBy)
        add("restorable until", restorableUntil)
        add("suspended on", suspendedOn)
        add("suspension ends by", suspensionEndsBy)
        add("withdrawn on", withdrawnOn)
        lines.append("  flags                           \(flags.isEmpty ? "none" : flags.joined(separator: ", "))")
        if !openFindings.isEmpty {
            lines.append("  open findings")
            for finding in openFindings {
                let deadline = finding.deadline.map { ", due \($0)" } ?? ""
                lines.append("    \(finding.id) \(finding.grade) \(finding.state)\(deadline)\(finding.overdue ? ", OVERDUE" : "")")
            }
        }
        if !history.isEmpty {
            lines.append("  history")
            lines += historyLines.map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
