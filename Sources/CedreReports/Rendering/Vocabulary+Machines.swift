import CedreCore
import Foundation

/// The words of the machines, facts and rules in each language: states, events, fact kinds,
/// reasons and flags, as lists, shows, the log and messages print them.
extension Vocabulary {
    /// The French or the English text; French gets its typography: a no-break space before
    /// `:`, a narrow one before `;`, `?` and `!`, and inside « ».
    public func say(_ french: String, _ english: String) -> String {
        language == .fr ? Vocabulary.frenchTypography(french) : english
    }

    /// `text` with French typography's spaces: a space before `:` or `»`, or after `«`, made
    /// no-break; one before `;`, `?` or `!`, narrow and no-break. One pass over the scalars
    /// (six Foundation replacements took 3 % of a cold `cert show`).
    static func frenchTypography(_ text: String) -> String {
        guard text.utf8.contains(0x20) else { return text }
        var scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == " " {
            switch index + 1 < scalars.count ? scalars[index + 1] : nil {
            case ":", "»": scalars[index] = "\u{00A0}"
            case ";", "?", "!": scalars[index] = "\u{202F}"
            default: if index > 0, scalars[index - 1] == "«" { scalars[index] = "\u{00A0}" }
            }
        }
        var typeset = String.UnicodeScalarView()
        typeset.append(contentsOf: scalars)
        return String(typeset)
    }

    /// `text` as it reads inside a sentence: its first letter in lower case, unless the word is
    /// an acronym (« Non-conformité majeure » → « non-conformité majeure », "NCmaj" unchanged).
    public func inSentence(_ text: String) -> String {
        guard let first = text.first, let second = text.dropFirst().first, second.isLowercase else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "a" or "an" before an English noun phrase; French callers write their own article.
    public func englishArticle(_ text: String) -> String {
        guard let first = text.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// A day in tables, lists and messages: « 01/03/2013 » or "2013-03-01".
    public func day(_ day: Day) -> String {
        shortDate(day)
    }

    /// How a day is written in a command to type: `JJ/MM/AAAA` or `YYYY-MM-DD`.
    public var dayPlaceholder: String {
        language == .fr ? "JJ/MM/AAAA" : "YYYY-MM-DD"
    }

    /// « 1 adhérent », « 2 adhérents », "0 members": a count and its noun, singular or plural
    /// by each language's rule (French keeps 0 and 1 singular).
    public func counted(_ count: Int, _ french: (singular: String, plural: String), _ english: (singular: String, plural: String)) -> String {
        let singular = language == .fr ? count <= 1 : count == 1
        let words = language == .fr ? french : english
        return "\(number(count)) \(singular ? words.singular : words.plural)"
    }

    /// Items joined as a sentence lists them: « a, b et c », "a, b and c".
    public func list(_ items: [String], conjunction: (fr: String, en: String) = ("et", "and")) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(language == .fr ? conjunction.fr : conjunction.en) " + last
    }

    /// A standing by its raw value (as JSON writes it), or the raw value when it is none.
    public func standing(raw: String) -> String {
        Standing(rawValue: raw).map(standing) ?? raw
    }

    /// A certification's state, as a table cell: « audit initial planifié ».
    public func certificationState(_ state: Certification.State) -> String {
        standing(Standing(rawValue: state.rawValue) ?? .engaged)
    }

    /// A site's state in its group: « membre du groupe ».
    public func membershipState(_ state: GroupMembership.State) -> String {
        switch state {
        case .candidate: say("candidat", "candidate")
        case .member: say("membre du groupe", "group member")
        case .suspended: say("suspendu du groupe", "suspended from the group")
        case .excluded: say("exclu du groupe", "excluded")
        }
    }

    /// A campaign's state: « planifiée ».
    public func campaignState(_ state: Campaign.State) -> String {
        switch state {
        case .draft: say("en préparation", "draft")
        case .planned: say("planifiée", "planned")
        case .published: say("publiée", "published")
        case .completed: say("terminée", "completed")
        }
    }

    /// A move of a certification's history: « audit initial réalisé ».
    public func certificationEvent(_ event: Certification.EventKind) -> String {
        switch event {
        case .engaged: say("engagement dans la démarche", "engaged")
        case .initialAuditPlanned: say("audit initial planifié", "initial audit planned")
        case .initialAuditUnplanned: say("audit initial annulé", "initial audit called off")
        case .initialAuditConducted: say("audit initial réalisé", "initial audit conducted")
        case .surveillanceAuditConducted: say("audit de surveillance réalisé", "surveillance audit conducted")
        case .recertificationAuditPlanned: say("audit de renouvellement planifié", "recertification audit planned")
        case .recertificationAuditUnplanned: say("audit de renouvellement annulé", "recertification audit called off")
        case .recertificationAuditConducted: say("audit de renouvellement réalisé", "recertification audit conducted")
        case .decided: say("décision de certification", "certification decided")
        case .maintained: say("certificat maintenu", "certificate maintained")
        case .suspended: say("suspension", "suspended")
        case .restored: say("suspension levée", "restored")
        case .withdrawn: say("retrait", "withdrawn")
        case .certificateExpired: say("certificat expiré", "certificate expired")
        case .restoreWindowClosed: say("délai de rétablissement écoulé", "restore window closed")
        case .suspensionMaximumReached: say("durée maximale de suspension atteinte", "maximum suspension reached")
        }
    }

    /// A move of an audit's history: « réalisé ».
    public func auditEvent(_ event: Audit.EventKind) -> String {
        switch event {
        case .confirmed: say("confirmé", "confirmed")
        case .postponed: say("reporté", "postponed")
        case .cancelled: say("annulé", "cancelled")
        case .conducted: say("réalisé", "conducted")
        case .findingRaised: say("écart relevé", "finding raised")
        case .reported: say("rapport remis", "report issued")
        case .closed: say("clos", "closed")
        }
    }

    /// A move of a finding's history: « plan d'action accepté ».
    public func findingEvent(_ event: Finding.EventKind) -> String {
        switch event {
        case .corrected: say("correction immédiate", "immediate correction")
        case .planProposed: say("plan d'action proposé", "action plan proposed")
        case .planAccepted: say("plan d'action accepté", "action plan accepted")
        case .implemented: say("plan d'action mis en œuvre", "action plan implemented")
        case .verifiedEffective: say("efficacité vérifiée", "verified effective")
        case .verifiedIneffective: say("action jugée inefficace", "verified ineffective")
        case .regraded: say("gravité revue", "regraded")
        }
    }

    /// A move of a site's membership in its group: « entrée dans le groupe ».
    public func membershipEvent(_ event: GroupMembership.EventKind) -> String {
        switch event {
        case .applied: say("candidature", "applied")
        case .joined: say("entrée dans le groupe", "joined")
        case .suspended: say("suspension du groupe", "suspended")
        case .reinstated: say("réintégration", "reinstated")
        case .excluded: say("exclusion du groupe", "excluded")
        }
    }

    /// A move of a campaign: « publiée ».
    public func campaignEvent(_ event: Campaign.EventKind) -> String {
        switch event {
        case .planned: say("planifiée", "planned")
        case .swapped: say("auditeur changé", "assignment swapped")
        case .published: say("publiée", "published")
        case .completed: say("terminée", "completed")
        }
    }

    /// The kind of a logged fact, as `cedre log` prints it: « audit réalisé ».
    public func factKind(_ kind: Fact.Kind) -> String {
        switch kind {
        case .memberAdded: say("adhérent ajouté", "member added")
        case .memberLeft: say("adhérent parti", "member left")
        case .memberAmended: say("adhérent modifié", "member amended")
        case .certificationEngaged: say("engagement", "certification engaged")
        case .certificationDecided: say("décision de certification", "certification decided")
        case .certificationMaintained: say("certificat maintenu", "certificate maintained")
        case .certificationSuspended: say("certificat suspendu", "certificate suspended")
        case .certificationRestored: say("suspension levée", "certificate restored")
        case .certificationWithdrawn: say("certification retirée", "certification withdrawn")
        case .auditPlanned: say("audit planifié", "audit planned")
        case .auditConfirmed: say("audit confirmé", "audit confirmed")
        case .auditPostponed: say("audit reporté", "audit postponed")
        case .auditCancelled: say("audit annulé", "audit cancelled")
        case .auditConducted: say("audit réalisé", "audit conducted")
        case .auditReported: say("rapport d'audit remis", "audit report issued")
        case .auditClosed: say("audit clos", "audit closed")
        case .findingRaised: say("écart relevé", "finding raised")
        case .findingCorrected: say("correction immédiate", "immediate correction")
        case .findingPlanProposed: say("plan d'action proposé", "action plan proposed")
        case .findingPlanAccepted: say("plan d'action accepté", "action plan accepted")
        case .findingImplemented: say("plan d'action mis en œuvre", "action plan implemented")
        case .findingVerified: say("efficacité vérifiée", "effectiveness verified")
        case .findingRegraded: say("gravité revue", "finding regraded")
        case .findingAnswered: say("réponse à une enquête", "investigation answered")
        case .membershipApplied: say("candidature au groupe", "group application")
        case .membershipJoined: say("entrée dans le groupe", "joined the group")
        case .membershipSuspended: say("suspension du groupe", "suspended from the group")
        case .membershipReinstated: say("réintégration dans le groupe", "reinstated in the group")
        case .membershipExcluded: say("exclusion du groupe", "excluded from the group")
        case .sampleDrawn: say("échantillon tiré", "sample drawn")
        case .membersLinked: say("lien déclaré", "link declared")
        case .auditorAdded: say("auditeur ajouté", "auditor added")
        case .auditorQualified: say("auditeur qualifié", "auditor qualified")
        case .campaignPlanned: say("campagne planifiée", "campaign planned")
        case .campaignSwapped: say("auditeur changé", "campaign swap")
        case .campaignPublished: say("campagne publiée", "campaign published")
        case .campaignCompleted: say("campagne terminée", "campaign completed")
        case .eventCorrected: say("correction", "correction")
        case .eventVoided: say("annulation", "void")
        case .schemeAdded: say("référentiel ajouté", "scheme added")
        }
    }

    /// A logged kind by its raw value, or the raw value when no fact has it.
    public func factKind(raw: String) -> String {
        Fact.Kind(rawValue: raw).map(factKind) ?? raw
    }

    /// Why a certificate was suspended: « à la demande de l'adhérent ».
    public func suspensionReason(_ reason: SuspensionReason) -> String {
        subject(reason.rawValue)
    }

    /// Why a certification was withdrawn: « l'adhérent a quitté la fédération ».
    public func withdrawalReason(_ reason: WithdrawalReason) -> String {
        switch reason {
        case .memberLeft: say("l'adhérent a quitté la fédération", "the member left the federation")
        case .memberRequest: say("à la demande de l'adhérent", "at the member's request")
        case .suspensionMaximumReached: say("suspension au-delà de sa durée maximale", "suspension past its maximum")
        case .certificationBodyDecision: say("décision de l'organisme certificateur", "certification body's decision")
        case .other: say("autre motif", "other reason")
        }
    }

    /// What a decision was: « certification initiale », « renouvellement ».
    public func decisionKind(_ kind: Certification.Decision.Kind) -> String {
        switch kind {
        case .initial: say("certification initiale", "initial certification")
        case .renewal: say("renouvellement", "renewal")
        case .restoration: say("rétablissement après expiration", "restoration after expiry")
        }
    }

    /// A grade as the scheme names it (« Non-conformité majeure »), or its id when the scheme
    /// does not know it.
    public func grade(_ grade: GradeID, in scheme: Scheme?) -> String {
        if let label = scheme?.grading.grade(grade)?.label { return language == .fr ? label.fr : label.en }
        switch grade.rawValue {
        case "major": return say("Non-conformité majeure", "Major nonconformity")
        case "minor": return say("Non-conformité mineure", "Minor nonconformity")
        case "observation": return say("Observation", "Observation")
        case "opportunity": return say("Piste de progrès", "Opportunity for improvement")
        default: return grade.rawValue
        }
    }

    /// A flag of `cert show`, by its kebab-case id: « audit de surveillance en retard ».
    public func flag(_ id: String) -> String {
        id == "blocked-by-findings" ? say("décision bloquée par des écarts", "decision blocked by findings") : subject(id)
    }

    /// Why rule 7 or rule 8 escalated a finding: « encore ouvert à l'audit A-2014-0002 du 12/03/2014 (règle 7) ».
    public func escalationReason(_ escalation: FindingStatus.Escalation) -> String {
        switch escalation.cause {
        case .stillOpenAtNextAudit:
            say("encore ouvert à l'audit \(escalation.audit) du \(day(escalation.on)) (règle 7)",
                "still open at audit \(escalation.audit) on \(day(escalation.on)) (rule 7)")
        case .foundAtGroupSites(let sites, let audited):
            say("relevé sur la même exigence dans \(sites) des \(audited) sites audités de la tournée (règle 8)",
                "found on the same requirement at \(sites) of the \(audited) sites audited in the round (rule 8)")
        }
    }

    /// A scheme's kind: « un seul site », « groupe multi-sites ».
    public func schemeKind(_ kind: Scheme.Kind) -> String {
        switch kind {
        case .single: say("un seul site", "single site")
        case .group: say("groupe multi-sites", "multi-site group")
        }
    }

    /// What a site still needs before it joins its group (rule 13).
    public func joinRequirement(_ requirement: JoinRequirement) -> String {
        switch requirement {
        case .application: say("une candidature", "an application")
        case .crossAudit: say("un audit croisé réalisé", "a conducted cross-audit")
        case .externalAudit: say("un audit externe réalisé", "a conducted external audit")
        }
    }
}
