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
    /// The field and what is wrong with it.
    func message(_ language: ReportLanguage) -> String {
        "\(field) \(message)."
    }
}
