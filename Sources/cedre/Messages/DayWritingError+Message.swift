import CedreCore
import CedreReports

extension Day.WritingError {
    /// Why the text names no day, in `language`, without the text: what a message that already
    /// quotes it adds. English is CedreCore's own `reason`, which import messages use too.
    func reason(_ language: ReportLanguage) -> String {
        guard language == .fr else { return reason }
        switch self {
        case .unreadable:
            return "écrivez-le AAAA-MM-JJ ou JJ/MM/AAAA"
        case .noSuchMonth(_, let month):
            return "il n'y a pas de mois \(month)"
        case .noSuchDay(_, let year, let month):
            let name = Vocabulary(.fr).month("\(year)-\(month < 10 ? "0" : "")\(month)")
            return "\(name) compte \(Day.length(ofMonth: month, year: year)) jours"
        }
    }
}
