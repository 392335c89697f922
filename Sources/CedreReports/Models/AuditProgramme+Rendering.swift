import CedreCore
import Foundation

extension AuditProgramme {
    /// The programme laid out for the text, Markdown and HTML renderers: counts by kind and
    /// by month, then every audit by day.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let words = Vocabulary(language)
        var document = ReportDocument(language: language, title: title(words))
        if let scope = filter.scope(schemeNames: schemeNames, words: words) {
            document.blocks.append(.paragraph(scope))
        }
        document.blocks.append(.figures([
            .init(value: words.number(audits.count), label: words.label(.audits)),
            .init(value: words.number(byKind.reduce(0) { $0 + $1.conducted }), label: words.label(.conducted)),
        ]))
        document.blocks += [
            .heading(words.label(.byKind)),
            .table(Table(
                columns: [words.label(.kind), words.label(.audits), words.label(.conducted)], alignments: [.left, .right, .right],
                rows: byKind.map { [words.capitalized(words.auditKind($0.kind)), words.number($0.audits), words.number($0.conducted)] })),
            .heading(words.label(.byMonth)),
            .chart(BarChart(
                title: words.label(.auditsByMonth), series: [words.label(.audits)],
                bars: byMonth.map { .init(label: words.month($0.month), values: [$0.audits]) })),
            .table(Table(
                columns: [words.label(.month), words.label(.audits)], alignments: [.left, .right],
                rows: byMonth.map { [words.month($0.month), words.number($0.audits)] })),
            .heading(words.capitalized(words.label(.audits))),
        ]
        guard !audits.isEmpty else {
            document.blocks.append(.paragraph(words.label(.nothing)))
            return document
        }
        document.blocks.append(.table(Table(
            columns: [words.label(.day), words.label(.audit), words.label(.member), words.label(.departement), words.label(.scheme),
                      words.label(.kind), words.label(.state), words.label(.location), words.label(.auditors), words.label(.findings).lowercased()],
            alignments: [.left, .left, .left, .left, .left, .left, .left, .left, .left, .right],
            rows: audits.map { item in
                [words.shortDate(item.day), item.id.rawValue, item.member.name, item.member.departement, item.schemeName,
                 words.auditKind(item.kind), words.auditState(item.state), item.location, item.auditors.joined(separator: ", "),
                 words.number(item.findings)]
            })))
        return document
    }

    /// Every audit as RFC 4180 CSV, with ISO dates; auditors joined by `; `.
    public func csv() -> String {
        CSVText.write([[
            "id", "day", "member", "name", "region", "departement", "type", "scheme", "kind", "state", "location",
            "auditors", "findings",
        ]] + audits.map { item in
            [item.id.rawValue, item.day.description, item.member.id.rawValue, item.member.name, item.member.region,
             item.member.departement, item.member.type, item.scheme.rawValue, item.kind.rawValue, item.state.rawValue,
             item.location, item.auditors.joined(separator: "; "), String(item.findings)]
        })
    }

    /// The programme as an RFC 5545 calendar: one all-day event per audit, its UID the audit id.
    public func ics(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let events = audits.map { item in
            let place = "\(item.member.name) (\(item.member.departement))"
            var description = [
                words.labelled(words.label(.audit), item.id.rawValue),
                words.labelled(words.label(.member), "\(place), \(item.member.region)"),
                words.labelled(words.label(.scheme), item.schemeName),
                words.labelled(words.label(.state), words.auditState(item.state)),
            ]
            if !item.auditors.isEmpty {
                description.append(words.labelled(words.label(.auditors), item.auditors.joined(separator: ", ")))
            }
            return ICalendar.Event(
                uid: "\(item.id.rawValue)@cedre", day: item.day,
                summary: "\(words.capitalized(words.auditKind(item.kind))) \(item.schemeName) — \(place)",
                description: description.joined(separator: "\n"),
                location: "\(item.location) (\(item.member.departement))",
                status: AuditProgramme.calendarStatus(item.state))
        }
        return ICalendar(name: title(words), stamp: asOf, events: events).text()
    }

    private func title(_ words: Vocabulary) -> String {
        "\(words.label(.auditsTitle)) \(words.date(from)) \(words.label(.to)) \(words.date(to))"
    }

    private var schemeNames: [SchemeID: String] {
        Dictionary(audits.map { ($0.scheme, $0.schemeName) }, uniquingKeysWith: { first, _ in first })
    }

    /// RFC 5545 `STATUS`: held or confirmed audits are confirmed, planned ones tentative.
    static func calendarStatus(_ state: Audit.State) -> String {
        switch state {
        case .planned, .postponed: "TENTATIVE"
        case .confirmed, .conducted, .reported, .closed: "CONFIRMED"
        case .cancelled: "CANCELLED"
        }
    }
}
