import CedreCore
import Foundation

extension CertificationsReport {
    /// The report laid out for the text, Markdown and HTML renderers: the year's figures, the
    /// counts by region, then the list region by region, each line with its category.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let words = Vocabulary(language)
        let schemeNames = Dictionary(figures.certifiedByScheme.map { ($0.scheme, $0.name) }, uniquingKeysWith: { first, _ in first })
        var document = ReportDocument(language: language, title: "\(words.label(.certificationsTitle)) \(year)")
        if let scope = filter.scope(schemeNames: schemeNames, words: words) {
            document.blocks.append(.paragraph(scope))
        }
        let byScheme = figures.certifiedByScheme.map { "\(words.number($0.certified)) \($0.name)" }.joined(separator: " + ")
        document.blocks.append(.figures([
            .init(value: words.number(figures.joinedGroup), label: words.label(.joinedGroup)),
            .init(value: words.number(figures.newlyCertified), label: words.label(.newlyCertified)),
            .init(value: words.number(figures.renewed), label: words.label(.renewed)),
            .init(value: words.number(figures.certified), label: "\(words.label(.certifiedOn)) \(words.date(asOf)) (\(byScheme))"),
            .init(value: words.percent(figures.certifiedShare), label: words.ofMembers(figures.members)),
            .init(value: words.number(figures.engaged), label: words.label(.engagedInApproach)),
        ]))
        let kinds = CertificationMilestone.Kind.allCases
        let series = kinds.map { kindLabel($0, words: words) }
        let counts = regions.map { region in kinds.map { kind in region.entries.filter { $0.kind == kind }.count } }
        document.blocks.append(.heading(words.label(.byRegion)))
        document.blocks.append(.chart(BarChart(
            title: words.label(.listedByRegion), series: series,
            bars: regions.indices.map { BarChart.Bar(label: regions[$0].name, values: counts[$0]) })))
        document.blocks.append(.table(Table(
            columns: [words.label(.region)] + series + [words.label(.total)],
            alignments: [.left] + kinds.map { _ in .right } + [.right],
            rows: regions.indices.map { index in
                [regions[index].name] + (counts[index] + [counts[index].reduce(0, +)]).map(words.number)
            })))
        document.blocks.append(.paragraph(words.label(.listNote)))
        for region in regions {
            document.blocks.append(.subheading(region.name))
            document.blocks.append(.list(region.entries.map { entry in
                ReportDocument.ListItem(
                    text: entry.line, note: words.milestone(entry.kind, scheme: schemeNames[entry.scheme] ?? entry.scheme.rawValue),
                    isNested: entry.underGroup != nil, category: kinds.firstIndex(of: entry.kind))
            }))
        }
        document.blocks.append(.paragraph(words.label(.shareNote)))
        return document
    }

    /// The list as RFC 4180 CSV, one row per entry in print order, with ISO dates.
    public func csv() -> String {
        CSVText.write([["region", "member", "name", "departement", "type", "scheme", "kind", "on", "group", "line"]]
            + entries.map { entry in
                [entry.member.region, entry.member.id.rawValue, entry.member.name, entry.member.departement, entry.member.type,
                 entry.scheme.rawValue, entry.kind.rawValue, entry.on.description, entry.underGroup?.rawValue ?? "", entry.line]
            })
    }

    private func kindLabel(_ kind: CertificationMilestone.Kind, words: Vocabulary) -> String {
        switch kind {
        case .newlyCertified: words.label(.newlyCertified)
        case .renewed: words.label(.renewed)
        case .joinedGroup: words.label(.joinedGroup)
        }
    }
}
