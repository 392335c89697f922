import CedreJSON
import Testing

/// The one JSON string writer: its bytes are hashed into the log's chain, so they are pinned.
@Suite struct JSONStringTests {
    @Test func escapesWhatJSONRequiresAndNothingElse() {
        #expect(JSONString.literal("SOLIPASS \"Éco\" / Angers\\\n\r\t") == #""SOLIPASS \"Éco\" / Angers\\\n\r\t""#)
        #expect(JSONString.literal("\u{08}\u{0C}\u{01}\u{1F}") == #""\u0008\u000c\u0001\u001f""#)
        #expect(JSONString.literal("") == #""""#)
    }

    @Test(arguments: 0..<128)
    func everyASCIICharacterReadsBackAsItself(code: Int) throws {
        let text = "a" + String(UnicodeScalar(UInt8(code))) + "é"
        #expect(try JSONParser.parse(JSONString.literal(text)).stringValue == text)
    }
}
