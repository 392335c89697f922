import CedreCore
import Foundation

/// A refused move in the officer's words: what the thing is and since when, what cannot be
/// done that day, and the fact to record first, found in the machine's own table, with the
/// command that records it.
extension IllegalMove {
    /// One sentence: « l'audit A-2013-0001 est planifié, pas encore réalisé (depuis le
    /// 15/01/2013) : on ne peut pas y relever d'écart le 01/03/2013. Il faut d'abord
    /// enregistrer sa réalisation : cedre audit conduct A-2013-0001 --on JJ/MM/AAAA. »
    public func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let phrases = IllegalMovePhrases(machine: machine, words: words)
        let since = self.since.map { words.say(" (depuis le \(words.day($0)))", " (since \(words.day($0)))") } ?? ""
        let refused = words.say(
            "\(phrases.statement)\(since) : \(phrases.refused) le \(words.day(on)).",
            "\(phrases.statement)\(since), so \(phrases.refused) on \(words.day(on)).")
        guard let step = phrases.firstStep else {
            if phrases.stateAllowsEvent { return refused }
            return refused + (phrases.stateIsFinal
                ? words.say(" C'est un état définitif.", " That state is final.")
                : words.say(" Cette étape est déjà passée.", " That step is already past."))
        }
        return refused + words.say(" Il faut d'abord \(step.action) : \(step.command).", " First \(step.action): \(step.command).")
    }
}

/// The phrases of one refused move, per machine.
private struct IllegalMovePhrases {
    let machine: IllegalMove.Machine
    let words: Vocabulary

    /// What the subject is: « l'audit A-2013-0001 est planifié, pas encore réalisé ».
    var statement: String {
        switch machine {
        case .certification(let key, let state, _):
            words.say("\(key.member) est \(certification(state).fr) sous \(key.scheme)", "\(key.member) is \(certification(state).en) under \(key.scheme)")
        case .audit(let id, let state, _):
            words.say("l'audit \(id) \(audit(state).fr)", "audit \(id) \(audit(state).en)")
        case .finding(let id, let state, _):
            words.say("l'écart \(id) \(finding(state).fr)", "finding \(id) \(finding(state).en)")
        case .groupMembership(let key, let state, _):
            words.say("\(key.member) \(membership(state, key.scheme).fr)", "\(key.member) \(membership(state, key.scheme).en)")
        case .campaign(let scheme, let year, let state, _):
            words.say("la campagne \(scheme) \(year) \(campaign(state).fr)", "the \(scheme) \(year) campaign \(campaign(state).en)")
        }
    }

    /// What cannot be done: « on ne peut pas y relever d'écart ».
    var refused: String {
        let phrase: (fr: String, en: String)
        switch machine {
        case .certification(_, _, let event): phrase = certificationRefused(event)
        case .audit(_, _, let event): phrase = auditRefused(event)
        case .finding(_, _, let event): phrase = findingRefused(event)
        case .groupMembership(_, _, let event): phrase = membershipRefused(event)
        case .campaign(_, _, _, let event): phrase = campaignRefused(event)
        }
        return words.say(phrase.fr, phrase.en)
    }

    /// The first fact of the shortest way to a state that allows the event, and its command.
    var firstStep: (action: String, command: String)? {
        let step: (fr: String, en: String, command: String)?
        switch machine {
        case .certification(let key, let state, let event):
            step = Certification.transitions.firstStep(from: state, toward: event).flatMap { certificationStep($0, key) }
        case .audit(let id, let state, let event):
            step = Audit.transitions.firstStep(from: state, toward: event).map { auditStep($0, id) }
        case .finding(let id, let state, let event):
            step = Finding.transitions.firstStep(from: state, toward: event).map { findingStep($0, id) }
        case .groupMembership(let key, let state, let event):
            step = GroupMembership.transitions.firstStep(from: state, toward: event).map { membershipStep($0, key) }
        case .campaign(let scheme, let year, let state, let event):
            step = Campaign.transitions.firstStep(from: state, toward: event).map { campaignStep($0, scheme, year) }
        }
        return step.map { (words.say($0.fr, $0.en), $0.command) }
    }

    /// Whether the table allows the event in the state (a refusal then comes from a condition
    /// beyond the table, and no fact needs recording first).
    var stateAllowsEvent: Bool {
        switch machine {
        case .certification(_, let state, let event): Certification.transitions.states(allowing: event).contains(state)
        case .audit(_, let state, let event): Audit.transitions.states(allowing: event).contains(state)
        case .finding(_, let state, let event): Finding.transitions.states(allowing: event).contains(state)
        case .groupMembership(_, let state, let event): GroupMembership.transitions.states(allowing: event).contains(state)
        case .campaign(_, _, let state, let event): Campaign.transitions.states(allowing: event).contains(state)
        }
    }

    /// Whether no fact leads out of the state (a closed or cancelled audit, a closed finding).
    var stateIsFinal: Bool {
        switch machine {
        case .certification(_, let state, _): !Certification.transitions.rules.contains { $0.from == state && $0.cause == .fact }
        case .audit(_, let state, _): !Audit.transitions.rules.contains { $0.from == state && $0.cause == .fact }
        case .finding(_, let state, _): !Finding.transitions.rules.contains { $0.from == state && $0.cause == .fact }
        case .groupMembership(_, let state, _): !GroupMembership.transitions.rules.contains { $0.from == state && $0.cause == .fact }
        case .campaign(_, _, let state, _): !Campaign.transitions.rules.contains { $0.from == state && $0.cause == .fact }
        }
    }

    private var on: String { "--on \(words.dayPlaceholder)" }

    private func certification(_ state: Certification.State) -> (fr: String, en: String) {
        switch state {
        case .engaged: ("engagé dans la démarche", "engaged in the approach")
        case .initialAuditPlanned: ("engagé, son audit initial planifié", "engaged, its initial audit planned")
        case .audited: ("audité, en attente de la décision", "audited, awaiting the decision")
        case .certified: ("certifié", "certified")
        case .suspended: ("suspendu", "suspended")
        case .expired: ("expiré (pas de renouvellement décidé à l'échéance)", "expired (no renewal decided by the expiry)")
        case .lapsed: ("échu (délai de rétablissement passé)", "lapsed (restore window closed)")
        case .withdrawn: ("retiré", "withdrawn")
        }
    }

    private func audit(_ state: Audit.State) -> (fr: String, en: String) {
        switch state {
        case .planned: ("est planifié, pas encore réalisé", "is planned, not yet conducted")
        case .postponed: ("est reporté, pas encore réalisé", "is postponed, not yet conducted")
        case .confirmed: ("est confirmé, pas encore réalisé", "is confirmed, not yet conducted")
        case .conducted: ("est réalisé, son rapport pas encore remis", "is conducted, its report not yet issued")
        case .reported: ("a son rapport remis, pas encore clos", "has its report issued, not yet closed")
        case .closed: ("est clos", "is closed")
        case .cancelled: ("est annulé", "is cancelled")
        }
    }

    private func finding(_ state: Finding.State) -> (fr: String, en: String) {
        switch state {
        case .open: ("est ouvert, sans plan d'action", "is open, with no action plan")
        case .planProposed: ("a un plan d'action proposé, pas encore accepté", "has an action plan proposed, not yet accepted")
        case .planAccepted: ("a un plan d'action accepté, pas encore mis en œuvre", "has an accepted action plan, not yet implemented")
        case .implemented:
            ("a son plan d'action mis en œuvre, efficacité pas encore vérifiée", "has its action plan implemented, effectiveness not yet verified")
        case .verifiedEffective: ("est clos : son action a été vérifiée efficace", "is closed: its action was verified effective")
        case .ineffective: ("a une action jugée inefficace : un nouveau plan est attendu", "has an action found ineffective: a new plan is expected")
        case .noted: ("est noté : une observation n'appelle pas d'action", "is noted: an observation calls for no action")
        }
    }

    private func membership(_ state: GroupMembership.State, _ scheme: SchemeID) -> (fr: String, en: String) {
        switch state {
        case .candidate: ("est candidat au groupe \(scheme)", "is a candidate to the \(scheme) group")
        case .member: ("est membre du groupe \(scheme)", "is a member of the \(scheme) group")
        case .suspended: ("est suspendu du groupe \(scheme)", "is suspended from the \(scheme) group")
        case .excluded: ("est exclu du groupe \(scheme)", "is excluded from the \(scheme) group")
        }
    }

    private func campaign(_ state: Campaign.State) -> (fr: String, en: String) {
        switch state {
        case .draft: ("n'est pas encore planifiée", "is not planned yet")
        case .planned: ("est planifiée, pas encore publiée", "is planned, not yet published")
        case .published: ("est publiée", "is published")
        case .completed: ("est terminée", "is completed")
        }
    }

    private func certificationRefused(_ event: Certification.EventKind) -> (fr: String, en: String) {
        switch event {
        case .engaged: ("on ne peut pas l'engager à nouveau", "it cannot be engaged again")
        case .initialAuditPlanned: ("on ne peut pas planifier d'audit initial", "no initial audit can be planned")
        case .initialAuditUnplanned: ("on ne peut pas annuler d'audit initial", "no initial audit can be called off")
        case .initialAuditConducted: ("on ne peut pas réaliser d'audit initial", "no initial audit can be conducted")
        case .surveillanceAuditConducted: ("on ne peut pas réaliser d'audit de surveillance", "no surveillance audit can be conducted")
        case .recertificationAuditPlanned: ("on ne peut pas planifier d'audit de renouvellement", "no recertification audit can be planned")
        case .recertificationAuditUnplanned: ("on ne peut pas annuler d'audit de renouvellement", "no recertification audit can be called off")
        case .recertificationAuditConducted: ("on ne peut pas réaliser d'audit de renouvellement", "no recertification audit can be conducted")
        case .decided: ("on ne peut pas décider sa certification", "no certification decision can be taken")
        case .maintained: ("on ne peut pas maintenir son certificat", "its certificate cannot be maintained")
        case .suspended: ("on ne peut pas suspendre son certificat", "its certificate cannot be suspended")
        case .restored: ("on ne peut pas lever de suspension", "no suspension can be lifted")
        case .withdrawn: ("on ne peut pas retirer sa certification", "its certification cannot be withdrawn")
        case .certificateExpired, .restoreWindowClosed, .suspensionMaximumReached:
            ("le calendrier ne peut pas le faire changer d'état", "the calendar cannot move it")
        }
    }

    private func certificationStep(_ event: Certification.EventKind, _ key: CertificationKey) -> (fr: String, en: String, command: String)? {
        let target = "\(key.member) --scheme \(key.scheme)"
        switch event {
        case .engaged: return ("engager à nouveau la démarche", "engage it again", "cedre cert engage \(target) \(on)")
        case .initialAuditPlanned:
            return ("planifier l'audit initial", "plan the initial audit", "cedre audit plan \(target) --kind initial \(on)")
        case .initialAuditUnplanned, .recertificationAuditUnplanned:
            return ("annuler l'audit prévu", "cancel the planned audit", "cedre audit cancel <audit> --reason … \(on)")
        case .initialAuditConducted:
            return ("réaliser l'audit initial", "conduct the initial audit", "cedre audit conduct <audit> \(on)")
        case .surveillanceAuditConducted:
            return ("réaliser un audit de surveillance", "conduct a surveillance audit", "cedre audit conduct <audit> \(on)")
        case .recertificationAuditPlanned:
            return ("planifier un audit de renouvellement", "plan a recertification audit",
                    "cedre audit plan \(target) --kind recertification \(on)")
        case .recertificationAuditConducted:
            return ("réaliser l'audit de renouvellement", "conduct the recertification audit", "cedre audit conduct <audit> \(on)")
        case .decided: return ("décider la certification", "decide the certification", "cedre cert decide \(target) \(on)")
        case .maintained: return ("maintenir le certificat", "maintain the certificate", "cedre cert maintain \(target) \(on)")
        case .suspended:
            return ("suspendre le certificat", "suspend the certificate", "cedre cert suspend \(target) --reason … \(on)")
        case .restored: return ("lever la suspension", "lift the suspension", "cedre cert restore \(target) \(on)")
        case .withdrawn: return ("retirer la certification", "withdraw the certification", "cedre cert withdraw \(target) \(on)")
        case .certificateExpired, .restoreWindowClosed, .suspensionMaximumReached: return nil
        }
    }

    private func auditRefused(_ event: Audit.EventKind) -> (fr: String, en: String) {
        switch event {
        case .confirmed: ("on ne peut pas le confirmer", "it cannot be confirmed")
        case .postponed: ("on ne peut pas le reporter", "it cannot be postponed")
        case .cancelled: ("on ne peut pas l'annuler", "it cannot be cancelled")
        case .conducted: ("on ne peut pas enregistrer sa réalisation", "it cannot be recorded as conducted")
        case .findingRaised: ("on ne peut pas y relever d'écart", "no finding can be raised at it")
        case .reported: ("on ne peut pas enregistrer son rapport", "its report cannot be recorded")
        case .closed: ("on ne peut pas le clore", "it cannot be closed")
        }
    }

    private func auditStep(_ event: Audit.EventKind, _ id: AuditID) -> (fr: String, en: String, command: String) {
        switch event {
        case .confirmed: ("le confirmer", "confirm it", "cedre audit confirm \(id) \(on)")
        case .postponed: ("le reporter", "postpone it", "cedre audit postpone \(id) --to \(words.dayPlaceholder) --reason …")
        case .cancelled: ("l'annuler", "cancel it", "cedre audit cancel \(id) --reason … \(on)")
        case .conducted: ("enregistrer sa réalisation", "record it as conducted", "cedre audit conduct \(id) \(on)")
        case .findingRaised: ("y relever l'écart", "raise the finding", "cedre finding open \(id) --grade … --requirement … \(on)")
        case .reported: ("enregistrer son rapport", "record its report", "cedre audit report \(id) \(on)")
        case .closed: ("le clore", "close it", "cedre audit close \(id) \(on)")
        }
    }

    private func findingRefused(_ event: Finding.EventKind) -> (fr: String, en: String) {
        switch event {
        case .corrected: ("on ne peut pas y enregistrer de correction immédiate", "no immediate correction can be recorded")
        case .planProposed: ("on ne peut pas proposer de plan d'action", "no action plan can be proposed")
        case .planAccepted: ("on ne peut pas accepter de plan d'action", "no action plan can be accepted")
        case .implemented: ("on ne peut pas enregistrer de mise en œuvre", "no implementation can be recorded")
        case .verifiedEffective, .verifiedIneffective: ("on ne peut pas vérifier son efficacité", "its effectiveness cannot be verified")
        case .regraded: ("on ne peut pas revoir sa gravité", "it cannot be regraded")
        }
    }

    private func findingStep(_ event: Finding.EventKind, _ id: FindingID) -> (fr: String, en: String, command: String) {
        switch event {
        case .corrected: ("enregistrer la correction", "record the correction", "cedre finding correct \(id) --statement … \(on)")
        case .planProposed: ("proposer un plan d'action", "propose an action plan", "cedre finding propose \(id) --plan … \(on)")
        case .planAccepted: ("accepter le plan d'action", "accept the action plan", "cedre finding accept \(id) \(on)")
        case .implemented: ("enregistrer sa mise en œuvre", "record its implementation", "cedre finding implement \(id) \(on)")
        case .verifiedEffective: ("vérifier son efficacité", "verify its effectiveness", "cedre finding verify \(id) --effective \(on)")
        case .verifiedIneffective: ("constater son inefficacité", "record it ineffective", "cedre finding verify \(id) --ineffective \(on)")
        case .regraded: ("revoir sa gravité", "regrade it", "cedre finding regrade \(id) --grade … --reason … \(on)")
        }
    }

    private func membershipRefused(_ event: GroupMembership.EventKind) -> (fr: String, en: String) {
        switch event {
        case .applied: ("on ne peut pas enregistrer de nouvelle candidature", "no new application can be recorded")
        case .joined: ("il ne peut pas entrer dans le groupe", "it cannot join the group")
        case .suspended: ("on ne peut pas le suspendre du groupe", "it cannot be suspended from the group")
        case .reinstated: ("on ne peut pas le réintégrer", "it cannot be reinstated")
        case .excluded: ("on ne peut pas l'exclure du groupe", "it cannot be excluded from the group")
        }
    }

    private func membershipStep(_ event: GroupMembership.EventKind, _ key: CertificationKey) -> (fr: String, en: String, command: String) {
        let target = "\(key.member) --scheme \(key.scheme)"
        switch event {
        case .applied: return ("enregistrer sa candidature", "record its application", "cedre group apply \(target) \(on)")
        case .joined: return ("enregistrer son entrée dans le groupe", "record it joining", "cedre group join \(target) \(on)")
        case .suspended: return ("le suspendre du groupe", "suspend it", "cedre group suspend \(target) --reason … \(on)")
        case .reinstated: return ("le réintégrer", "reinstate it", "cedre group reinstate \(target) \(on)")
        case .excluded: return ("l'exclure du groupe", "exclude it", "cedre group exclude \(target) --reason … \(on)")
        }
    }

    private func campaignRefused(_ event: Campaign.EventKind) -> (fr: String, en: String) {
        switch event {
        case .planned: ("on ne peut pas la planifier à nouveau", "it cannot be planned again")
        case .swapped: ("on ne peut pas y changer d'auditeur", "no assignment can be swapped")
        case .published: ("on ne peut pas la publier", "it cannot be published")
        case .completed: ("on ne peut pas la terminer", "it cannot be completed")
        }
    }

    private func campaignStep(_ event: Campaign.EventKind, _ scheme: SchemeID, _ year: Int) -> (fr: String, en: String, command: String) {
        let target = "--scheme \(scheme) --year \(year)"
        switch event {
        case .planned: return ("la planifier", "plan it", "cedre campaign plan \(target)")
        case .swapped: return ("changer l'auditeur", "swap the assignment", "cedre campaign swap \(target) --member … --auditor …")
        case .published: return ("la publier", "publish it", "cedre campaign publish \(target)")
        case .completed: return ("la terminer", "complete it", "cedre campaign complete \(target)")
        }
    }
}
