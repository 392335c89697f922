import Foundation

/// Everything about one member under one scheme: its certification (or, for a group site, its
/// group membership), its audits and their findings.
///
/// The dossier is the unit of consistency: facts are replayed through it in day order, and it
/// enforces the rules that tie machines together (a decision blocked by findings, an audit
/// that moves the certification, a finding raised only by a conducted audit).
public struct Dossier: Equatable, Sendable {
    public let key: CertificationKey
    public let scheme: Scheme
    public private(set) var certification: Certification?
    public private(set) var membership: GroupMembership?
    /// Audits in the order they were planned.
    public private(set) var audits: [Audit] = []
    /// Findings in the order they were raised.
    public private(set) var findings: [Finding] = []
    /// Rule 10: this site's answers to investigations opened by findings at other sites.
    public private(set) var answers: [InvestigationAnswer] = []
    /// The day of the latest fact applied.
    public private(set) var lastFactOn: Day?

    public init(key: CertificationKey, scheme: Scheme) {
        self.key = key
        self.scheme = scheme
    }

    /// The audit with this id.
    public func audit(_ id: AuditID) -> Audit? {
        audits.first { $0.id == id }
    }

    /// The finding with this id.
    public func finding(_ id: FindingID) -> Finding? {
        findings.first { $0.id == id }
    }

    /// The dossier as the calendar leaves it on `day`.
    public func advance(to day: Day) -> Dossier {
        var copy = self
        copy.advance(copyOf: self, to: day)
        return copy
    }

    /// Makes this dossier, a copy of `base`, what `base.advance(to: day)` gives: a calendar
    /// evaluates many days of one dossier, and a copy of it for each day retained every text
    /// of its scheme and each of its lists.
    mutating func advance(copyOf base: Dossier, to day: Day) {
        certification = base.certification?.advance(to: day)
    }

    /// Applies one fact of this dossier on `day`; a refused fact leaves the dossier unchanged.
    ///
    /// A fact's checks come before its changes and each machine refuses before it changes; the
    /// two facts that move an audit and then the certification (an audit held, an audit
    /// cancelled) put the audit back when the certification refuses (`RefusedFactTests` tries
    /// facts out of place on every generated dossier). So the dossier is changed in place: a
    /// copy to fall back on would copy its audits and findings at every fact of a replay.
    public mutating func apply(_ fact: Fact, on day: Day) throws(TransitionError) {
        try perform(fact, on: day)
        lastFactOn = max(lastFactOn ?? day, day)
    }

    private mutating func perform(_ fact: Fact, on day: Day) throws(TransitionError) {
        switch fact {
        case .memberAdded, .memberLeft, .memberAmended, .sampleDrawn, .membersLinked, .auditorAdded, .auditorQualified,
            .campaignPlanned, .campaignSwapped, .campaignPublished, .campaignCompleted, .correction, .schemeAdded:
            return
        case .certificationEngaged:
            guard let certification else {
                certification = Certification(key: key, rules: scheme.cycle, engagedOn: day)
                return
            }
            let current = certification.advance(to: day)
            guard current.state == .withdrawn || current.state == .lapsed else {
                throw .alreadyEngaged(key, state: current.state, since: current.stateSince, on: day)
            }
            try applyToCertification(.engaged(on: day), on: day)
        case .certificationDecided:
            let blocks = blockingFindings(on: day)
            guard blocks.isEmpty else { throw .blockedByFindings(key, findings: blocks, on: day) }
            let referential = decisiveAudit?.referential
            let cap = referential.flatMap { scheme.successor(of: $0)?.transitionEndsOn }
            try applyToCertification(.decided(on: day, referential: referential, expiryCap: cap), on: day)
        case .certificationMaintained:
            let blocks = blockingFindings(on: day)
            guard blocks.isEmpty else { throw .blockedByFindings(key, findings: blocks, on: day) }
            try applyToCertification(.maintained(on: day), on: day)
        case .certificationSuspended(_, let reason):
            try applyToCertification(.suspended(on: day, reason: reason), on: day)
        case .certificationRestored:
            try applyToCertification(.restored(on: day), on: day)
        case .certificationWithdrawn(_, let reason):
            try applyToCertification(.withdrawn(on: day, reason: reason), on: day)
        case .auditPlanned(_, let id, let kind, let scheduledOn, let auditors, let referential):
            let version = try referentialVersion(referential, for: id, scheduledOn: scheduledOn)
            try plan(Audit(
                id: id, key: key, kind: kind, plannedOn: day, scheduledOn: scheduledOn, auditors: auditors,
                referential: version))
        case .auditConfirmed(_, let id, let scheduledOn, let auditors):
            try updateAudit(id, .confirmed(on: day, scheduledOn: scheduledOn, auditors: auditors), on: day)
        case .auditPostponed(_, let id, let newDay, let reason):
            try updateAudit(id, .postponed(on: day, to: newDay, reason: reason), on: day)
        case .auditCancelled(_, let id, let reason):
            try updateAudit(id, .cancelled(on: day, reason: reason), on: day) { dossier throws(TransitionError) in
                try dossier.unplanIfLastPending(kindOf: id, on: day)
            }
        case .auditConducted(_, let id):
            try updateAudit(id, .conducted(on: day), on: day) { dossier throws(TransitionError) in
                try dossier.recordConduct(of: id, on: day)
            }
        case .auditReported(_, let id):
            try updateAudit(id, .reported(on: day), on: day)
        case .auditClosed(_, let id):
            let unresolved = findings.filter { $0.audit == id && $0.isOpen && !$0.hasAcceptedPlan }.map(\.id)
            guard unresolved.isEmpty else { throw .auditHasOpenFindings(id, findings: unresolved) }
            try updateAudit(id, .closed(on: day), on: day)
        case .findingRaised(_, let id, let auditID, let gradeID, let requirement, let statement):
            try raise(id, audit: auditID, grade: gradeID, requirement: requirement, statement: statement, on: day)
        case .findingCorrected(_, let id, let statement):
            try updateFinding(id, .corrected(on: day, statement: statement), on: day)
        case .findingPlanProposed(_, let id, let statement):
            try updateFinding(id, .planProposed(on: day, statement: statement), on: day)
        case .findingPlanAccepted(_, let id, let due):
            try updateFinding(id, .planAccepted(on: day, due: due), on: day)
        case .findingImplemented(_, let id):
            try updateFinding(id, .implemented(on: day), on: day)
        case .findingVerified(_, let id, let effective):
            try updateFinding(id, .verified(on: day, effective: effective), on: day)
        case .findingAnswered(_, let origin, let affected, let statement):
            guard membership != nil else { throw .notACandidate(key, on: day) }
            answers.removeAll { $0.finding == origin }
            answers.append(InvestigationAnswer(finding: origin, site: key.member, affected: affected, statement: statement, on: day))
        case .findingRegraded(_, let id, let gradeID, let reason):
            guard let grade = scheme.grading.grade(gradeID), grade.isNonconformity else {
                throw .unknownGrade(gradeID, scheme: scheme.id)
            }
            try updateFinding(id, .regraded(on: day, to: gradeID, reason: reason), on: day)
        case .membershipApplied:
            guard scheme.kind == .group else { throw .notAGroupScheme(scheme.id) }
            if membership == nil {
                membership = GroupMembership(key: key, appliedOn: day)
            } else {
                try applyToMembership(.applied(on: day), on: day)
            }
        case .membershipJoined:
            try applyToMembership(.joined(on: day), on: day)
        case .membershipSuspended(_, let reason):
            try applyToMembership(.suspended(on: day, reason: reason), on: day)
        case .membershipReinstated:
            try applyToMembership(.reinstated(on: day), on: day)
        case .membershipExcluded(_, let reason):
            let majors = blockingFindings(on: day).filter { $0.missing == .blocksUntilVerified }
            guard majors.isEmpty else { throw .exclusionWouldHideMajorFindings(key, findings: majors.map(\.finding)) }
            try applyToMembership(.excluded(on: day, reason: reason), on: day)
        }
    }

    /// The last conducted audit a certification decision rests on: initial (or its stage 2)
    /// or recertification.
    private var decisiveAudit: Audit? {
        audits.filter { $0.kind.isDecisive && $0.wasConducted }
            .max { ($0.conductedOn ?? $0.scheduledOn) < ($1.conductedOn ?? $1.scheduledOn) }
    }

    /// Rule 14: the version an audit follows, refused when it names an unknown version or one
    /// whose replacement forbids audits after its cutoff.
    private func referentialVersion(_ requested: String?, for audit: AuditID, scheduledOn: Day) throws(TransitionError) -> String? {
        let version: String?
        if let requested {
            guard scheme.referentialVersion(requested) != nil else { throw .unknownReferential(requested, scheme: scheme.id) }
            version = requested
        } else {
            version = scheme.currentReferential(on: scheduledOn)?.id
        }
        if let version, let cutoff = scheme.successor(of: version)?.lastAuditUnderPreviousVersionOn, scheduledOn > cutoff {
            throw .referentialRetired(audit, version: version, cutoff: cutoff)
        }
        return version
    }

    private mutating func applyToCertification(_ event: Certification.Event, on day: Day) throws(TransitionError) {
        guard var certification else { throw .notEngaged(key, on: day) }
        try certification.apply(event)
        self.certification = certification
    }

    private mutating func applyToMembership(_ event: GroupMembership.Event, on day: Day) throws(TransitionError) {
        guard scheme.kind == .group else { throw .notAGroupScheme(scheme.id) }
        guard var membership else { throw .notACandidate(key, on: day) }
        try membership.apply(event)
        self.membership = membership
    }

    private mutating func plan(_ audit: Audit) throws(TransitionError) {
        guard self.audit(audit.id) == nil else { throw .duplicateAudit(audit.id) }
        if certification == nil, membership == nil { throw .notEngaged(key, on: audit.plannedOn) }
        if let certification {
            switch audit.kind {
            case .initial, .stage1, .stage2:
                try applyToCertification(.initialAuditPlanned(on: audit.plannedOn), on: audit.plannedOn)
            case .recertification:
                try applyToCertification(.recertificationAuditPlanned(on: audit.plannedOn), on: audit.plannedOn)
            case .surveillance:
                let state = certification.advance(to: audit.plannedOn).state
                guard state == .certified || state == .suspended else {
                    throw .surveillanceWithoutCertificate(audit.id, key, state: state, on: audit.plannedOn)
                }
            case .special, .crossAudit: break
            }
        } else if audit.kind.isInitial || audit.kind == .recertification {
            throw .auditKindNotApplicable(audit.id, kind: audit.kind, key)
        }
        audits.append(audit)
    }

    private mutating func updateAudit(_ id: AuditID, _ event: Audit.Event, on day: Day) throws(TransitionError) {
        guard let index = audits.firstIndex(where: { $0.id == id }) else { throw .unknownAudit(id, key, on: day) }
        try audits[index].apply(event)
    }

    /// Moves an audit, then the rest of the dossier by `then`; when `then` refuses, the audit is
    /// put back as it was, so the fact changes nothing.
    private mutating func updateAudit(
        _ id: AuditID, _ event: Audit.Event, on day: Day, then: (inout Dossier) throws(TransitionError) -> Void
    ) throws(TransitionError) {
        guard let index = audits.firstIndex(where: { $0.id == id }) else { throw .unknownAudit(id, key, on: day) }
        let before = audits[index]
        try audits[index].apply(event)
        do {
            try then(&self)
        } catch {
            audits[index] = before
            throw error
        }
    }

    private mutating func unplanIfLastPending(kindOf id: AuditID, on day: Day) throws(TransitionError) {
        guard let kind = audit(id)?.kind, let certification else { return }
        // Rule 23: the two stages and the one-step initial audit are one plan; the
        // certification is unplanned only when none of them is still pending.
        let stillPlanned = audits.contains { other in
            (other.kind == kind || other.kind.isInitial && kind.isInitial) && [.planned, .postponed, .confirmed].contains(other.state)
        }
        guard !stillPlanned else { return }
        let state = certification.advance(to: day).state
        if kind.isInitial, state == .initialAuditPlanned {
            try applyToCertification(.initialAuditUnplanned(on: day), on: day)
        } else if kind == .recertification, [.certified, .suspended, .expired].contains(state) {
            try applyToCertification(.recertificationAuditUnplanned(on: day), on: day)
        }
    }

    private mutating func recordConduct(of id: AuditID, on day: Day) throws(TransitionError) {
        guard let kind = audit(id)?.kind, certification != nil else { return }
        switch kind {
        case .initial, .stage2: try applyToCertification(.initialAuditConducted(on: day), on: day)
        case .surveillance: try applyToCertification(.surveillanceAuditConducted(on: day), on: day)
        case .recertification: try applyToCertification(.recertificationAuditConducted(on: day), on: day)
        // Rule 23: the readiness review leaves the certification waiting for its stage 2.
        case .stage1, .special, .crossAudit: break
        }
    }

    private mutating func raise(
        _ id: FindingID, audit auditID: AuditID, grade gradeID: GradeID, requirement: RequirementID,
        statement: String, on day: Day
    ) throws(TransitionError) {
        guard finding(id) == nil else { throw .duplicateFinding(id) }
        guard let grade = scheme.grading.grade(gradeID) else { throw .unknownGrade(gradeID, scheme: scheme.id) }
        try updateAudit(auditID, .findingRaised(on: day), on: day)
        let auditOn = audit(auditID)?.conductedOn ?? day
        findings.append(Finding(
            id: id, key: key, audit: auditID, grade: gradeID, requiresAction: grade.isNonconformity,
            requirement: requirement, statement: statement, raisedOn: day, auditOn: auditOn))
    }

    private mutating func updateFinding(_ id: FindingID, _ event: Finding.Event, on day: Day) throws(TransitionError) {
        guard let index = findings.firstIndex(where: { $0.id == id }) else { throw .unknownFinding(id, key, on: day) }
        try findings[index].apply(event)
    }
}
