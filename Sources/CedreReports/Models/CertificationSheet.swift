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
        /// Someone's act, or what the calendar decided.
        public let cause: TransitionCause
        /// Whether it is a move of the site's group membership rather than of its certification.
        let isMembership: Bool

        private enum CodingKeys: String, CodingKey {
            case on, from, event, to, cause
        }
    }

    public struct OpenFinding: Encodable, Equatable, Sendable {
        public let id: FindingID
        public let audit: AuditID
        public let grade: GradeID
        public let state: Finding.State
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
    public let state: Standing
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
    public let groupMembership: GroupMembership.State?
    /// Kebab-case ids of what holds on the day: `surveillance-overdue`, `blocked-by-findings`…
    public let flags: [String]
    public let decisions: [Decision]
    public let openFindings: [OpenFinding]
    public let history: [Move]
    /// The scheme, whose grading scale names the grades.
    private let scale: Scheme

    /// The sheet of `dossier` (replayed up to `day`) as its register status stands on `day`;
    /// `context` is what its findings depend on in its group (`Network.findingContext`).
    public init(dossier: Dossier, status: SchemeStatus, on day: Day, context: FindingContext) {
        let advanced = dossier.advance(to: day)
        let certification = status.certification
        member = dossier.key.member
        scheme = dossier.key.scheme
        asOf = day
        state = status.standing
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
        groupMembership = own == nil ? dossier.membership?.state : nil
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
                state: status.finding.state, deadline: status.deadline, overdue: status.isOverdue)
        }
        let calendarKinds = Set(Certification.transitions.rules.filter { $0.cause == .calendar }.map(\.event))
        history = (own?.history ?? []).map { move in
            Move(on: move.on, from: move.from.rawValue, event: move.event.rawValue, to: move.to.rawValue,
                 cause: calendarKinds.contains(move.event) ? .calendar : .fact, isMembership: false)
        } + (dossier.membership?.history ?? []).map { move in
            Move(on: move.on, from: move.from.rawValue, event: move.event.rawValue, to: move.to.rawValue, cause: .fact, isMembership: true)
        }
        scale = dossier.scheme
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

    /// Its history as lines in `language`, in day order: `01/03/2013  audit conduit : audit initial planifié → audité`.
    public func historyLines(_ language: ReportLanguage) -> [String] {
        let words = Vocabulary(language)
        return history.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map { _, move in
            let (event, from, to) = move.isMembership ? membershipWords(move, words) : certificationWords(move, words)
            let cause = move.cause == .calendar ? words.say(" (calendrier)", " (calendar)") : ""
            return words.say("\(words.day(move.on))  \(event) : \(from) → \(to)\(cause)",
                             "\(words.day(move.on))  \(event): \(from) → \(to)\(cause)")
        }
    }

    /// The sheet as terminal lines, in `language`.
    public func text(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        var lines = [words.say(
            "\(member) sous \(scheme) le \(words.day(asOf)) : \(words.standing(state))",
            "\(member) under \(scheme) on \(words.day(asOf)): \(words.standing(state))")]
        var fields: [(label: String, value: String)] = []
        func add(_ label: (fr: String, en: String), _ value: String?) {
            if let value { fields.append((words.say(label.fr, label.en), value)) }
        }
        add(("appartenance au groupe", "group membership"), groupMembership.map(words.membershipState))
        add(("engagé le", "engaged on"), engagedOn.map(words.day))
        add(("certifié le", "certified on"), certifiedOn.map(words.day))
        add(("expire le", "expires on"), expiresOn.map(words.day))
        add(("prochaine surveillance avant le", "next surveillance due by"), nextSurveillanceDueBy.map(words.day))
        add(("renouvellement à planifier avant le", "recertification to plan by"), recertificationPlanningDueBy.map(words.day))
        add(("rétablissable jusqu'au", "restorable until"), restorableUntil.map(words.day))
        add(("suspendu le", "suspended on"), suspendedOn.map(words.day))
        add(("fin de suspension au plus tard le", "suspension ends by"), suspensionEndsBy.map(words.day))
        add(("retiré le", "withdrawn on"), withdrawnOn.map(words.day))
        add(("alertes", "flags"), flags.isEmpty ? words.say("aucune", "none") : flags.map(words.flag).joined(separator: ", "))
        let width = (fields.map(\.label.count).max() ?? 0) + 2
        lines += fields.map { "  \($0.label)\(String(repeating: " ", count: width - $0.label.count))\($0.value)" }
        if !openFindings.isEmpty {
            lines.append(words.say("  écarts ouverts", "  open findings"))
            for finding in openFindings {
                let grade = words.inSentence(words.grade(finding.grade, in: scale))
                let deadline = finding.deadline.map { words.say(", échéance le \(words.day($0))", ", due \(words.day($0))") } ?? ""
                let late = finding.overdue ? words.say(", EN RETARD", ", OVERDUE") : ""
                lines.append("    \(finding.id) \(grade), \(words.findingState(finding.state))\(deadline)\(late)")
            }
        }
        if !history.isEmpty {
            lines.append(words.say("  historique", "  history"))
            lines += historyLines(language).map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func certificationWords(_ move: Move, _ words: Vocabulary) -> (String, String, String) {
        (Certification.EventKind(rawValue: move.event).map(words.certificationEvent) ?? move.event,
         Certification.State(rawValue: move.from).map(words.certificationState) ?? move.from,
         Certification.State(rawValue: move.to).map(words.certificationState) ?? move.to)
    }

    private func membershipWords(_ move: Move, _ words: Vocabulary) -> (String, String, String) {
        (GroupMembership.EventKind(rawValue: move.event).map(words.membershipEvent) ?? move.event,
         GroupMembership.State(rawValue: move.from).map(words.membershipState) ?? move.from,
         GroupMembership.State(rawValue: move.to).map(words.membershipState) ?? move.to)
    }
}
