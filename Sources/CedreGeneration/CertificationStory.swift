import CedreCore
import Foundation

/// Writes the facts of generated certifications as officers would record them, keeping every
/// fact legal for the machines (DESIGN §3–4).
///
/// Each dossier's facts depend only on facts of earlier days, or of the same day written
/// before them, so the whole list stays legal when it is sorted by day and when it is cut
/// at any day.
struct CertificationStory {
    /// How a dossier's story may go; each a probability.
    struct Odds {
        /// A surveillance audit is missed and the certificate suspended (rule 4).
        var missedSurveillance: Double
        /// After a suspension, a surveillance audit is held and the certificate restored.
        var restoredAfterSuspension: Double
        /// A surveillance audit is followed by a decision to maintain the certificate.
        var maintained: Double
        /// The certificate is renewed before it expires (rule 1).
        var renewed: Double
        /// An expired certificate is restored within the window (rule 3).
        var restoredLate: Double
        /// A lapsed member engages again.
        var engagedAgain: Double
        /// The member asks for its certificate to be withdrawn, per surveillance year.
        var withdrawnOnRequest: Double
        /// The member leaves the federation, per surveillance year.
        var left: Double
        /// A cross-audit is held before a surveillance audit.
        var crossAudited: Double

        /// A member company.
        static let company = Odds(
            missedSurveillance: 0.05, restoredAfterSuspension: 0.6, maintained: 0.8, renewed: 0.8, restoredLate: 0.35,
            engagedAgain: 0.3, withdrawnOnRequest: 0.015, left: 0.01, crossAudited: 0.35)

        /// The central function of the group certificate: it keeps its certificate.
        static let centralFunction = Odds(
            missedSurveillance: 0, restoredAfterSuspension: 0, maintained: 0.9, renewed: 1, restoredLate: 0,
            engagedAgain: 0, withdrawnOnRequest: 0, left: 0, crossAudited: 0)
    }

    /// What an audit that took place left for the steps after it.
    struct AuditResult {
        let conductedOn: Day
        /// The first day a certification decision is not blocked by its findings (rules 6, 7).
        let decidableFrom: Day
        /// The referential version it followed (rule 14).
        let referential: String?
    }

    /// How a dossier's story ended, when it did before the last day.
    private enum Ending {
        case open
        case lapsed(on: Day)
        case withdrawn(on: Day)
    }

    var random: SeededGenerator
    let lastDay: Day
    let cycleAuditors: [GeneratedNetwork.Auditor]
    let groupOf: [MemberID: MemberID]
    private var numbers = IdentifierCounter()
    /// Every fact written so far, in the order written.
    private(set) var facts: [DatedFact] = []
    /// The latest day of the current dossier's facts.
    private var latest = Day(ordinal: 0)
    /// The current dossier's next external audit is held after this day: after its last
    /// nonconformity is verified effective, so no minor is ever escalated (rule 7), and after
    /// the decisions on its previous audit, which must not see the next audit's findings.
    private var nextExternalAuditAfter = Day(ordinal: 0)
    /// External audits conducted in the current dossier, for a group's joining sites (rule 13).
    private var externalAudits: [Day] = []

    init(random: SeededGenerator, lastDay: Day, auditors: [GeneratedNetwork.Auditor], groupOf: [MemberID: MemberID]) {
        self.random = random
        self.lastDay = lastDay
        self.cycleAuditors = auditors
        self.groupOf = groupOf
    }

    // MARK: Stories

    /// A member engaged in a single-site scheme: engaged only, or certified with its cycles.
    mutating func single(_ key: CertificationKey, scheme: Scheme, engagedOn: Day, certifies: Bool, canLeave: Bool) {
        begin(on: engagedOn)
        write(.certificationEngaged(key), on: engagedOn)
        guard certifies else { return engagedOnly(key, scheme: scheme, engagedOn: engagedOn) }
        var start = engagedOn
        while true {
            let planned = start.adding(days: random.integer(in: 60...400))
            guard planned <= lastDay,
                let initial = audit(
                    key, .initial, scheme: scheme, plannedOn: planned,
                    scheduledOn: planned.adding(days: random.integer(in: 21...90)), bound: nil)
            else { return }
            let decision = max(initial.conductedOn.adding(days: random.integer(in: 14...60)), initial.decidableFrom)
            let ending = cycles(key, scheme: scheme, decidedOn: decision, decisive: initial, odds: .company, canLeave: canLeave)
            guard case .lapsed(let day) = ending, random.chance(Odds.company.engagedAgain) else { return }
            start = max(day, latest).adding(days: random.integer(in: 30...400))
            guard start <= lastDay else { return }
            write(.certificationEngaged(key), on: start)
        }
    }

    /// A group certificate: the central function's cycles, then each site's application,
    /// cross-audits and joining after an external audit of the group (rule 13).
    mutating func group(scheme: Scheme, central: MemberID, sites: [MemberID], startOn: Day) {
        let key = CertificationKey(member: central, scheme: scheme.id)
        begin(on: startOn)
        externalAudits = []
        write(.certificationEngaged(key), on: startOn)
        let planned = startOn.adding(days: random.integer(in: 30...90))
        if let initial = audit(
            key, .initial, scheme: scheme, plannedOn: planned, scheduledOn: planned.adding(days: random.integer(in: 30...60)),
            bound: nil)
        {
            let decision = max(initial.conductedOn.adding(days: random.integer(in: 14...45)), initial.decidableFrom)
            _ = cycles(key, scheme: scheme, decidedOn: decision, decisive: initial, odds: .centralFunction, canLeave: false)
        }
        let groupAudits = externalAudits.sorted()
        for site in sites {
            joinSite(CertificationKey(member: site, scheme: scheme.id), scheme: scheme, groupAudits: groupAudits, startOn: startOn)
        }
    }

    private mutating func joinSite(_ key: CertificationKey, scheme: Scheme, groupAudits: [Day], startOn: Day) {
        let applied = random.day(from: startOn.adding(days: 60), through: lastDay)
        begin(on: applied)
        write(.membershipApplied(key), on: applied)
        let planned = applied.adding(days: random.integer(in: 5...30))
        guard let crossAudit = audit(
            key, .crossAudit, scheme: scheme, plannedOn: planned, scheduledOn: planned.adding(days: random.integer(in: 20...50)),
            bound: nil, grades: NetworkMix.notedGrades)
        else { return }
        guard let groupAudit = groupAudits.first(where: { $0 >= applied }) else { return }
        let joined = max(groupAudit, crossAudit.conductedOn).adding(days: random.integer(in: 1...20))
        write(.membershipJoined(key), on: joined)
        // Rule 13: once in the scope, a cross-audit between each two external audits of the group.
        var lastCrossAudit = crossAudit.conductedOn
        for (previous, next) in zip(groupAudits, groupAudits.dropFirst()) where next >= joined && lastCrossAudit <= previous {
            let scheduled = max(previous.adding(days: 1), next.adding(days: -random.integer(in: 20...60)))
            guard let held = audit(
                key, .crossAudit, scheme: scheme, plannedOn: scheduled.adding(days: -random.integer(in: 14...40)),
                scheduledOn: scheduled, bound: next.adding(days: -1), grades: NetworkMix.notedGrades)
            else {
                write(.membershipExcluded(key, reason: NetworkMix.notCrossAudited), on: next)
                return
            }
            lastCrossAudit = held.conductedOn
        }
    }

    /// Engaged and not (yet) certified: nothing more, an initial audit planned, or held and
    /// waiting for its decision, or a withdrawal.
    private mutating func engagedOnly(_ key: CertificationKey, scheme: Scheme, engagedOn: Day) {
        let draw = random.unitInterval()
        guard draw >= 0.45 else { return }
        let planned = engagedOn.adding(days: random.integer(in: 60...500))
        let scheduled = planned.adding(days: random.integer(in: 21...90))
        if draw < 0.72 {
            _ = audit(key, .initial, scheme: scheme, plannedOn: planned, scheduledOn: scheduled, bound: nil, heldOn: false)
        } else if draw < 0.92 {
            _ = audit(key, .initial, scheme: scheme, plannedOn: planned, scheduledOn: scheduled, bound: nil)
        } else {
            write(.certificationWithdrawn(key, reason: .memberRequest), on: engagedOn.adding(days: random.integer(in: 100...900)))
        }
    }

    /// A certificate's cycles from its first decision: surveillance, suspension, renewal,
    /// expiry, until the story ends or passes the last day.
    private mutating func cycles(
        _ key: CertificationKey, scheme: Scheme, decidedOn: Day, decisive: AuditResult, odds: Odds, canLeave: Bool
    ) -> Ending {
        let rules = scheme.cycle
        var decision = decidedOn
        var expiry = Self.expiry(decision.adding(months: rules.validityMonths), after: decisive, scheme: scheme)
        write(.certificationDecided(key), on: decision)
        while decision <= lastDay {
            var lastSurveillance: Day?
            surveillance: while let due = Self.nextSurveillanceDue(
                decision: decision, last: lastSurveillance, expiry: expiry, rules: rules)
            {
                let target: Day
                if let last = lastSurveillance {
                    let earliest = max(Day(year: due.year, month: 1, day: 15) ?? due, last.adding(months: 4))
                    target = random.day(from: earliest, through: Day(year: due.year, month: 11, day: 30) ?? due)
                } else {
                    target = decision.adding(months: random.integer(in: 8...11)).adding(days: random.integer(in: 0...27))
                }
                guard target <= lastDay else { return .open }
                if random.chance(odds.crossAudited) { crossAudit(key, scheme: scheme, after: max(decision, latest), before: target) }
                if random.chance(odds.withdrawnOnRequest) {
                    let day = max(latest, random.day(from: decision.adding(days: 1), through: target))
                    guard day < expiry else { break surveillance }
                    write(.certificationWithdrawn(key, reason: .memberRequest), on: day)
                    return .withdrawn(on: day)
                }
                if canLeave, random.chance(odds.left) {
                    let day = max(latest, target)
                    guard day < expiry else { break surveillance }
                    write(.certificationWithdrawn(key, reason: .memberLeft), on: day)
                    write(.memberLeft(key.member), on: day)
                    return .withdrawn(on: day)
                }
                if random.chance(odds.missedSurveillance) {
                    let suspended = due.adding(days: random.integer(in: 20...60))
                    guard suspended < expiry, suspended > latest else { break surveillance }
                    write(.certificationSuspended(key, reason: .surveillanceOverdue), on: suspended)
                    let limit = min(suspended.adding(months: rules.maximumSuspensionMonths), expiry).adding(days: -1)
                    let planned = suspended.adding(days: random.integer(in: 3...15))
                    guard random.chance(odds.restoredAfterSuspension),
                        let audit = audit(
                            key, .surveillance, scheme: scheme, plannedOn: planned,
                            scheduledOn: planned.adding(days: random.integer(in: 14...40)),
                            bound: limit.adding(days: -15))
                    else { return .withdrawn(on: suspended.adding(months: rules.maximumSuspensionMonths)) }
                    write(.certificationRestored(key), on: audit.conductedOn.adding(days: random.integer(in: 5...14)))
                    lastSurveillance = audit.conductedOn
                    continue
                }
                let planned = max(decision.adding(days: 1), target.adding(days: -random.integer(in: 30...75)))
                guard let audit = audit(
                    key, .surveillance, scheme: scheme, plannedOn: planned, scheduledOn: target,
                    bound: expiry.adding(days: -1))
                else { break surveillance }
                if random.chance(odds.maintained) {
                    let maintained = max(audit.conductedOn.adding(days: random.integer(in: 7...40)), audit.decidableFrom)
                    if maintained < expiry { write(.certificationMaintained(key), on: maintained) }
                }
                lastSurveillance = audit.conductedOn
            }

            let restorableUntil = expiry.adding(months: rules.restoreWindowMonths)
            let planned: Day
            let scheduled: Day
            if random.chance(odds.renewed) {
                scheduled = expiry.adding(months: -random.integer(in: 1...3)).adding(days: -random.integer(in: 0...20))
                planned = max(decision.adding(days: 1), scheduled.adding(days: -random.integer(in: 60...150)))
            } else if random.chance(odds.restoredLate) {
                planned = max(expiry.adding(days: random.integer(in: 5...40)), latest)
                scheduled = planned.adding(days: random.integer(in: 14...45))
            } else {
                return .lapsed(on: restorableUntil.adding(days: 1))
            }
            guard planned <= lastDay,
                let audit = audit(
                    key, .recertification, scheme: scheme, plannedOn: planned, scheduledOn: scheduled,
                    bound: restorableUntil.adding(days: -30))
            else { return .lapsed(on: restorableUntil.adding(days: 1)) }
            let decided = max(audit.conductedOn.adding(days: random.integer(in: 10...45)), audit.decidableFrom)
            guard decided <= restorableUntil else { return .lapsed(on: restorableUntil.adding(days: 1)) }
            write(.certificationDecided(key), on: decided)
            expiry = Self.expiry(expiry.adding(months: rules.validityMonths), after: audit, scheme: scheme)
            decision = decided
        }
        return .open
    }

    /// A peer audit between two external audits, by a trained auditor of another member.
    private mutating func crossAudit(_ key: CertificationKey, scheme: Scheme, after: Day, before: Day) {
        guard after.days(to: before) > 60 else { return }
        let planned = random.day(from: after.adding(days: 1), through: before.adding(days: -45))
        _ = audit(
            key, .crossAudit, scheme: scheme, plannedOn: planned, scheduledOn: planned.adding(days: random.integer(in: 14...30)),
            bound: before.adding(days: -1), grades: NetworkMix.notedGrades)
    }

    // MARK: Audits and findings

    /// Plans an audit and, when `heldOn`, holds it with its findings and report; nil when it
    /// cannot take place by `bound` (then nothing is written) or is not held.
    ///
    /// Cancellations and postponements happen only where the bound leaves room.
    private mutating func audit(
        _ key: CertificationKey, _ kind: Audit.Kind, scheme: Scheme, plannedOn: Day, scheduledOn: Day, bound: Day?,
        grades: [(value: GradeID, weight: Int)] = NetworkMix.grades, heldOn: Bool = true
    ) -> AuditResult? {
        var planned = plannedOn
        var scheduled = max(scheduledOn, plannedOn.adding(days: 14))
        if kind.isExternal { scheduled = max(scheduled, nextExternalAuditAfter.adding(days: 1)) }
        if let bound, scheduled > bound { return nil }
        let auditors = auditorNames(for: kind, member: key.member, on: scheduled)
        if random.chance(0.03), bound.map({ scheduled.adding(days: 80) <= $0 }) ?? true {
            let cancelled = numbers.audit(year: scheduled.year)
            write(.auditPlanned(key, cancelled, kind: kind, scheduledOn: scheduled, auditors: auditors), on: planned)
            let day = random.day(from: planned.adding(days: 1), through: scheduled.adding(days: -1))
            write(.auditCancelled(key, cancelled, reason: NetworkMix.cancellation), on: day)
            planned = day.adding(days: random.integer(in: 1...10))
            scheduled = max(scheduled.adding(days: random.integer(in: 0...30)), planned.adding(days: 14))
        }
        let id = numbers.audit(year: scheduled.year)
        let referential = scheme.currentReferential(on: scheduled)?.id
        write(.auditPlanned(key, id, kind: kind, scheduledOn: scheduled, auditors: auditors), on: planned)
        var lastChange = planned
        if random.chance(0.08) {
            let moved = scheduled.adding(days: random.integer(in: 14...60))
            if bound.map({ moved <= $0 }) ?? true {
                lastChange = random.day(from: planned.adding(days: 1), through: scheduled.adding(days: -1))
                write(.auditPostponed(key, id, to: moved, reason: NetworkMix.postponement), on: lastChange)
                scheduled = moved
            }
        }
        if random.chance(0.3) {
            let confirmed = random.day(from: lastChange.adding(days: 1), through: scheduled.adding(days: -1))
            write(.auditConfirmed(key, id, scheduledOn: scheduled, auditors: auditors), on: confirmed)
        }
        guard heldOn else { return nil }
        write(.auditConducted(key, id), on: scheduled)
        if kind.isExternal { externalAudits.append(scheduled) }
        let reported = scheduled.adding(days: random.integer(in: 3...15))
        let findings = raiseFindings(key, audit: id, conductedOn: scheduled, reportedOn: reported, grades: grades)
        write(.auditReported(key, id), on: reported)
        if random.chance(0.85) {
            write(.auditClosed(key, id), on: max(reported, findings.plansAcceptedBy).adding(days: random.integer(in: 1...10)))
        }
        nextExternalAuditAfter = max(nextExternalAuditAfter, findings.closedBy)
        return AuditResult(conductedOn: scheduled, decidableFrom: findings.decidableFrom, referential: referential)
    }

    /// Raises an audit's findings on its day and writes each nonconformity's corrective action
    /// through to its verification.
    private mutating func raiseFindings(
        _ key: CertificationKey, audit: AuditID, conductedOn: Day, reportedOn: Day, grades: [(value: GradeID, weight: Int)]
    ) -> (decidableFrom: Day, closedBy: Day, plansAcceptedBy: Day) {
        var decidable = conductedOn
        var closedBy = conductedOn
        var accepted = conductedOn
        for _ in 0..<random.weighted(NetworkMix.findingsPerAudit) {
            let grade = random.weighted(grades)
            let id = numbers.finding(year: conductedOn.year)
            let statement = random.element(of: NetworkMix.statements[grade] ?? [""])
            write(
                .findingRaised(key, id, audit: audit, grade: grade, requirement: random.weighted(NetworkMix.requirements),
                               statement: statement),
                on: conductedOn)
            switch grade {
            case "major":
                var day = conductedOn
                if random.chance(0.3) {
                    day = day.adding(days: random.integer(in: 1...3))
                    write(.findingCorrected(key, id, statement: NetworkMix.correction), on: day)
                }
                day = max(day, conductedOn.adding(days: 4)).adding(days: random.integer(in: 1...11))
                write(.findingPlanProposed(key, id, statement: random.element(of: NetworkMix.plans)), on: day)
                day = day.adding(days: random.integer(in: 3...10))
                write(.findingPlanAccepted(key, id, due: day.adding(days: 45)), on: day)
                accepted = max(accepted, day)
                day = day.adding(days: random.integer(in: 10...30))
                write(.findingImplemented(key, id), on: day)
                day = day.adding(days: random.integer(in: 5...15))
                write(.findingVerified(key, id, effective: true), on: day)
                decidable = max(decidable, day.adding(days: 1))
                closedBy = max(closedBy, day)
            case "minor":
                var day = reportedOn.adding(days: random.integer(in: 1...15))
                write(.findingPlanProposed(key, id, statement: random.element(of: NetworkMix.plans)), on: day)
                day = day.adding(days: random.integer(in: 3...12))
                write(.findingPlanAccepted(key, id, due: nil), on: day)
                accepted = max(accepted, day)
                var acceptedLast = day
                day = day.adding(days: random.integer(in: 15...60))
                write(.findingImplemented(key, id), on: day)
                day = day.adding(days: random.integer(in: 5...20))
                if random.chance(0.05) {
                    write(.findingVerified(key, id, effective: false), on: day)
                    day = day.adding(days: random.integer(in: 3...10))
                    write(.findingPlanProposed(key, id, statement: NetworkMix.revisedPlan), on: day)
                    day = day.adding(days: random.integer(in: 3...10))
                    write(.findingPlanAccepted(key, id, due: nil), on: day)
                    // Reopened by the verification, the finding holds its audit open until
                    // the revised plan is accepted.
                    accepted = max(accepted, day)
                    acceptedLast = day
                    day = day.adding(days: random.integer(in: 10...30))
                    write(.findingImplemented(key, id), on: day)
                    day = day.adding(days: random.integer(in: 5...15))
                }
                write(.findingVerified(key, id, effective: true), on: day)
                decidable = max(decidable, acceptedLast.adding(days: 1))
                closedBy = max(closedBy, day)
            default:
                break
            }
        }
        return (decidable, closedBy, accepted)
    }

    private mutating func auditorNames(for kind: Audit.Kind, member: MemberID, on day: Day) -> [String] {
        guard kind == .crossAudit else {
            return ["Auditeur synthétique " + random.integer(in: 1...NetworkMix.externalAuditors).zeroPadded(to: 2)]
        }
        guard !cycleAuditors.isEmpty else { return [] }
        for _ in 0..<8 {
            let auditor = random.element(of: cycleAuditors)
            let sameGroup = groupOf[auditor.member].map { $0 == groupOf[member] || $0 == member } ?? false
            if auditor.member != member, !sameGroup, auditor.trainedOn <= day { return [auditor.id.rawValue] }
        }
        return []
    }

    private mutating func begin(on day: Day) {
        latest = day
        nextExternalAuditAfter = day
    }

    private mutating func write(_ fact: Fact, on day: Day) {
        facts.append(DatedFact(fact, on: day))
        latest = max(latest, day)
        switch fact {
        case .certificationDecided, .certificationMaintained, .certificationRestored:
            nextExternalAuditAfter = max(nextExternalAuditAfter, day)
        default:
            break
        }
    }

    // MARK: Rules the story follows

    /// Rule 1 and rule 14: validity from the decision, capped by the end of the transition
    /// away from the referential version the decisive audit followed.
    private static func expiry(_ day: Day, after audit: AuditResult, scheme: Scheme) -> Day {
        guard let end = audit.referential.flatMap({ scheme.successor(of: $0)?.transitionEndsOn }) else { return day }
        return min(day, end)
    }

    /// Rule 2, as `Certification.nextSurveillanceDueBy` computes it.
    private static func nextSurveillanceDue(decision: Day, last: Day?, expiry: Day, rules: CycleRules) -> Day? {
        let recertificationYear = expiry.year
        if !rules.surveillanceEachCalendarYear, let last {
            let due = last.adding(months: rules.firstSurveillanceWithinMonths)
            return due < expiry ? due : nil
        }
        guard let last else {
            let due = decision.adding(months: rules.firstSurveillanceWithinMonths)
            return due.year < recertificationYear ? due : nil
        }
        let year = max(last.year, decision.year) + 1
        return year < recertificationYear ? Day.lastDay(ofYear: year) : nil
    }
}
