import CedreCore
import CedreReports

extension UnknownName {
    /// The name that names nothing, and the names that would have been understood, in `language`.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let names = known.joined(separator: ", ")
        switch kind {
        case .region:
            return words.say(
                "aucune région ne s'appelle « \(typed) » ; choisissez parmi \(names) (majuscules, accents, espaces et tirets sont indifférents).",
                "no region is named '\(typed)'; use one of \(names) (case, accents, spaces and hyphens do not matter).")
        case .type:
            return words.say(
                "« \(typed) » n'est pas un type d'adhérent ; utilisez \(names), ou plusieurs joints par « + » (AI+ACI).",
                "'\(typed)' is not a member type; use \(names), or several joined by '+' (AI+ACI).")
        case .scheme:
            return words.say(
                "aucun référentiel ne s'appelle « \(typed) » ; choisissez parmi \(names).",
                "no scheme is named '\(typed)'; use one of \(names).")
        }
    }
}
