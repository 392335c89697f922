import Foundation

/// A report laid out as a sequence of blocks, before any format: the terminal, Markdown and
/// HTML renderers all walk the same document, so the three always say the same thing.
public struct ReportDocument: Equatable, Sendable {
    /// One piece of the layout.
    public enum Block: Equatable, Sendable {
        /// A section title.
        case heading(String)
        /// A title inside a section (a region of the yearly list).
        case subheading(String)
        case paragraph(String)
        /// The headline numbers, each a value and what it counts.
        case figures([Figure])
        case table(Table)
        case list([ListItem])
        /// A chart: drawn in HTML only, its numbers are always in a table too.
        case chart(BarChart)
    }

    /// A headline number: « 115 » « certifiés ».
    public struct Figure: Equatable, Sendable {
        /// The number, formatted.
        public let value: String
        /// What it counts.
        public let label: String

        /// A figure.
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// A line of a list, with an optional note set apart (the category the printed report showed by colour).
    public struct ListItem: Equatable, Sendable {
        /// The line.
        public let text: String
        /// What the line is, set apart.
        public let note: String?
        /// Printed indented, under the line before (a company under its GES).
        public let isNested: Bool
        /// The legend entry it belongs to, for HTML marks that survive black-and-white printing.
        public let category: Int?

        /// A list line.
        public init(text: String, note: String? = nil, isNested: Bool = false, category: Int? = nil) {
            self.text = text
            self.note = note
            self.isNested = isNested
            self.category = category
        }
    }

    /// The language the words are in, for `lang` and the footer.
    public let language: ReportLanguage
    /// The report's title.
    public let title: String
    /// The layout, top to bottom.
    public var blocks: [Block]

    /// A document titled `title`.
    public init(language: ReportLanguage, title: String, blocks: [Block] = []) {
        self.language = language
        self.title = title
        self.blocks = blocks
    }

    /// The blocks as renderers draw them: an empty table says « Aucun. », a chart with nothing
    /// to draw is left out.
    var renderedBlocks: [Block] {
        blocks.compactMap { block in
            switch block {
            case .table(let table) where table.rows.isEmpty:
                return .paragraph(Vocabulary(language).label(.nothing))
            case .chart(let chart) where chart.bars.allSatisfy({ $0.total == 0 }):
                return nil
            default:
                return block
            }
        }
    }
}
