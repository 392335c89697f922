import CedreCore
import Foundation
import Testing

/// `trimmingSpaces` trims what Foundation's `trimmingCharacters(in: .whitespaces)` trims, and
/// nothing else: every import cell and member type goes through it.
@Suite struct SpaceTrimmingTests {
    /// Every space separator (general category Zs), the tab, the zero-width space, and what is
    /// close to them but kept: line breaks, the zero-width no-break space, controls, letters, accents.
    private static let pieces: [String] = [
        " ", "\t", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}",
        "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{200C}", "\u{FEFF}", "\u{1B}",
        "a", "É", "e\u{301}", "+", "AI", "🇫🇷", "",
    ]

    @Test func itTrimsWhatFoundationTrims() {
        var random = SeededGenerator(seed: 9001)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.codePointName))")
            let part = text.split(separator: "a", omittingEmptySubsequences: false).first ?? ""
            #expect(part.trimmingSpaces == part.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Every scalar Foundation trims, and no other (none is beyond U+FFFF: no space separator is).
    @Test func itTrimsTheScalarsFoundationTrims() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            #expect(text.trimmingSpaces.isEmpty == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(scalar.codePointName)")
        }
    }

    @Test func itKeepsWhatIsInside() {
        #expect(" \u{A0}AI + ACI\t".trimmingSpaces == "AI + ACI")
        #expect("\u{3000}\n".trimmingSpaces == "\n")
        #expect(" \t ".trimmingSpaces.isEmpty)
    }
}
