import Foundation
import Testing

@testable import CedreJSON

/// `SimplePattern` must answer exactly as `NSRegularExpression` does on the patterns it takes,
/// and leave every other pattern to it.
@Suite struct SimplePatternTests {
    /// The simple patterns of `Schemas/json/` and some that exercise each construct.
    static let simple = [
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "^A-[0-9]{4}-[0-9]{4,}$", "^F-[0-9]{4}-[0-9]{4,}$", "^[0-9]{1,20}$",
        "^[0-9]+$", "^[0-9]{4}-[0-9]{2}$", "^[a-z0-9][a-z0-9-]*$", "^audit\\.", "^event\\.", "[0-9]", "A-?[0-9]*9$",
        "^a*a$", "[._-]{2}", "^\\$[0-9]+$", "x{2,3}y?$", "^$", "^[a-c][a-c]*[a-c]{2}$",
    ]

    /// Patterns with what is left to `NSRegularExpression`.
    static let notSimple = [
        "^(AI|ACI)$", "^[^a]$", "a.b", "\\d+", "[a-z&&[^b]]", "a{2", "a*?", "a++", "é+", "^\\w$", "[a-[b]]", "a|b", "a{3,1}",
    ]

    @Test func takesOnlySimplePatterns() {
        for pattern in Self.simple { #expect(SimplePattern(pattern) != nil, "\(pattern)") }
        for pattern in Self.notSimple { #expect(SimplePattern(pattern) == nil, "\(pattern)") }
    }

    @Test func answersAsTheRegularExpressionDoes() throws {
        // Every text of up to three characters of an alphabet that each pattern tells apart,
        // then longer ones at the quantifiers' bounds.
        let alphabet = "aAcFx09-._$\n/é".map(String.init)
        var texts = [""]
        var shorter = [""]
        for _ in 1...3 {
            shorter = shorter.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += shorter
        }
        texts += ["A-2013-0001", "F-2014-12345", "A-2013-001", "solipass", "-solipass", "abc\n", "$12", "xxxy", "aaaaa"]
        texts += [String(repeating: "a", count: 64), String(repeating: "a", count: 65), String(repeating: "1", count: 21)]
        for pattern in Self.simple {
            let simple = try #require(SimplePattern(pattern))
            let regex = try NSRegularExpression(pattern: JSONSchema.icuPattern(pattern))
            for text in texts {
                let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                #expect(simple.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
            }
        }
    }
}
