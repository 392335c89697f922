import CedreCore
import CedreReports
import Foundation

extension OutputOptions {
    /// How a list writes its days: as the language writes them for a person (table, Markdown),
    /// ISO for a spreadsheet or a program (CSV), whose machine columns never change with the language.
    func days(_ words: Vocabulary) -> (Day) -> String {
        format == .csv ? { $0.description } : { words.day($0) }
    }
}
