import CedreCore
import CedreReports

extension Day.WritingError {
    /// Why the text names no day, in `language`, without the text: what a message that already
    /// quotes it adds.
    func reason(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .unreadable:
            return words.say("écrivez-le AAAA-MM-JJ ou JJ/MM/AAAA", "write it YYYY-MM-DD or DD/MM/YYYY")
        case .noSuchMonth(_, let month):
            return words.say("il n'y a pas de mois \(month)", "there is no month \(month)")
        case .noSuchDay(_, let year, let month):
            let days = Day.length(ofMonth: month, year: year)
            let name = words.month("\(year)-\(month < 10 ? "0" : "")\(month)")
            return words.say("\(name) compte \(days) jours", "\(name) has \(days) days")
        }
    }
}
