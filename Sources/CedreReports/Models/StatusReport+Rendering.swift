import CedreCore
import Foundation

extension StatusReport {
    /// The report as a terminal text: headline figures, tables by scheme, region and type,
    /// certifications by year, then what needs a human.
    public func text(_ language: ReportLanguage) -> String {
        document(language).text()
    }

    /// The report laid out for the text, Markdown and HTML renderers.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let words = Vocabulary(language)
        var document = ReportDocument(language: language, title: "\(words.label(.statusTitle)) \(words.date(asOf))")
        if let scope = filter.scope(schemeNames: schemeNames, words: words) {
            document.blocks.append(.paragraph(scope))
        }
        document.blocks.append(.figures([
            .init(value: words.number(counts.members), label: words.label(.members)),
            .init(value: words.number(counts.certified), label: words.label(.certified)),
            .init(value: words.percent(certifiedShare), label: words.label(.certifiedShare)),
            .init(value: words.number(counts.engaged), label: words.label(.engaged)),
        ]))
        document.blocks += [
            .heading(words.label(.byScheme)),
            .table(countsTable(first: words.label(.scheme), rows: byScheme.map { ($0.name, $0.counts) }, words: words)),
            .heading(words.label(.byRegion)),
            .chart(statesChart(words: words)),
            .table(countsTable(first: words.label(.region), rows: byRegion.map { ($0.name, $0.counts) }, words: words)),
            .heading(words.label(.byType)),
            .table(countsTable(first: words.label(.type), rows: byType.map { (words.type($0.name), $0.counts) }, words: words)),
            .heading(words.label(.certificationsByYear)),
        ]
        let series = [words.label(.newlyCertified), words.label(.renewed), words.label(.joinedGroup)]
        document.blocks.append(.chart(BarChart(
            title: words.label(.certificationsByKindAndYear), series: series,
            bars: certificationsByYear.map { .init(label: String($0.year), values: [$0.newlyCertified, $0.renewed, $0.joinedGroup]) })))
        document.blocks.append(.table(Table(
            columns: [words.label(.year)] + series, alignments: [.left, .right, .right, .right],
            rows: certificationsByYear.map { line in
                [String(line.year)] + [line.newlyCertified, line.renewed, line.joinedGroup].map(words.number)
            })))
        let horizon = words.date(asOf.adding(days: horizonDays))
        let lists: [(String, String, [Item], Bool)] = [
            (words.label(.overdue), words.label(.lateSince), overdue, true),
            ("\(words.label(.dueBy)) \(horizon)", words.label(.deadline), due, false),
            ("\(words.label(.expiringBy)) \(horizon)", words.label(.lastValidDay), expiring, false),
            (words.label(.suspendedCertificates), words.label(.suspendedSince), suspended, false),
        ]
        for (heading, dayColumn, items, isLate) in lists {
            document.blocks.append(.heading(heading))
            guard !items.isEmpty else {
                document.blocks.append(.paragraph(words.label(.nothing)))
                continue
            }
            var table = Table(
                columns: [words.label(.member), words.label(.departement), words.label(.region), words.label(.scheme),
                          words.label(.subject), dayColumn],
                rows: items.map { item in
                    let subject = words.subject(item.subject) + (item.finding.map { " \($0)" } ?? "")
                    return [item.member.name, item.member.departement, item.member.region,
                            schemeNames[item.scheme] ?? item.scheme.rawValue, subject, words.shortDate(item.day)]
                })
            if isLate { table.highlightedRows = Set(items.indices) }
            document.blocks.append(.table(table))
        }
        document.blocks.append(.paragraph(words.label(.shareNote)))
        return document
    }

    /// The breakdown as RFC 4180 CSV: one row per scheme × region × type × state, with plain numbers.
    public func csv() -> String {
        CSVText.write([["scheme", "region", "type", "state", "members"]] + breakdown.map { cell in
            [cell.scheme?.rawValue ?? "", cell.region, cell.type, cell.state, String(cell.members)]
        })
    }

    private var schemeNames: [SchemeID: String] {
        Dictionary(byScheme.map { ($0.scheme, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private func countsTable(first: String, rows: [(String, Counts)], words: Vocabulary) -> Table {
        let labels: [Vocabulary.Label] = [.members, .certified, .engaged, .suspended, .expired, .lapsed, .withdrawn, .noCertification]
        return Table(
            columns: [first] + labels.map(words.label),
            alignments: [.left] + labels.map { _ in .right },
            rows: rows.map { name, counts in
                [name] + [counts.members, counts.certified, counts.engaged, counts.suspended, counts.expired,
                          counts.lapsed, counts.withdrawn, counts.none].map(words.number)
            })
    }

    private func statesChart(words: Vocabulary) -> BarChart {
        let labels: [Vocabulary.Label] = [.certified, .engaged, .suspended, .expired, .lapsed, .withdrawn, .noCertification]
        return BarChart(
            title: words.label(.statesByRegion), series: labels.map(words.label),
            bars: byRegion.map { line in
                let counts = line.counts
                return .init(label: line.name, values: [counts.certified, counts.engaged, counts.suspended, counts.expired,
                                                        counts.lapsed, counts.withdrawn, counts.none])
            })
    }
}
