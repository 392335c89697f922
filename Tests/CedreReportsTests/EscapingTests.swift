import CSV
import CedreCore
import Foundation
import Testing

@testable import CedreReports

/// One escaping layer per output kind (issue 13): no control sequence, markup or formula
/// from the data reaches its reader.
@Suite struct EscapingTests {
    /// The review's payloads: a formula, terminal escapes (clear screen, set title), a
    /// carriage return, markup, a forged Markdown row, Unicode line and bidi controls.
    static let payloads = [
        "=HYPERLINK(\"http://x\";\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
        "clear\u{1B}[2J\u{1B}[H", "title\u{1B}]0;owned\u{07}", "over\rwrite", "csi\u{9B}31m",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a | b\n| forged | row |", "line\u{2028}break",
        "par\u{2029}graph", "bidi\u{202E}txt", "**bold** _it_ [link](http://x) `code` # h", "1. list", "- item", "&amp;",
    ]

    @Test(arguments: payloads)
    func theTerminalShowsEveryControlCharacterAsAVisibleEscape(_ payload: String) {
        let shown = TerminalText.escape(payload)
        #expect(shown.firstControlOrLineBreak == nil)
        let table = Table(columns: ["name"], rows: [[payload]]).text(style: TerminalStyle(width: 40, colour: true))
        let withoutStyle = table.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(!withoutStyle.contains("\u{1B}"))
        #expect(withoutStyle.split(separator: "\n").count == 3)
    }

    @Test func aTableEscapesAndMeasuresEveryCellAsTheEscapingLayerAndItsWidthSay() {
        // Tables read each cell's bytes once, for its width and for what may steer: every
        // scalar below U+3000, and the bidirectional controls and separators above, inside a
        // cell, show as the escaping layer writes them, padded to the width it counts.
        let values = Array(UInt32(0)..<0x3000) + [0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF, 0x1F44D]
        // Each scalar early in a cell and inside the bytes read eight at a time.
        for value in values {
            for prefix in ["x", "abcdefghijk"] {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let cell = prefix + String(scalar) + "yz0123456789"
                let shown = TerminalText.escape(cell)
                let width = max(Table.width(shown), 2)
                let expected = "c" + String(repeating: " ", count: width - 1) + "  n\n"
                    + String(repeating: "─", count: width) + "  ─\n"
                    + shown + String(repeating: " ", count: width - Table.width(shown)) + "  1\n"
                let text = Table(columns: ["c", "n"], rows: [[cell, "1"]]).text(style: .plain)
                if text != expected { Issue.record("U+\(String(value, radix: 16, uppercase: true)): \(text.debugDescription)") }
            }
        }
    }

    @Test func theByteCheckFindsEveryScalarThatSteersAndNoOther() {
        // Every scalar of the planes text uses, alone and inside French text: the byte check
        // agrees with the scalar rule.
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected: Unicode.Scalar? = scalar.isControlOrLineBreak ? scalar : nil
            let text = "Échéance \(String(scalar)) à Angers"
            guard String(scalar).firstControlOrLineBreak != expected || text.firstControlOrLineBreak != expected else { continue }
            Issue.record("U+\(String(value, radix: 16, uppercase: true)) is found as \(String(describing: text.firstControlOrLineBreak))")
        }
    }

    @Test func terminalEscapesReadAsTheirCharacters() {
        #expect(TerminalText.escape("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.escape("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(TerminalText.escape("x\u{2028}\u{9B}") == "x\\u{2028}\\u{9B}")
        #expect(TerminalText.escape("Société Générale — 49") == "Société Générale — 49")
        #expect(TerminalText.escapeLines("one\u{1B}\ntwo") == "one\\u{1B}\ntwo")
    }

    @Test(arguments: payloads)
    func markdownKeepsEveryPayloadOnOneLineWithoutMarkup(_ payload: String) {
        let escaped = MarkdownText.escape(payload)
        #expect(!escaped.contains("\n") && !escaped.contains("\r") && escaped.firstControlOrLineBreak == nil)
        #expect(!escaped.contains("<") && !escaped.contains(">"))
        let table = Table(columns: ["name"], rows: [[payload]]).markdown()
        #expect(table.split(separator: "\n").count == 3)
        #expect(table.split(separator: "\n").last?.filter { $0 == "|" }.count == 2 + escaped.filter { $0 == "|" }.count)
    }

    @Test func markdownEscapesMarkupAndBlockOpenersButKeepsPlainText() {
        #expect(MarkdownText.escape("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;")
        #expect(MarkdownText.escape("**x** [l](u)") == "\\*\\*x\\*\\* \\[l\\](u)")
        #expect(MarkdownText.escape("- item") == "\\- item")
        #expect(MarkdownText.escape("12. item") == "12\\. item")
        #expect(MarkdownText.escape("    code") == "code")
        #expect(MarkdownText.escape("a\r\nb\u{2028}c") == "a b c")
        #expect(MarkdownText.escape("AIDER 45 - ACI (2013-12-31)") == "AIDER 45 - ACI (2013-12-31)")
    }

    @Test(arguments: payloads)
    func csvNeutralisesFormulasAndRoundTripsThroughAReader(_ payload: String) throws {
        let text = CSVText.write([["name", "n"], [payload, "1"]])
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let row = try #require(reader.next())
        #expect(row.count == 2)
        let cell = try #require(row.first)
        #expect(!["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) })
        #expect(cell == CSVText.cell(payload))
        #expect(cell == payload || cell == "'" + payload)
        #expect(reader.next() == nil)
    }

    @Test func csvLeavesOrdinaryCellsAlone() {
        #expect(CSVText.cell("SOLIPASS") == "SOLIPASS")
        #expect(CSVText.cell("2013-05-02") == "2013-05-02")
        #expect(CSVText.cell("a=b") == "a=b")
        #expect(CSVText.cell("-1") == "'-1")
    }

    @Test(arguments: payloads)
    func icsValuesKeepToTheirLineAndCarryNoControlCharacter(_ payload: String) {
        let calendar = ICalendar(name: payload, stamp: "2014-01-01", events: [
            ICalendar.Event(uid: "x-\(payload)@cedre", day: "2014-03-01", summary: payload, description: payload, location: payload, status: "CONFIRMED"),
        ]).text()
        let lines = calendar.components(separatedBy: "\r\n").dropLast()
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 18)
        for line in lines {
            #expect(line.firstControlOrLineBreak == nil, "\(line.debugDescription)")
            #expect(line.first == " " || line.contains(":"), "\(line.debugDescription)")
        }
        #expect(lines.filter { $0.hasPrefix("BEGIN:") || $0.hasPrefix("END:") }.count == 4)
    }

    @Test(arguments: payloads)
    func htmlShowsMarkupAsText(_ payload: String) {
        let page = ReportDocument(language: .en, title: payload, blocks: [
            .paragraph(payload), .table(Table(columns: ["name"], rows: [[payload]])), .list([.init(text: payload, note: payload)]),
        ]).html()
        #expect(!page.contains("<script") && !page.contains("<img"))
    }

    @Test(arguments: payloads)
    func jsonEscapesEveryControlCharacter(_ payload: String) throws {
        let text = try JSONText.write(["name": payload])
        let body = text.dropLast()
        #expect(body.unicodeScalars.allSatisfy { !$0.isControlOrLineBreak || $0 == "\n" })
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == ["name": payload])
    }
}
