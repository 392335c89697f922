import CedreCore
import Foundation

/// Why the rules refused a fact, in the officer's words and language: what was wrong, in
/// which state and since when, and the command to run next. The domain keeps the typed error
/// and its data; every sentence about it lives here.
extension TransitionError {
    /// One sentence (sometimes two) that says what was refused and what to do instead.
    public func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let on = "--on \(words.dayPlaceholder)"
        switch self {
        case .illegal(let move):
            return move.message(language)
        case .blockedByFindings(let key, let findings, let day):
            return words.say(
                "la décision de certification de \(key.member) sous \(key.scheme) le \(words.day(day)) est bloquée par \(blocks(findings, words)) : chaque écart doit être levé avant la décision (règles 6 et 7). Suivez-les jusqu'au bout (cedre finding propose, accept, implement, verify), puis décidez à nouveau.",
                "the certification decision for \(key.member) under \(key.scheme) on \(words.day(day)) is blocked by \(blocks(findings, words)): each one must be resolved before a decision (rules 6 and 7). Follow them through (cedre finding propose, accept, implement, verify), then decide again.")
        case .recertificationAuditMissing(let key, let state, let current, let day):
            let plan = "cedre audit plan \(key.member) --scheme \(key.scheme) --kind recertification \(on)"
            if state == .expired {
                return words.say(
                    "le certificat \(key.scheme) de \(key.member) a expiré le \(words.day(current.expiresOn)) : le rétablir le \(words.day(day)) suppose un audit de renouvellement réalisé depuis. Planifiez-le puis réalisez-le : \(plan).",
                    "the \(key.scheme) certificate of \(key.member) expired on \(words.day(current.expiresOn)): restoring it on \(words.day(day)) needs a recertification audit conducted since. Plan it, then conduct it: \(plan).")
            }
            return words.say(
                "\(key.member) est déjà certifié sous \(key.scheme) : décision du \(words.day(current.on)), certificat valable jusqu'au \(words.day(current.expiresOn)). Une nouvelle décision le \(words.day(day)) serait un renouvellement, qui suppose un audit de renouvellement réalisé dans le cycle : planifiez-le puis réalisez-le (\(plan)).",
                "\(key.member) is already certified under \(key.scheme): decided on \(words.day(current.on)), valid until \(words.day(current.expiresOn)). A new decision on \(words.day(day)) would be a renewal, which needs a recertification audit conducted in the cycle: plan it, then conduct it (\(plan)).")
        case .surveillanceWithoutCertificate(let audit, let key, let state, let day):
            let kind = state == .expired || state == .suspended ? "recertification" : "initial"
            let plan = "cedre audit plan \(key.member) --scheme \(key.scheme) --kind \(kind) \(on)"
            return words.say(
                "\(key.member) n'est pas certifié sous \(key.scheme) le \(words.day(day)) (\(words.certificationState(state))) : un audit de surveillance suit une décision de certification, l'audit \(audit) n'est donc pas planifié. Planifiez plutôt : \(plan).",
                "\(key.member) is not certified under \(key.scheme) on \(words.day(day)) (\(words.certificationState(state))): a surveillance audit follows a certification decision, so audit \(audit) is not planned. Plan this instead: \(plan).")
        case .auditHasOpenFindings(let audit, let findings):
            let first = findings.first.map(\.rawValue) ?? "<écart>"
            return words.say(
                "l'audit \(audit) a encore des écarts ni clos ni dotés d'un plan d'action accepté (\(ids(findings))) : on ne peut pas le clore. Faites d'abord accepter leur plan (cedre finding accept \(first) \(on)).",
                "audit \(audit) still has findings neither closed nor with an accepted action plan (\(ids(findings))), so it cannot be closed. First have their plans accepted (cedre finding accept \(first) \(on)).")
        case .notEngaged(let key, let day):
            return words.say(
                "\(key.member) n'a pas de certification \(key.scheme) engagée le \(words.day(day)) : engagez-la d'abord (cedre cert engage \(key.member) --scheme \(key.scheme) \(on)).",
                "\(key.member) has no \(key.scheme) certification engaged on \(words.day(day)); engage it first (cedre cert engage \(key.member) --scheme \(key.scheme) \(on)).")
        case .alreadyEngaged(let key, let state, let since, let day):
            let from = since.map { words.say(" depuis le \(words.day($0))", " since \(words.day($0))") } ?? ""
            return words.say(
                "\(key.member) est déjà engagé sous \(key.scheme) (\(words.certificationState(state))\(from)) : une nouvelle démarche ne s'engage le \(words.day(day)) qu'après un retrait ou une échéance. La démarche en cours : cedre cert show \(key.member) --scheme \(key.scheme).",
                "\(key.member) is already engaged under \(key.scheme) (\(words.certificationState(state))\(from)): a new engagement on \(words.day(day)) needs the current one withdrawn or lapsed first. The current one: cedre cert show \(key.member) --scheme \(key.scheme).")
        case .unknownAudit(let audit, let key, let day):
            return words.say(
                "\(key.member) n'a pas d'audit \(audit) sous \(key.scheme) le \(words.day(day)) ; vérifiez le numéro (cedre audit list --member \(key.member)).",
                "\(key.member) has no audit \(audit) under \(key.scheme) on \(words.day(day)); check the number (cedre audit list --member \(key.member)).")
        case .unknownFinding(let finding, let key, let day):
            return words.say(
                "\(key.member) n'a pas d'écart \(finding) sous \(key.scheme) le \(words.day(day)) ; vérifiez le numéro (cedre finding list --member \(key.member)).",
                "\(key.member) has no finding \(finding) under \(key.scheme) on \(words.day(day)); check the number (cedre finding list --member \(key.member)).")
        case .duplicateAudit(let audit):
            return words.say("l'audit \(audit) existe déjà : un numéro d'audit ne sert qu'une fois.", "audit \(audit) already exists: an audit number is used once.")
        case .duplicateFinding(let finding):
            return words.say("l'écart \(finding) existe déjà : un numéro d'écart ne sert qu'une fois.", "finding \(finding) already exists: a finding number is used once.")
        case .unknownGrade(let grade, let scheme):
            return words.say(
                "« \(grade) » n'est pas une gravité du référentiel \(scheme) ; cedre scheme show \(scheme) donne son barème.",
                "'\(grade)' is not a grade of scheme \(scheme); cedre scheme show \(scheme) gives its grading scale.")
        case .auditKindNotApplicable(let audit, let kind, let key):
            return words.say(
                "un \(words.auditKind(kind)) ne s'applique pas à \(key.member) sous \(key.scheme) : un site du groupe ne détient pas de certificat propre, c'est le groupe qui est audité pour son certificat (audit \(audit) refusé).",
                "\(words.englishArticle(words.auditKind(kind))) \(words.auditKind(kind)) does not apply to \(key.member) under \(key.scheme): a group site holds no certificate of its own, the group is audited for its certificate (audit \(audit) refused).")
        case .notAGroupScheme(let scheme):
            return words.say(
                "le référentiel \(scheme) n'est pas une certification de groupe : il n'a pas de sites. Les commandes cedre group prennent un référentiel de groupe (cedre-iso).",
                "scheme \(scheme) is not a group certificate, so it has no sites; cedre group commands take a group scheme (cedre-iso).")
        case .notACandidate(let key, let day):
            return words.say(
                "\(key.member) n'est pas candidat au groupe \(key.scheme) le \(words.day(day)) : enregistrez d'abord sa candidature (cedre group apply \(key.member) --scheme \(key.scheme) \(on)).",
                "\(key.member) has not applied to the \(key.scheme) group by \(words.day(day)); record its application first (cedre group apply \(key.member) --scheme \(key.scheme) \(on)).")
        case .unknownMember(let member, let day, let suggestion):
            if let suggestion {
                return words.say(
                    "aucun adhérent « \(member) » le \(words.day(day)) : vouliez-vous dire \(suggestion) ?",
                    "no member '\(member)' on \(words.day(day)): did you mean \(suggestion)?")
            }
            return words.say(
                "aucun adhérent « \(member) » le \(words.day(day)) ; vérifiez l'identifiant (cedre member list) ou ajoutez-le d'abord (cedre member add).",
                "no member '\(member)' on \(words.day(day)); check the id (cedre member list) or add it first (cedre member add).")
        case .duplicateMember(let member):
            return words.say(
                "l'adhérent \(member) existe déjà ; pour le modifier : cedre member edit \(member).",
                "member \(member) already exists; to change it: cedre member edit \(member).")
        case .memberHasLeft(let member, let leftOn, let day):
            return words.say(
                "\(member) a quitté la fédération le \(words.day(leftOn)) : rien ne peut plus être enregistré pour lui le \(words.day(day)). Si ce départ est une erreur, annulez-le (cedre log --member \(member), puis cedre void <numéro> --reason …).",
                "\(member) left the federation on \(words.day(leftOn)), so nothing can be recorded for it on \(words.day(day)). If that departure is a mistake, void it (cedre log --member \(member), then cedre void <number> --reason …).")
        case .unknownGroup(let member, let group):
            return words.say(
                "\(member) indique le groupe \(group), qui n'est pas un GES adhérent de la fédération ; ajoutez d'abord le GES (cedre member add --type GES) ou corrigez --group.",
                "\(member) names group \(group), which is not a GES member of the federation; add the GES first (cedre member add --type GES) or fix --group.")
        case .unknownScheme(let scheme, let suggestion):
            if let suggestion {
                return words.say("aucun référentiel « \(scheme) » : vouliez-vous dire \(suggestion) ?", "no scheme '\(scheme)': did you mean \(suggestion)?")
            }
            return words.say(
                "aucun référentiel « \(scheme) » ; cedre scheme list donne les référentiels connus.",
                "no scheme '\(scheme)'; cedre scheme list gives the known schemes.")
        case .schemeKindChanged(let scheme, let kind):
            return words.say(
                "une révision de \(scheme) ne peut pas changer sa nature (\(words.schemeKind(kind))) ; ajoutez la nouvelle définition sous un autre identifiant.",
                "a revision of \(scheme) cannot change its kind (\(words.schemeKind(kind))); add the new definition under another id.")
        case .crossAuditsMissing(let key, let audit, let sites, let day):
            let list = words.list(sites.map(\.rawValue))
            return words.say(
                "la décision du groupe \(key.scheme) le \(words.day(day)) est refusée : \(list) n'ont pas eu d'audit croisé entre l'audit externe précédent du groupe et l'audit \(audit) (règle 13). Excluez-les du périmètre (cedre group exclude), ou faites auditer chaque site puis tenez un nouvel audit externe.",
                "the group decision for \(key.scheme) on \(words.day(day)) is refused: \(list) had no cross-audit between the group's previous external audit and audit \(audit) (rule 13). Exclude them from the scope (cedre group exclude), or cross-audit every site and hold a new external audit.")
        case .exclusionWouldHideMajorFindings(let key, let findings):
            return words.say(
                "\(key.member) ne peut pas sortir du périmètre de \(key.scheme) tant que sa non-conformité majeure \(ids(findings)) n'est pas levée : le certificat de groupe est tout ou rien (règle 9). Levez-la (cedre finding verify … --effective), ou suspendez le certificat du groupe (cedre cert suspend).",
                "\(key.member) cannot leave the scope of \(key.scheme) while its major nonconformity \(ids(findings)) is unresolved: the group certificate is all or nothing (rule 9). Resolve it (cedre finding verify … --effective), or suspend the group certificate (cedre cert suspend).")
        case .groupBlockedByFindings(let key, let findings, let day):
            let list = words.list(findings.map { block in
                words.say("\(block.finding) à \(block.member.map(\.rawValue) ?? "?") (\(gradeWords(block, words)))",
                          "\(block.finding) at \(block.member.map(\.rawValue) ?? "?") (\(gradeWords(block, words)))")
            })
            return words.say(
                "la décision du groupe \(key.scheme) le \(words.day(day)) est bloquée par \(list) : tant qu'un site a une non-conformité majeure non levée, le certificat de groupe est refusé (règle 9). Levez-les d'abord (cedre finding propose, accept, implement, verify).",
                "the group decision for \(key.scheme) on \(words.day(day)) is blocked by \(list): while any site has an unresolved major nonconformity the group certificate is refused (rule 9). Resolve them first (cedre finding propose, accept, implement, verify).")
        case .joinRequirementsMissing(let key, let missing, let day):
            let list = words.list(missing.map(words.joinRequirement))
            let next = missing.first == .application
                ? "cedre group apply \(key.member) --scheme \(key.scheme) \(on)"
                : "cedre audit plan \(key.member) --scheme \(key.scheme) --kind \(missing.first == .crossAudit ? "cross-audit" : "special") \(on)"
            return words.say(
                "\(key.member) ne peut pas entrer dans le groupe \(key.scheme) le \(words.day(day)) sans \(list) (règle 13) ; enregistrez-les d'abord (\(next), puis cedre audit conduct).",
                "\(key.member) cannot join the \(key.scheme) group on \(words.day(day)) without \(list) (rule 13); record them first (\(next), then cedre audit conduct).")
        case .noSuchInvestigation(let finding, let key):
            return words.say(
                "aucun écart \(finding) d'un autre site de \(key.scheme) n'a ouvert d'enquête à laquelle \(key.member) puisse répondre ; les enquêtes : cedre group investigations --scheme \(key.scheme).",
                "no finding \(finding) at another site of \(key.scheme) opened an investigation \(key.member) could answer; the investigations: cedre group investigations --scheme \(key.scheme).")
        case .unknownReferential(let version, let scheme):
            return words.say(
                "« \(version) » n'est pas une version du référentiel \(scheme) ; cedre scheme show \(scheme) donne ses versions.",
                "'\(version)' is not a referential version of scheme \(scheme); cedre scheme show \(scheme) gives its versions.")
        case .referentialRetired(let audit, let version, let cutoff):
            return words.say(
                "l'audit \(audit) ne peut pas avoir lieu sous \(version) après le \(words.day(cutoff)), dernier jour avant la fin de sa transition (règle 14) : planifiez-le sous la nouvelle version.",
                "audit \(audit) cannot be held under \(version) after \(words.day(cutoff)), the last day before its transition ends (rule 14); plan it under the new version.")
        case .duplicateAuditor(let auditor):
            return words.say(
                "l'auditeur \(auditor) existe déjà ; pour une nouvelle formation : cedre auditor qualify \(auditor).",
                "auditor \(auditor) already exists; for a new training: cedre auditor qualify \(auditor).")
        case .unknownAuditor(let auditor, let suggestion):
            if let suggestion {
                return words.say("aucun auditeur « \(auditor) » : vouliez-vous dire \(suggestion) ?", "no auditor '\(auditor)': did you mean \(suggestion)?")
            }
            return words.say(
                "aucun auditeur « \(auditor) » ; vérifiez l'identifiant (cedre auditor list) ou ajoutez-le (cedre auditor add).",
                "no auditor '\(auditor)'; check the id (cedre auditor list) or add it (cedre auditor add).")
        }
    }

    /// « F-2013-0001 (non-conformité majeure, action pas encore vérifiée efficace) et … ».
    private func blocks(_ findings: [FindingBlock], _ words: Vocabulary) -> String {
        words.list(findings.map { block in
            let need = block.missing == .blocksUntilVerified
                ? words.say("action pas encore vérifiée efficace", "not verified effective")
                : words.say("sans plan d'action accepté", "without an accepted action plan")
            return "\(block.finding) (\(gradeWords(block, words)), \(need))"
        })
    }

    private func gradeWords(_ block: FindingBlock, _ words: Vocabulary) -> String {
        words.inSentence(words.grade(block.grade, in: nil))
    }

    private func ids(_ findings: [FindingID]) -> String {
        findings.map(\.rawValue).joined(separator: ", ")
    }
}
