import CedreCore
import CedreReports
import CedreStore
import Foundation

extension ImportFailure {
    /// The problems of an import refused as a whole, one per line as `file:line: field: message`,
    /// under a line that says nothing was imported.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let file = issues.first?.file ?? words.say("le fichier", "the file")
        let count = words.counted(issues.count, ("problème", "problèmes"), ("problem", "problems"))
        var lines = [words.say(
            "\(file) a \(count) ; rien n'a été importé. Corrigez-les et importez à nouveau :",
            "\(file) has \(count); nothing was imported. Fix them and import again:")]
        lines += issues.prefix(ImportFailure.listed).map { issue in
            "  " + issue.located(issue.refusal.map { $0.message(language) } ?? issue.message)
        }
        if issues.count > ImportFailure.listed {
            lines.append(words.say("  … et \(issues.count - ImportFailure.listed) de plus", "  … and \(issues.count - ImportFailure.listed) more"))
        }
        return lines.joined(separator: "\n")
    }
}

extension FieldIssue {
    /// The field and what is wrong with it, in `language` (English as import files name it).
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let french: String
        switch problem {
        case .invalidIdentifier(let id):
            french = "l'identifiant « \(id) » doit faire 1 à 64 lettres, chiffres, « . », « _ » ou « - », en commençant par une lettre ou un chiffre"
        case .nameRequired:
            french = "le nom est requis"
        case .unknownType(let type):
            french = "le type « \(type) » n'est pas \(CompanyType.allCases.map(\.rawValue).joined(separator: ", ")), ni plusieurs joints par « + »"
        case .regionMismatch(let region, let code, let federationRegion, let region2013):
            french = "« \(region) » n'est pas la région du département \(code) (\(federationRegion), ou \(region2013) avant 2016)"
        case .unknownDepartement(let code):
            french = "« \(code) » n'est pas un code de département (01…95, 2A, 2B, 971…976)"
        case .groupIsItself:
            french = "un adhérent ne peut pas être son propre groupe"
        }
        return words.say(french + ".", "\(field) \(message).")
    }
}
