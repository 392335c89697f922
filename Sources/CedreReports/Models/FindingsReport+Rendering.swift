import CedreCore
import Foundation

extension FindingsReport {
    /// The report laid out for the text, Markdown and HTML renderers: totals, then by grade,
    /// age, region and member, then every open finding, overdue ones first and highlighted.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let words = Vocabulary(language)
        let open = words.label(.open)
        let late = words.label(.overdue).lowercased()
        var document = ReportDocument(language: language, title: "\(words.label(.findingsTitle)) \(words.date(asOf))")
        if let scope = filter.scope(schemeNames: [:], words: words) {
            document.blocks.append(.paragraph(scope))
        }
        document.blocks.append(.figures([
            .init(value: words.number(total.open), label: words.label(.totalOpen)),
            .init(value: words.number(total.overdue), label: late),
        ]))
        func tallies(_ first: String, _ rows: [(String, Tally)]) -> Table {
            Table(
                columns: [first, open, late], alignments: [.left, .right, .right],
                rows: rows.map { [$0.0, words.number($0.1.open), words.number($0.1.overdue)] })
        }
        func label(_ text: LocalizedText) -> String { language == .fr ? text.fr : text.en }
        document.blocks += [
            .heading(words.label(.byGrade)),
            .table(tallies(words.label(.grade), byGrade.map { (label($0.label), $0.tally) })),
            .heading(words.label(.byAge)),
            .table(tallies(words.label(.age), byAge.map { (words.ageBand(from: $0.minimumDays, to: $0.maximumDays), $0.tally) })),
            .heading(words.label(.byRegion)),
            .chart(BarChart(
                title: words.label(.findingsByRegion), series: [words.label(.inTime), late],
                bars: byRegion.map { .init(label: $0.name, values: [$0.tally.open - $0.tally.overdue, $0.tally.overdue]) })),
            .table(tallies(words.label(.region), byRegion.map { ($0.name, $0.tally) })),
            .heading(words.label(.byMember)),
        ]
        document.blocks.append(.table(Table(
            columns: [words.label(.member), words.label(.departement), words.label(.region), open, late],
            alignments: [.left, .left, .left, .right, .right],
            rows: byMember.map { line in
                [line.member.name, line.member.departement, line.member.region, words.number(line.tally.open),
                 words.number(line.tally.overdue)]
            })))
        document.blocks.append(.heading(words.label(.findings)))
        guard !findings.isEmpty else {
            document.blocks.append(.paragraph(words.label(.nothing)))
            return document
        }
        let grades = Dictionary(byGrade.map { ($0.grade, label($0.label)) }, uniquingKeysWith: { first, _ in first })
        var table = Table(
            columns: [words.label(.finding), words.label(.member), words.label(.departement), words.label(.grade),
                      words.label(.state), words.label(.requirement), words.label(.auditedOn), words.label(.deadline), late],
            rows: findings.map { item in
                let grade = (grades[item.grade] ?? item.grade.rawValue) + (item.escalated ? " (\(words.label(.escalated)))" : "")
                return [item.id.rawValue, item.member.name, item.member.departement, grade, words.findingState(item.state),
                        item.requirement, words.shortDate(item.auditOn), item.deadline.map(words.shortDate) ?? "—",
                        words.yes(item.overdue)]
            })
        table.highlightedRows = Set(findings.indices.filter { findings[$0].overdue })
        document.blocks.append(.table(table))
        return document
    }

    /// Every open finding as RFC 4180 CSV, with ISO dates and plain numbers.
    public func csv() -> String {
        CSVText.write([[
            "id", "member", "name", "region", "departement", "type", "scheme", "audit", "grade", "escalated", "state",
            "requirement", "audit_on", "age_days", "deadline", "overdue",
        ]] + findings.map { item in
            [item.id.rawValue, item.member.id.rawValue, item.member.name, item.member.region, item.member.departement,
             item.member.type, item.scheme.rawValue, item.audit.rawValue, item.grade.rawValue, String(item.escalated),
             item.state.rawValue, item.requirement, item.auditOn.description, String(item.ageDays),
             item.deadline?.description ?? "", String(item.overdue)]
        })
    }
}
