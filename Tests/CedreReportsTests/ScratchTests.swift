import CedreCore
import CedreReports
import Testing

@Suite struct ScratchTests {
    @Test func printAll() throws {
        let style = TerminalStyle(width: 120, colour: false)
        print(Network2013.status.document(.fr).text(style: style))
        print(Network2013.certifications.document(.fr).text(style: style))
        print(Network2013.findings.document(.fr).text(style: style))
        print(Network2013.audits.document(.en).text(style: style).prefix(3000))
    }
}
