import Foundation

extension ReportDocument {
    /// The document for a terminal: headings, aligned tables fitted to the style's width,
    /// lists with their notes in a column. Charts are left out (their numbers are in tables).
    ///
    /// Every text of the document goes through the terminal escaping layer (tables escape
    /// their own cells), so the data cannot steer the terminal.
    public func text(style: TerminalStyle = .plain) -> String {
        var lines = [style.bold(TerminalText.escape(title))]
        var afterHeading = false
        for block in renderedBlocks.map(\.escapedForTerminal) {
            if case .chart = block { continue }
            if !afterHeading { lines.append("") }
            afterHeading = false
            switch block {
            case .heading(let text), .subheading(let text):
                lines.append(style.bold(text))
                afterHeading = true
            case .paragraph(let text):
                lines += ReportDocument.wrap(text, width: style.width)
            case .figures(let figures):
                lines += ReportDocument.wrap(figures.map { "\($0.value) \($0.label)" }, separator: " · ", width: style.width)
            case .table(let table):
                // Its lines whole, its last byte (the last line feed) left to the join:
                // splitting a drawn table walked each of its characters (a tenth of a
                // 1,000-member status report's main thread).
                lines.append(String(decoding: table.text(style: style).utf8.dropLast(), as: UTF8.self))
            case .list(let items):
                lines += ReportDocument.listLines(items, width: style.width)
            case .chart:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Items indented by two (four when nested), notes aligned in a column after the longest line.
    ///
    /// Each text and note is counted once (a count walks its characters): a status report
    /// lists hundreds of members.
    static func listLines(_ items: [ListItem], width: Int?) -> [String] {
        let sizes = items.map { (indent: $0.isNested ? 4 : 2, text: $0.text.count, note: $0.note?.count) }
        let textWidth = sizes.map { $0.indent + $0.text }.max() ?? 0
        let noteWidth = sizes.compactMap(\.note).max() ?? 0
        let available = width.map { max(Table.minimumFittedWidth, $0 - (noteWidth > 0 ? noteWidth + 2 : 0)) } ?? textWidth
        let column = min(textWidth, available)
        return zip(items, sizes).map { item, size in
            let room = max(1, column - size.indent)
            // `Table.cut` keeps a text that fits and cuts a longer one to exactly `room`.
            let text = String(repeating: " ", count: size.indent) + (size.text > room ? Table.cut(item.text, to: room) : item.text)
            guard let note = item.note else { return text }
            return text + String(repeating: " ", count: max(0, column - size.indent - min(size.text, room))) + "  " + note
        }
    }

    /// Words (or parts joined by `separator`) wrapped greedily at `width`; one line when there is no width.
    static func wrap(_ text: String, width: Int?) -> [String] {
        wrap(text.split(separator: " ").map(String.init), separator: " ", width: width)
    }

    static func wrap(_ parts: [String], separator: String, width: Int?) -> [String] {
        guard let width else { return [parts.joined(separator: separator)] }
        var lines: [String] = []
        var current = ""
        for part in parts {
            if current.isEmpty {
                current = part
            } else if current.count + separator.count + part.count <= width {
                current += separator + part
            } else {
                lines.append(current)
                current = part
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension ReportDocument.Block {
    /// The block with its texts through the terminal escaping layer; a table escapes its cells when drawn.
    fileprivate var escapedForTerminal: ReportDocument.Block {
        switch self {
        case .heading(let text): .heading(TerminalText.escape(text))
        case .subheading(let text): .subheading(TerminalText.escape(text))
        case .paragraph(let text): .paragraph(TerminalText.escape(text))
        case .figures(let figures):
            .figures(figures.map { ReportDocument.Figure(value: TerminalText.escape($0.value), label: TerminalText.escape($0.label)) })
        case .list(let items):
            .list(items.map {
                ReportDocument.ListItem(
                    text: TerminalText.escape($0.text), note: $0.note.map(TerminalText.escape), isNested: $0.isNested,
                    category: $0.category)
            })
        case .table, .chart: self
        }
    }
}
