import Foundation

extension Dossier {
    /// What holds on `day` and needs a human, each with the day it fell due, plus the
    /// deadlines falling within `horizon` days.
    ///
    /// The dossier must hold the facts up to `day`; it is advanced to `day` here. A group's
    /// dossier needs its group's `context` (`Network.notices` gives it).
    public func notices(on day: Day, horizon: Int, context: FindingContext = .none) -> [Notice] {
        advance(to: day).notices(advancedTo: day, horizon: horizon, context: context)
    }

    /// `notices(on:horizon:context:)` of a dossier already advanced to `day`: a calendar
    /// advances it once for each day it evaluates.
    func notices(advancedTo day: Day, horizon: Int, context: FindingContext) -> [Notice] {
        var notices: [Notice] = []
        func add(_ rule: NoticeRule, _ due: Day, finding: FindingID? = nil, obligation: Obligation? = nil) {
            notices.append(Notice(
                rule: rule, key: key, subject: Notice.subject(of: key, finding?.rawValue, obligation?.rawValue), due: due,
                finding: finding, obligation: obligation))
        }
        func announce(_ deadline: Day?, _ obligation: Obligation, finding: FindingID? = nil) {
            guard let deadline, deadline >= day, deadline <= day.adding(days: horizon) else { return }
            add(.dueSoon, deadline, finding: finding, obligation: obligation)
        }

        if let certification {
            switch certification.state {
            case .certified, .suspended:
                if let dueBy = certification.nextSurveillanceDueBy {
                    if day > dueBy { add(.surveillanceOverdue, dueBy.adding(days: 1)) }
                    announce(dueBy, .surveillanceAudit)
                }
                if let dueBy = certification.recertificationPlanningDueBy {
                    if day > dueBy { add(.recertificationNotPlanned, dueBy.adding(days: 1)) }
                    announce(dueBy, .recertificationPlanning)
                }
                announce(certification.expiresOn, .certificateExpiry)
                announce(referentialCutoff, .referentialTransition)
                if certification.state == .suspended { announce(certification.suspensionEndsBy, .suspensionMaximum) }
            case .expired:
                if let expiresOn = certification.expiresOn { add(.certificateExpired, expiresOn.adding(days: 1)) }
                announce(certification.restorableUntil, .restoreWindow)
            case .lapsed:
                if let expiresOn = certification.expiresOn, let until = certification.restorableUntil {
                    add(.certificateExpired, expiresOn.adding(days: 1))
                    add(.certificationLapsed, until.adding(days: 1))
                }
            case .withdrawn:
                if let withdrawal = certification.withdrawal, withdrawal.reason == .suspensionMaximumReached {
                    add(.suspensionExpired, withdrawal.on)
                }
            case .engaged:
                let stalledOn = certification.engagedOn.adding(months: certification.rules.stalledEngagementMonths)
                if day >= stalledOn { add(.engagementStalled, stalledOn) }
            case .initialAuditPlanned, .audited:
                break
            }
        }
        let isActive = certification.map { $0.state != .withdrawn } ?? (membership?.state != .excluded)
        guard isActive else { return notices }
        // Indices and stored fields: a calendar asks this on every day it evaluates, and each
        // audit and finding is read in place, where a loop's element or a computed property
        // of one is a copy of all its fields (with `noticeThresholds` and `findingDeadlines`,
        // a rebuild of the 5,000-member network: 3,843 → 3,734 M instructions).
        for index in audits.indices where audits[index].state.isPending && audits[index].scheduledOn < day {
            let due = audits[index].scheduledOn.adding(days: 1)
            notices.append(Notice(
                rule: .auditNotHeld, key: key, subject: Notice.subject(of: key, audits[index].id.rawValue), due: due))
        }
        for index in findings.indices where findings[index].state.isOpen {
            let status = status(of: findings[index], on: day, context: context)
            if let escalation = status.escalation {
                add(.minorFindingEscalated, escalation.on, finding: status.finding.id)
            }
            if status.isOverdue, let deadline = status.deadline {
                add(.majorFindingOverdue, deadline.adding(days: 1), finding: status.finding.id)
            }
            if scheme.grading.grade(status.grade)?.whenOverdue == .suspensionTrigger {
                announce(status.deadline, .findingDeadline, finding: status.finding.id)
            }
        }
        return notices
    }
}

extension Dossier {
    /// The days after `day` on which a notice of the dossier may start or stop with no new
    /// fact: its deadlines and their morrows, its pending audits' days and their morrows, the
    /// day its engagement stalls, its certificate's next move. A rule that reads a day of the
    /// dossier adds it here, so the calendar (`DossierCalendar`) sees every change.
    ///
    /// The days come in no order and may repeat: the calendar keeps each once (a set built here
    /// for every day evaluated was a tenth of a rebuild's instructions).
    public func noticeThresholds(on day: Day, context: FindingContext) -> [Day] {
        let dossier = advance(to: day)
        return dossier.noticeThresholds(advancedTo: day, findingDeadlines: dossier.findingDeadlines(context: context))
    }

    /// `noticeThresholds(on:context:)` of a dossier already advanced to `day`, given its
    /// `findingDeadlines(context:)`: a calendar computes those again only when the group's
    /// context or the certificate's expiry changes, since they are read on the last fact's day.
    func noticeThresholds(advancedTo day: Day, findingDeadlines: [Deadline]) -> [Day] {
        let certificateDeadlines = certificateDeadlines()
        // Two days for each deadline, audit and the engagement's stall, one for the next move,
        // in room made once and kept: grown one append at a time and filtered into a new array,
        // the days of the 21,705 calls of a rebuild of the 5,000-member network were allocated
        // 51,911 times.
        var days: [Day] = []
        days.reserveCapacity(2 * (certificateDeadlines.count + findingDeadlines.count + audits.count + 1) + 1)
        func add(_ threshold: Day) {
            days.append(threshold)
            days.append(threshold.adding(days: 1))
        }
        for deadline in certificateDeadlines { add(deadline.day) }
        for deadline in findingDeadlines { add(deadline.day) }
        for index in audits.indices where audits[index].state.isPending { add(audits[index].scheduledOn) }
        if let certification {
            if certification.state == .engaged {
                add(certification.engagedOn.adding(months: certification.rules.stalledEngagementMonths))
            }
            if let move = certification.nextCalendarMove() { days.append(move.on) }
        }
        days.removeAll { $0 <= day }
        return days
    }
}

/// A deadline the facts have set, whatever day it is: what `check` watches.
public struct Deadline: Hashable, Sendable {
    public let obligation: Obligation
    /// The finding it concerns, or empty for the certification itself.
    public let subject: String
    public let day: Day

    public init(obligation: Obligation, subject: String, day: Day) {
        self.obligation = obligation
        self.subject = subject
        self.day = day
    }
}

extension Dossier {
    /// Every deadline set by the facts applied so far; the day after each, a notice may start.
    public func deadlines(context: FindingContext = .none) -> [Deadline] {
        certificateDeadlines() + findingDeadlines(context: context)
    }

    /// The deadlines of the certificate in its current state.
    func certificateDeadlines() -> [Deadline] {
        var deadlines: [Deadline] = []
        func add(_ obligation: Obligation, _ day: Day?) {
            if let day { deadlines.append(Deadline(obligation: obligation, subject: "", day: day)) }
        }
        if let certification {
            switch certification.state {
            case .certified, .suspended:
                add(.surveillanceAudit, certification.nextSurveillanceDueBy)
                add(.recertificationPlanning, certification.recertificationPlanningDueBy)
                add(.certificateExpiry, certification.expiresOn)
                add(.restoreWindow, certification.restorableUntil)
                add(.referentialTransition, referentialCutoff)
                if certification.state == .suspended { add(.suspensionMaximum, certification.suspensionEndsBy) }
            case .expired:
                add(.restoreWindow, certification.restorableUntil)
            case .engaged, .initialAuditPlanned, .audited, .lapsed, .withdrawn:
                break
            }
        }
        return deadlines
    }

    /// The deadlines of the open findings, as the last fact's day gives them: they depend on
    /// the group's `context` and the certificate's expiry, not on the day asked.
    func findingDeadlines(context: FindingContext) -> [Deadline] {
        guard let lastFactOn else { return [] }
        return findings.indices.compactMap { index in
            guard findings[index].state.isOpen, let deadline = status(of: findings[index], on: lastFactOn, context: context).deadline
            else { return nil }
            return Deadline(obligation: .findingDeadline, subject: findings[index].id.rawValue, day: deadline)
        }
    }
}

extension Dossier {
    /// Rule 14: the last day the certificate's referential version may still be audited,
    /// when a newer version replaces it.
    public var referentialCutoff: Day? {
        guard let decision = certification?.currentDecision,
            let version = decision.referential ?? scheme.currentReferential(on: decision.on)?.id
        else { return nil }
        return scheme.successor(of: version)?.lastAuditUnderPreviousVersionOn
    }
}
