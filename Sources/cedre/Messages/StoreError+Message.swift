import CedreCore
import CedreJSON
import CedreReports
import CedreStore
import Foundation

/// Why the store refused a command, in the officer's words and language; nothing was written.
extension StoreError {
    /// One sentence that says what was wrong and how to fix it.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .refused(let error):
            return error.message(language)
        case .lateFactConflict(let recorded, let day, let conflicting, let reason):
            return words.say(
                "enregistrer « \(words.factKind(recorded)) » le \(words.day(day)) rendrait \(conflicting.named(words)) impossible : \(reason.message(language))",
                "recording '\(words.factKind(recorded))' on \(words.day(day)) would make \(conflicting.named(words)) impossible: \(reason.message(language))")
        case .factInTheFuture(let kind, let day, let today):
            return words.say(
                "« \(words.factKind(kind)) » est daté du \(words.day(day)), après aujourd'hui (\(words.day(today))) ; enregistrez les faits une fois qu'ils ont eu lieu, ou donnez --as-of.",
                "'\(words.factKind(kind))' is dated \(words.day(day)), after today (\(words.day(today))); record facts once they have happened, or pass --as-of.")
        case .newerSchema(let path):
            return words.say(
                "\(path) a été écrit par une version plus récente de cedre ; mettez cedre à jour pour l'ouvrir.",
                "\(path) was written by a newer version of cedre; upgrade cedre to open it.")
        case .notFound(let missing):
            return missing.message(words)
        case .datedBeforeCreation(.audit(let audit, let planned, let scheduled), let day):
            return words.say(
                "l'audit \(audit) n'a été planifié que le \(words.day(planned)) (pour le \(words.day(scheduled))) : rien ne peut s'y rapporter le \(words.day(day)), avant. Vérifiez le jour (--on) ; si c'est la planification qui est mal datée, corrigez-la (cedre log, puis cedre correct <numéro> --on \(words.dayPlaceholder) --reason …).",
                "audit \(audit) was only planned on \(words.day(planned)) (for \(words.day(scheduled))), so nothing about it can be recorded on \(words.day(day)), before that. Check the day (--on); if the plan is what was dated wrong, correct it (cedre log, then cedre correct <number> --on \(words.dayPlaceholder) --reason …).")
        case .datedBeforeCreation(.finding(let finding, let raised), let day):
            return words.say(
                "l'écart \(finding) n'a été relevé que le \(words.day(raised)) : rien ne peut s'y rapporter le \(words.day(day)), avant. Vérifiez le jour (--on) ; si c'est l'écart qui est mal daté, corrigez-le (cedre log, puis cedre correct <numéro> --on \(words.dayPlaceholder) --reason …).",
                "finding \(finding) was only raised on \(words.day(raised)), so nothing about it can be recorded on \(words.day(day)), before that. Check the day (--on); if the finding is what was dated wrong, correct it (cedre log, then cedre correct <number> --on \(words.dayPlaceholder) --reason …).")
        case .unreadableEvent(let id, let reason):
            return words.say(
                "l'événement n° \(id) du journal est illisible (\(reason)) ; lancez « cedre verify ».",
                "event #\(id) of the log cannot be read (\(reason)); run 'cedre verify'.")
        case .notADemoDatabase(let path):
            return words.say(
                "\(path) contient une base qui n'est pas une base de démonstration ; choisissez un autre chemin --db pour la démonstration.",
                "\(path) holds a database that is not a demo one; choose another --db path for the demo.")
        case .notACedreDatabase(let path):
            return words.say("\(path) n'est pas une base cedre.", "\(path) is not a cedre database.")
        case .malformed(let kind, let malformation):
            let why: String
            switch malformation.problem {
            case .emptyIdentifier:
                why = words.say("un identifiant ne peut pas être vide", "an id cannot be empty")
            case .controlCharacter(let value, let name):
                why = words.say(
                    "l'identifiant \(JSONValue.quoted(value)) contient un caractère de contrôle ou un saut de ligne (\(name)) ; un identifiant tient sur une ligne de lettres, chiffres et ponctuation",
                    "the id \(JSONValue.quoted(value)) holds a control character or line break (\(name)); an id is one line of letters, digits and punctuation")
            case .outOfRange(let value, let range):
                why = words.say(
                    "\(value) est hors limites ; donnez un nombre entier de \(range.lowerBound) à \(range.upperBound)",
                    "\(value) is out of range; give a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return words.say(
                "« \(words.factKind(kind)) » est refusé : \(malformation.field) : \(why).",
                "'\(words.factKind(kind))' is refused: \(malformation.field): \(why).")
        case .writeNotLanded(let table, let expected, let found):
            return words.say(
                "la base n'a pas gardé ce qui vient d'être écrit dans \(table) (\(expected) ligne(s) écrite(s), \(found) relue(s)) : quelque chose dans la base perturbe les écritures, lancez « cedre verify » ; rien n'a été enregistré.",
                "the database did not keep what was just written to \(table) (\(expected) row(s) written, \(found) found when read back): something in the database interferes with writes, run 'cedre verify'; nothing was recorded.")
        case .nothingToAmend(let id):
            return words.say(
                "l'adhérent \(id) a déjà ce profil ; donnez le nouveau nom, type, département, région ou groupe.",
                "member \(id) already has that profile; give the new name, type, département, region or group.")
        case .invalidScheme(let file, let problems):
            let count = words.counted(problems.count, ("problème", "problèmes"), ("problem", "problems"))
            let lines = problems.map { problem in
                words.say("  ligne \(problem.line), \(problem.pointer.isEmpty ? "(document)" : problem.pointer) : \(problem.message)",
                          "  line \(problem.line), \(problem.pointer.isEmpty ? "(document)" : problem.pointer): \(problem.message)")
            }
            return words.say(
                "\(file) n'est pas une définition de référentiel valable (\(count) ; rien n'a été écrit) :\n",
                "\(file) is not a valid scheme definition (\(count); nothing was written):\n") + lines.joined(separator: "\n")
        case .schemeExists(let id):
            return words.say(
                "le référentiel \(id) existe déjà ; donnez --revise pour en enregistrer une nouvelle version, ou changez l'identifiant de la définition.",
                "scheme \(id) already exists; pass --revise to record a new version of it, or change the definition's id.")
        case .noSchemeToRevise(let id):
            return words.say("il n'y a pas de référentiel \(id) à réviser ; ajoutez-le sans --revise.", "there is no scheme \(id) to revise; add it without --revise.")
        case .revisionTooEarly(let id, let day, let started, let startedOn):
            return words.say(
                "une révision de \(id) datée du \(words.day(day)) changerait les règles de \(started.member), engagé le \(words.day(startedOn)) ; datez-la après la dernière certification engagée sous \(id) (--on).",
                "a revision of \(id) dated \(words.day(day)) would change the rules under \(started.member), started on \(words.day(startedOn)); date it after the last certification started under \(id) (--on).")
        case .correctionRefused(let event, let refusal):
            return refusal.message(event: event, words)
        case .correctionConflict(let voiding, let target, let conflicting, let reason):
            if conflicting.id == target.id {
                return voiding
                    ? words.say(
                        "l'annulation de \(target.named(words)) est refusée : \(reason.message(language)) Rien n'a été écrit.",
                        "voiding \(target.named(words)) is refused: \(reason.message(language)) Nothing was written.")
                    : words.say(
                        "la correction de \(target.named(words)) est refusée : ainsi corrigé, le \(words.day(conflicting.on)), il ne se rejouerait pas (\(reason.message(language))) Rien n'a été écrit.",
                        "correcting \(target.named(words)) is refused: as corrected, on \(words.day(conflicting.on)), it would not replay (\(reason.message(language))) Nothing was written.")
            }
            return words.say(
                "\(voiding ? "annuler" : "corriger") \(target.named(words)) rendrait \(conflicting.named(words)) impossible : \(reason.message(language)) Rien n'a été écrit ; corrigez ou annulez d'abord \(conflicting.reference).",
                "\(voiding ? "voiding" : "correcting") \(target.named(words)) would make \(conflicting.named(words)) impossible: \(reason.message(language)) Nothing was written; correct or void \(conflicting.reference) first.")
        }
    }
}

extension Missing {
    /// What does not exist, and how to find what does.
    func message(_ words: Vocabulary) -> String {
        func didYouMean(_ suggestion: String?) -> String {
            suggestion.map { words.say(" : vouliez-vous dire \($0) ?", ": did you mean \($0)?") } ?? ""
        }
        switch self {
        case .member(let id, let suggestion?):
            return words.say("aucun adhérent « \(id) »", "no member '\(id)'") + didYouMean(suggestion.rawValue)
        case .member(let id, nil):
            return words.say(
                "aucun adhérent « \(id) » ; vérifiez l'identifiant (cedre member list).",
                "no member '\(id)'; check the id (cedre member list).")
        case .audit(let id, let suggestion?):
            return words.say("aucun audit \(id)", "no audit \(id)") + didYouMean(suggestion.rawValue)
        case .audit(let id, nil):
            return words.say("aucun audit \(id) ; vérifiez le numéro (cedre audit list).", "no audit \(id); check the number (cedre audit list).")
        case .finding(let id, let suggestion?):
            return words.say("aucun écart \(id)", "no finding \(id)") + didYouMean(suggestion.rawValue)
        case .finding(let id, nil):
            return words.say("aucun écart \(id) ; vérifiez le numéro (cedre finding list).", "no finding \(id); check the number (cedre finding list).")
        case .auditOn(let id, let day):
            return words.say(
                "l'audit \(id) n'existe pas encore le \(words.day(day)) ; demandez un jour plus tardif (--as-of).",
                "audit \(id) does not exist yet on \(words.day(day)); ask about a later day (--as-of).")
        case .findingOn(let id, let day):
            return words.say(
                "l'écart \(id) n'existe pas encore le \(words.day(day)) ; demandez un jour plus tardif (--as-of).",
                "finding \(id) does not exist yet on \(words.day(day)); ask about a later day (--as-of).")
        case .certification(let key, let day):
            return words.say(
                "\(key.member) n'a pas de certification \(key.scheme) le \(words.day(day)) ; pour l'engager : cedre cert engage \(key.member) --scheme \(key.scheme) --on \(words.dayPlaceholder).",
                "\(key.member) has no \(key.scheme) certification on \(words.day(day)); to engage it: cedre cert engage \(key.member) --scheme \(key.scheme) --on \(words.dayPlaceholder).")
        case .campaign(let scheme, let year):
            return words.say(
                "aucune campagne \(scheme) pour \(year) ; planifiez-la d'abord (cedre campaign plan --scheme \(scheme) --year \(year)).",
                "no \(scheme) campaign for \(year); plan it first (cedre campaign plan --scheme \(scheme) --year \(year)).")
        case .file(let path):
            return words.say("le fichier \(path) n'existe pas ou ne peut pas être lu.", "the file \(path) does not exist or cannot be read.")
        case .writableFolder(let path):
            return words.say(
                "le dossier de \(path) n'existe pas ou n'est pas accessible en écriture ; choisissez un dossier où vous pouvez écrire.",
                "the folder of \(path) does not exist or cannot be written; choose a folder you can write to.")
        case .readableMemberRow(let id):
            return words.say(
                "la fiche de l'adhérent \(id) est illisible dans la base ; lancez « cedre rebuild ».",
                "the row of member \(id) cannot be read back from the database; run 'cedre rebuild'.")
        }
    }
}

extension EventSummary {
    /// « l'événement n° 12 (audit réalisé, 01/03/2013) », "event #12 (audit conducted on 2013-03-01)".
    func named(_ words: Vocabulary) -> String {
        words.say(
            "l'événement n° \(id) (\(words.factKind(raw: kind)), \(words.day(on)))",
            "event #\(id) (\(words.factKind(raw: kind)) on \(words.day(on)))")
    }
}

extension CorrectionRefusal {
    /// One sentence that says what was refused and what to do instead.
    func message(event: Int64, _ words: Vocabulary) -> String {
        switch self {
        case .noSuchEvent:
            return words.say(
                "il n'y a pas d'événement n° \(event) dans le journal ; « cedre log » donne le numéro de chaque événement.",
                "there is no event #\(event) in the log; 'cedre log' shows each event's number.")
        case .isACorrection(let target):
            return words.say(
                "\(target.named(words)) est lui-même une correction : annulez-le (cedre void \(target.id) --reason …), puis corrigez à nouveau l'original.",
                "\(target.named(words)) is itself a correction: void it (cedre void \(target.id) --reason …), then correct the original again.")
        case .alreadyVoided(let target, let correction):
            return words.say(
                "\(target.named(words)) est déjà annulé par l'événement n° \(correction) ; annulez d'abord le n° \(correction) pour le rétablir.",
                "\(target.named(words)) is voided by event #\(correction); void #\(correction) first to restore it.")
        case .changesNothing(let target):
            return words.say(
                "la correction donne à \(target.named(words)) le jour et le contenu qu'il a déjà ; dites quoi changer avec --on ou --set.",
                "the correction gives \(target.named(words)) the day and content it already has; say what to change with --on or --set.")
        case .notTheTarget(let target, let kind, let stream):
            return words.say(
                "la correction désigne l'événement n° \(event) comme « \(words.factKind(raw: kind)) » de \(stream), mais c'est \(target.named(words)), d'un autre flux ou d'une autre sorte.",
                "the correction names event #\(event) as '\(words.factKind(raw: kind))' in \(stream), but it is \(target.named(words)), in another stream or of another kind.")
        case .unknownField(let field, let kind, let known):
            return words.say(
                "« \(words.factKind(raw: kind)) » n'a pas de champ « \(field) » ; ses champs : \(known.joined(separator: ", ")).",
                "'\(words.factKind(raw: kind))' has no field '\(field)'; its fields: \(known.joined(separator: ", ")).")
        case .schemeDefinition(let target):
            return words.say(
                "\(target.named(words)) enregistre une définition de référentiel, que des certifications peuvent suivre ; enregistrez plutôt une nouvelle version (cedre scheme add --revise).",
                "\(target.named(words)) records a scheme definition, which certifications may follow; record a new version with 'cedre scheme add --revise' instead.")
        case .invalidValue(let field, let message):
            return words.say("--set \(field) : \(message).", "--set \(field): \(message).")
        }
    }
}
