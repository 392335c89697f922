import CedreCore
import Foundation

extension StatusReport {
    /// The report as a terminal text: headline figures, then tables by scheme, region and type.
    public func text(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let headline = [
            "\(words.label(.statusTitle)) \(words.date(asOf))",
            "",
            "\(words.number(counts.members)) \(words.label(.members)) · \(words.number(counts.certified)) \(words.label(.certified)) "
                + "(\(words.percent(certifiedShare))) · \(words.number(counts.engaged)) \(words.label(.engaged))",
            "",
        ].joined(separator: "\n")
        let schemes = table(first: words.label(.scheme), rows: byScheme.map { ($0.name, $0.counts) }, words: words)
        let regions = table(first: words.label(.region), rows: byRegion.map { ($0.name, $0.counts) }, words: words)
        let types = table(first: words.label(.type), rows: byType.map { ($0.name, $0.counts) }, words: words)
        return [
            headline,
            words.label(.byScheme), schemes.text(),
            words.label(.byRegion), regions.text(),
            words.label(.byType), types.text(),
        ].joined(separator: "\n")
    }

    private func table(first: String, rows: [(String, Counts)], words: Vocabulary) -> Table {
        let labels: [Vocabulary.Label] = [.members, .certified, .engaged, .suspended, .expired, .lapsed, .withdrawn, .noCertification]
        return Table(
            columns: [first] + labels.map(words.label),
            alignments: [.left] + labels.map { _ in .right },
            rows: rows.map { name, counts in
                [name] + [counts.members, counts.certified, counts.engaged, counts.suspended, counts.expired,
                          counts.lapsed, counts.withdrawn, counts.none].map(words.number)
            })
    }
}
