import CedreCore
import Foundation

/// Why a campaign plan, a swap or an auditor named on an audit was refused, in the officer's
/// words and language.
extension CampaignError {
    /// One sentence that says what was refused and what to do instead.
    public func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .invalidPolicySwitch(let item, nil):
            let names = ImpartialityPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            return words.say(
                "--policy \(item) : il faut NOM=on|off (ou capacity=N), NOM parmi \(names).",
                "--policy \(item): expected NAME=on|off (or capacity=N) with NAME one of \(names).")
        case .invalidPolicySwitch(let item, let policy?):
            return policy == .capacity
                ? words.say("--policy \(item) : la valeur est on, off ou une capacité de 1 ou plus.", "--policy \(item): the value must be on, off or a capacity of 1 or more.")
                : words.say("--policy \(item) : la valeur est on ou off.", "--policy \(item): the value must be on or off.")
        case .invalidProblem(let error):
            return error.message(language)
        case .noCampaign(let scheme, let year):
            return words.say(
                "aucune campagne \(scheme) n'est planifiée pour \(year) ; planifiez-la d'abord (cedre campaign plan --scheme \(scheme) --year \(year)).",
                "no \(scheme) campaign was planned for \(year); plan it first (cedre campaign plan --scheme \(scheme) --year \(year)).")
        case .notPlanned(let campaign, let state):
            return words.say(
                "la campagne \(campaign) est \(words.campaignState(state)) : ses audits croisés ne peuvent plus être planifiés ni changés.",
                "campaign \(campaign) is \(words.campaignState(state)): its cross-audits can no longer be planned or swapped.")
        case .memberNotInCampaign(let member, let campaign, .notAMember):
            return words.say(
                "\(member) n'est pas adhérent de la fédération : la campagne \(campaign) ne peut pas l'auditer ; vérifiez l'identifiant (cedre member list).",
                "\(member) is not a member of the federation, so campaign \(campaign) cannot cross-audit it; check the id (cedre member list).")
        case .memberNotInCampaign(let member, let campaign, .notUnderScheme(let day)):
            return words.say(
                "\(member) n'est ni engagé ni certifié sous le référentiel de la campagne \(campaign) le \(words.day(day)) : la campagne ne l'audite pas, et aucune dérogation n'y change rien.",
                "\(member) is not engaged or certified under the scheme of campaign \(campaign) on \(words.day(day)), so the campaign does not cross-audit it; no override changes that.")
        case .unknownAuditor(let text, let suggestion?):
            return words.say(
                "aucun auditeur « \(text) » : vouliez-vous dire \(suggestion) ? (cedre auditor list)",
                "no auditor '\(text)': did you mean \(suggestion)? (cedre auditor list)")
        case .unknownAuditor(let text, nil):
            return words.say(
                "aucun auditeur « \(text) » ; désignez un auditeur croisé par son identifiant (cedre auditor list), ou ajoutez-le (cedre auditor add).",
                "no auditor '\(text)'; name a cross-auditor by its id (cedre auditor list), or add it (cedre auditor add).")
        case .auditorNotInScheme(let auditor, let scheme):
            return words.say(
                "l'auditeur \(auditor) n'a jamais été formé pour \(scheme) : il ne peut pas auditer dans ses campagnes ; enregistrez d'abord sa formation (cedre auditor qualify \(auditor) --scheme \(scheme) --trained-on \(words.dayPlaceholder)).",
                "auditor \(auditor) was never trained for \(scheme), so it cannot cross-audit in its campaigns; record its training first (cedre auditor qualify \(auditor) --scheme \(scheme) --trained-on \(words.dayPlaceholder)).")
        case .swapNeedsDay(let member, let campaign):
            return words.say(
                "\(member) n'a pas encore d'audit croisé dans la campagne \(campaign) ; donnez son jour (--day).",
                "\(member) has no cross-audit in campaign \(campaign) yet; give its --day.")
        case .swapBreaksPolicies(let member, let auditor, let day, let broken, let dayOff):
            let names = words.list(broken.map { constraint in
                guard constraint == .workingDay, let dayOff else { return words.constraint(constraint) }
                return words.say("\(words.constraint(constraint)) (le \(words.day(day)) : \(words.dayOff(dayOff)))",
                                 "\(words.constraint(constraint)) (\(words.day(day)) is \(words.dayOff(dayOff)))")
            })
            return words.say(
                "\(auditor) ne peut pas auditer \(member) le \(words.day(day)) : cela enfreint \(names) ; ne le gardez qu'avec --override --reason.",
                "\(auditor) cannot cross-audit \(member) on \(words.day(day)): it breaks \(names); keep it only with --override --reason.")
        }
    }
}

/// Why a cross-audit problem cannot be planned, in the officer's words and language.
extension CrossAuditProblemError {
    /// One sentence saying what is wrong and how to fix it.
    public func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .duplicateMember(let member):
            return words.say("l'adhérent \(member) figure deux fois ; ne listez chaque adhérent qu'une fois.", "member \(member) appears twice; list each member once.")
        case .duplicateAuditor(let auditor):
            return words.say("l'auditeur \(auditor) figure deux fois ; ne listez chaque auditeur qu'une fois.", "auditor \(auditor) appears twice; list each auditor once.")
        case .unknownDepartement(let code, let member):
            return words.say(
                "l'adhérent \(member) est dans le département « \(code) », absent du répertoire ; utilisez un code officiel.",
                "member \(member) is in département '\(code)', which is not in the directory; use an official code.")
        case .unknownAuditorCompany(let auditor, let member):
            return words.say(
                "l'auditeur \(auditor) travaille pour \(member), qui n'est pas adhérent ; ajoutez d'abord cette entreprise aux adhérents.",
                "auditor \(auditor) works for \(member), which is not a member; add the company to the members first.")
        case .capacityBelowOne(let capacity):
            return words.say(
                "une capacité de \(capacity) audit par auditeur n'en permet aucun ; donnez 1 ou plus.",
                "a capacity of \(capacity) audits per auditor allows no audit; use 1 or more.")
        }
    }
}

/// The words of cross-audit planning: constraints, days off and the causes a plan states once.
extension Vocabulary {
    /// What keeps an auditor from a member, with the policy's name and its rule:
    /// « même GES (same-group, règle 15) ».
    public func constraint(_ constraint: CrossAuditConstraint) -> String {
        let words: (fr: String, en: String)
        let rule: Int
        switch constraint {
        case .ownCompany: (words, rule) = (("sa propre entreprise", "own company"), 15)
        case .sameGroup: (words, rule) = (("même GES", "same GES"), 15)
        case .declaredLink: (words, rule) = (("lien déclaré", "declared link"), 15)
        case .qualification: (words, rule) = (("qualification non valide", "qualification not valid"), 16)
        case .rotation: (words, rule) = (("même entreprise auditrice que la campagne précédente", "same auditing company as the previous campaign"), 17)
        case .reciprocal: (words, rule) = (("audit réciproque", "reciprocal audit"), 18)
        case .capacity: (words, rule) = (("capacité atteinte", "capacity reached"), 19)
        case .workingDay: (words, rule) = (("jour non ouvré", "not a working day"), 20)
        case .calendar: (words, rule) = (("aucun jour libre avant l'audit externe", "no free day before the external audit"), 13)
        }
        return say("\(words.fr) (\(constraint.rawValue), règle \(rule))", "\(words.en) (\(constraint.rawValue), rule \(rule))")
    }

    /// Why a day is not a working day: « un samedi », « Lundi de Pâques, jour férié ».
    public func dayOff(_ dayOff: HolidayCalendar.DayOff) -> String {
        switch dayOff {
        case .saturday: say("un samedi", "a Saturday")
        case .sunday: say("un dimanche", "a Sunday")
        case .holiday(let name): say("\(name), jour férié", "\(name), a public holiday")
        }
    }

    /// The cause every member a plan leaves out shares, said once.
    public func sharedCause(_ cause: CrossAuditPlan.SharedCause, scheme: SchemeID, year: Int) -> String {
        switch cause {
        case .noAuditor:
            say("aucun auditeur croisé n'est formé pour \(scheme) ; ajoutez-en (cedre auditor add … --scheme \(scheme) --trained-on \(dayPlaceholder)), puis planifiez à nouveau.",
                "no cross-auditor is trained for \(scheme); add some (cedre auditor add … --scheme \(scheme) --trained-on \(dayPlaceholder)), then plan again.")
        case .noQualifiedAuditor:
            say("aucun auditeur n'a de qualification \(scheme) valide en \(year) (règle 16) ; enregistrez leurs formations (cedre auditor qualify), ou planifiez avec --policy qualification=off.",
                "no auditor holds a valid \(scheme) qualification in \(year) (rule 16); record their trainings (cedre auditor qualify), or plan with --policy qualification=off.")
        case .noWorkingDay:
            say("le calendrier ne leur laisse aucun jour ouvré avant leur audit externe (règles 13 et 20) ; vérifiez les jours de leurs audits externes.",
                "the calendar leaves them no working day before their external audit (rules 13 and 20); check the days of their external audits.")
        }
    }
}
