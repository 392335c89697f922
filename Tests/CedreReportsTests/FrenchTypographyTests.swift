import CedreReports
import Foundation
import Testing

/// French sentences get their typographic spaces as the six replacements officers' documents
/// follow would give them, whatever the order the marks come in.
@Suite struct FrenchTypographyTests {
    /// The rule as six replacements applied one after the other, each over the whole text.
    private func replaced(_ text: String) -> String {
        text
            .replacingOccurrences(of: " :", with: "\u{00A0}:")
            .replacingOccurrences(of: " ;", with: "\u{202F};")
            .replacingOccurrences(of: " ?", with: "\u{202F}?")
            .replacingOccurrences(of: " !", with: "\u{202F}!")
            .replacingOccurrences(of: "« ", with: "«\u{00A0}")
            .replacingOccurrences(of: " »", with: "\u{00A0}»")
    }

    @Test func everyTextOfUpToFourMarksIsTypesetAsTheReplacementsWould() {
        // Given every text of up to four characters among spaces, the marks and a letter
        let alphabet: [Character] = [" ", ":", ";", "?", "!", "«", "»", "é"]
        var texts = [""]
        var last = [""]
        for _ in 1...4 {
            last = last.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += last
        }
        // Then each French sentence reads as the replacements make it, and English is left as is
        let french = Vocabulary(.fr)
        let english = Vocabulary(.en)
        let wrong = texts.filter { french.say($0, "") != replaced($0) }
        #expect(wrong.isEmpty, "first: \(wrong.prefix(3).map { Array($0.unicodeScalars) })")
        #expect(texts.allSatisfy { english.say("", $0) == $0 })
    }

    @Test func aSentenceGetsEachOfItsSpaces() {
        #expect(Vocabulary(.fr).say("« cedre » refuse : pourquoi ? voir ; non !", "")
            == "«\u{00A0}cedre\u{00A0}» refuse\u{00A0}: pourquoi\u{202F}? voir\u{202F}; non\u{202F}!")
    }
}
