import CedreJSON
import Foundation
import Testing

/// `JSONParser.forEachFlatMember`: a payload written the canonical way is read as `parse` reads
/// it; any other text is left to `parse`, which reads it or says where it is wrong.
@Suite struct FlatObjectTests {
    /// The members `forEachFlatMember` hands over, as a document; nil when it refuses the text.
    private static func flatObject(_ text: String) -> JSONValue? {
        var members: [JSONValue.Member] = []
        let read = JSONParser.forEachFlatMember(text) { key, value in
            let content: JSONValue.Content
            switch value {
            case .text(let text): content = .string(text)
            case .wholeNumber(let number): content = .number(String(number))
            case .bool(let flag): content = .bool(flag)
            case .texts(let texts): content = .array(texts.map { JSONValue(.string($0)) })
            }
            members.append(JSONValue.Member(key: String(decoding: key, as: UTF8.self), value: JSONValue(content)))
            return true
        }
        guard read else { return nil }
        return JSONValue(.object(members))
    }

    @Test(arguments: [
        #"{}"#,
        #"{"member":"solipass","scheme":"cedre"}"#,
        #"{"affected":true,"audit":"A-2013-0001","ungrouped":false,"year":2014}"#,
        #"{"auditors":["Lemoine","Dubois"],"target":-12,"validityMonths":0}"#,
        #"{"a":9223372036854775807,"b":-9223372036854775807}"#,
        #"{"auditors":[],"statement":"Écart sur la revue de direction — 8.3","x":"日本"}"#,
        #"{"":"","a":"b"}"#,
    ])
    func aCanonicalObjectIsReadAsParseReadsIt(text: String) throws {
        let flat = try #require(Self.flatObject(text))
        #expect(flat == (try JSONParser.parse(text)))
    }

    @Test(arguments: [
        #" {"a":"b"}"#, #"{"a": "b"}"#, #"{"a":"b"} "#, #"{"a":"b"}x"#, "\u{FEFF}{\"a\":\"b\"}",
        #"{"a":"b\"c"}"#, #"{"a":"b\nc"}"#, #"{"a\u0041":"b"}"#, "{\"a\":\"b\u{01}c\"}",
        #"{"b":"1","a":"2"}"#, #"{"a":"1","a":"2"}"#,
        #"{"a":null}"#, #"{"a":{"b":"c"}}"#, #"{"a":[1]}"#, #"{"a":[["b"]]}"#, #"{"a":1.5}"#, #"{"a":1e3}"#,
        #"{"a":01}"#, #"{"a":-}"#, #"{"a":9223372036854775808}"#, #"{"a":-9223372036854775808}"#,
        #"{"a":tru}"#, #"{"a":"b",}"#, #"{"a":["b",]}"#, #"{"a""b"}"#, #"{"a":"b""#,
        #"["a"]"#, #""a""#, "",
    ])
    func anyOtherTextIsLeftToParse(text: String) {
        #expect(Self.flatObject(text) == nil)
    }

    /// The caller refusing a member ends the reading there: no member after it is handed over.
    @Test func aMemberTheCallerRefusesEndsTheReading() {
        var keys: [String] = []
        let read = JSONParser.forEachFlatMember(#"{"a":"1","b":"2","c":"3"}"#) { key, _ in
            keys.append(String(decoding: key, as: UTF8.self))
            return keys.last != "b"
        }
        #expect(!read)
        #expect(keys == ["a", "b"])
    }

    @Test func randomCanonicalObjectsAreReadAsParseReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzÉéèàçœ -/.:,0123456789日")
        func word() -> String { String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<500 {
            let keys = Set((0..<Int.random(in: 0...8, using: &generator)).map { _ in word() })
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            let members = keys.map { key -> String in
                let value: String
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: value = "\"\(word())\""
                case 1: value = Bool.random(using: &generator) ? "true" : "false"
                case 2: value = String(Int.random(in: -1_000_000...1_000_000, using: &generator))
                case 3: value = "[" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in "\"\(word())\"" }.joined(separator: ",") + "]"
                default: value = "0"
                }
                return "\"\(key)\":\(value)"
            }
            let text = "{" + members.joined(separator: ",") + "}"
            let flat = try #require(Self.flatObject(text), "\(text)")
            #expect(flat == (try JSONParser.parse(text)), "\(text)")
        }
    }
}
