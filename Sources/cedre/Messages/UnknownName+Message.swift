import CedreCore
import CedreReports

extension UnknownName {
    /// The name that names nothing, and the names that would have been understood, in
    /// `language`; English is CedreCore's own `description`.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let names = known.joined(separator: ", ")
        switch kind {
        case .region:
            return words.say(
                "aucune région ne s'appelle « \(typed) » ; choisissez parmi \(names) (majuscules, accents, espaces et tirets sont indifférents).", description)
        case .type:
            return words.say("« \(typed) » n'est pas un type d'adhérent ; utilisez \(names), ou plusieurs joints par « + » (AI+ACI).", description)
        case .scheme:
            return words.say("aucun référentiel ne s'appelle « \(typed) » ; choisissez parmi \(names).", description)
        }
    }
}
