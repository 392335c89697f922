import ArgumentParser
import CedreCore
import CedreReports
import Foundation

/// What is wrong with the shape of a command line, found by a command's `validate()`: exit 64,
/// the sentence and the usage, as ArgumentParser prints a usage error.
enum UsageProblem: Equatable {
    /// A number outside its bounds.
    case outOfRange(option: String, value: Int, range: ClosedRange<Int>)
    /// `--to` before `--from`.
    case reversedPeriod(from: Day, to: Day)
    /// `correct` without `--on` or `--set`.
    case nothingToCorrect
    /// An empty `--reason` of a correction.
    case reasonRequired
    /// `sample` without `--audit` and `--year` nor `--replay`.
    case sampleNeedsAuditAndYear
    /// `check --quiet --all`.
    case quietAndAll
    /// `campaign swap --override` without `--reason`.
    case overrideNeedsReason
    /// `member edit --group X --no-group`.
    case groupAndNoGroup
    /// `member edit` without any field.
    case nothingToAmend
    /// `auditor add` without `--scheme`.
    case auditorNeedsScheme
    /// A `--policy` switch that names no policy or takes no such value.
    case policySwitch(CampaignError)

    /// The error ArgumentParser reports as a usage error, in this run's language.
    var validationError: ValidationError {
        ValidationError(message(RunLanguage.current))
    }

    /// Throws `outOfRange` when `value` given as `option` is outside `range`.
    static func check(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else { throw outOfRange(option: option, value: value, range: range).validationError }
    }

    /// One sentence that says what is wrong and what to type instead.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .outOfRange(let option, let value, let range):
            return words.say(
                "\(option) \(value) est hors limites ; donnez un nombre entier de \(range.lowerBound) à \(range.upperBound).",
                "\(option) \(value) is out of range; give a whole number from \(range.lowerBound) to \(range.upperBound).")
        case .reversedPeriod(let from, let to):
            return words.say(
                "--to \(words.day(to)) est avant --from \(words.day(from)) ; donnez d'abord le jour le plus tôt.",
                "--to \(words.day(to)) is before --from \(words.day(from)); give the earlier day first.")
        case .nothingToCorrect:
            return words.say(
                "dites quoi corriger : le jour avec --on, un champ avec --set CHAMP=VALEUR, ou les deux.",
                "say what to correct: the day with --on, a field with --set FIELD=VALUE, or both.")
        case .reasonRequired:
            return words.say(
                "--reason doit dire pourquoi ; le motif est gardé dans le journal à côté de la correction.",
                "--reason must say why; it is kept in the log next to the correction.")
        case .sampleNeedsAuditAndYear:
            return words.say("--audit et --year sont requis (ou --replay).", "--audit and --year are required (or --replay).")
        case .quietAndAll:
            return words.say("--quiet et --all demandent le contraire l'un de l'autre ; choisissez.", "--quiet and --all ask for opposite things; choose one.")
        case .overrideNeedsReason:
            return words.say("--override demande un --reason qui dise pourquoi.", "--override needs --reason to say why.")
        case .groupAndNoGroup:
            return words.say("--group et --no-group demandent le contraire l'un de l'autre ; choisissez.", "--group and --no-group ask for opposite things; choose one.")
        case .nothingToAmend:
            return words.say(
                "dites ce qui change : --name, --type, --departement, --region, --group ou --no-group.",
                "say what changes: --name, --type, --departement, --region, --group or --no-group.")
        case .auditorNeedsScheme:
            return words.say(
                "donnez au moins un référentiel que l'auditeur peut auditer (--scheme).",
                "name at least one --scheme the auditor may audit.")
        case .policySwitch(let error):
            return error.message(language)
        }
    }
}
