import Foundation
import Testing

@testable import CedreJSON

@Suite struct JSONParserTests {
    private func parseError(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ data: Data) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(data)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Values

    @Test func parsesScalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == true)
        #expect(try JSONParser.parse("false") == false)
        #expect(try JSONParser.parse("\"text\"") == "text")
        #expect(try JSONParser.parse(" 42 ") == 42)
    }

    @Test func parsesNestedArraysAndObjectsInDocumentOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, {"c": null}], "a": {}}"#)
        #expect(value == ["b": [1, ["c": nil]], "a": [:]])
        #expect(value.objectMembers?.map(\.key) == ["b", "a"])
        #expect(value["b"]?.arrayValue?.count == 2)
        #expect(value["missing"] == nil)
    }

    @Test(arguments: ["0", "-0", "7", "-12", "0.6", "-12.50", "1e3", "1E+3", "2.5e-7", "-0.0E0"])
    func keepsNumberLiteralsAsWritten(_ literal: String) throws {
        #expect(try JSONParser.parse(literal).content == .number(literal))
    }

    @Test func readsNumbersAsIntOnlyWhenWrittenAsIntegers() throws {
        #expect(try JSONParser.parse("-12").intValue == -12)
        #expect(try JSONParser.parse("12.0").intValue == nil)
        #expect(try JSONParser.parse("1e1").intValue == nil)
        #expect(try JSONParser.parse("12.0").doubleValue == 12)
        #expect(try JSONParser.parse("0.6").doubleValue == 0.6)
        #expect(try JSONParser.parse("\"12\"").intValue == nil)
    }

    // MARK: Strings

    @Test func decodesEveryEscape() throws {
        let value = try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u00E9 \u0000""#)
        #expect(value.stringValue == "\" \\ / \u{08} \u{0C} \n \r \t A é é \u{00}")
    }

    @Test func joinsSurrogatePairsIntoOneScalar() throws {
        let value = try JSONParser.parse(#""\uD83D\uDE00 \ud83c\udf32""#)
        #expect(value.stringValue == "😀 🌲")
        #expect(value.stringValue?.unicodeScalars.count == 3)
    }

    @Test func keepsRawUTF8Text() throws {
        #expect(try JSONParser.parse(#""Étang-Salé 日本 😀""#).stringValue == "Étang-Salé 日本 😀")
    }

    @Test func rejectsALoneHighSurrogate() {
        let error = parseError(#""\uD83D""#)
        #expect(error?.column == 8)
        #expect(error?.message == #"expected a \uDC00-\uDFFF low surrogate after the high surrogate \uD83D"#)
        #expect(parseError(#""\uD83D\u0041""#)?.message.contains("low surrogate") == true)
    }

    @Test func rejectsALoneLowSurrogateAtItsEscape() {
        let error = parseError(#"["\uDE00"]"#)
        #expect(error?.description == #"line 1, column 3: expected a high surrogate before the low surrogate \uDE00"#)
    }

    @Test func rejectsUnknownEscapes() {
        let error = parseError(#""a\x""#)
        #expect(error?.description == #"line 1, column 4: expected one of " \ / b f n r t u after '\', found 'x'"#)
    }

    @Test func rejectsShortUnicodeEscapes() {
        let error = parseError(#""\u12G4""#)
        #expect(error?.description == #"line 1, column 6: expected four hexadecimal digits after '\u', found 'G'"#)
    }

    @Test func rejectsRawControlCharactersInStrings() {
        let tab = parseError("\"a\tb\"")
        #expect(tab?.column == 3)
        #expect(tab?.message == #"expected '"' to close the string or an escape such as \n, found a tab"#)
        let lineBreak = parseError("[\"abc\n\"]")
        #expect(lineBreak?.line == 1)
        #expect(lineBreak?.column == 6)
        #expect(parseError("\"\u{01}\"")?.message.contains("U+0001") == true)
    }

    @Test func rejectsUnterminatedStrings() {
        #expect(
            parseError("\"abc")?.description
                == #"line 1, column 5: expected '"' to close the string, found the end of the document"#)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(parseError(Data([0x22, 0xFF, 0x22]))?.message == "expected UTF-8 text, found an invalid byte")
        #expect(parseError(Data([0x22, 0xC3, 0x22]))?.message == "expected UTF-8 text, found an invalid byte sequence")
        #expect(parseError(Data([0x22, 0xED, 0xA0, 0x80, 0x22])) != nil)  // an encoded surrogate
        #expect(parseError(Data([0x22, 0xC0, 0xAF, 0x22])) != nil)  // an overlong '/'
    }

    // MARK: Lines and columns

    @Test func recordsTheLineOfEveryValueAndKey() throws {
        let text = "[\n  {\n    \"id\": \"a\",\n    \"tags\": [\n      1,\n      2\n    ]\n  }\n]\n"
        let value = try JSONParser.parse(text)
        let row = try #require(value.arrayValue?.first)
        #expect(value.line == 1)
        #expect(row.line == 2)
        #expect(row.objectMembers?.map(\.keyLine) == [3, 4])
        #expect(row["id"]?.line == 3)
        #expect(row["tags"]?.line == 4)
        #expect(row["tags"]?.arrayValue?.map(\.line) == [5, 6])
    }

    @Test func countsCRLFAsOneLineBreak() throws {
        let value = try JSONParser.parse("{\r\n\"a\": 1,\r\n\r\n\"b\": 2\r\n}")
        #expect(value["a"]?.line == 2)
        #expect(value["b"]?.line == 4)
        let error = parseError("[\r\n1,\r\n]")
        #expect(error?.line == 3)
        #expect(error?.column == 1)
    }

    @Test func countsALoneCarriageReturnAsALineBreak() throws {
        #expect(try JSONParser.parse("[\r1,\r2]").arrayValue?.map(\.line) == [2, 3])
    }

    @Test func countsColumnsInScalarsNotBytes() {
        #expect(parseError(#"["é😀" x]"#)?.column == 7)
    }

    @Test func skipsAByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        #expect(try JSONParser.parse(data) == [1])
        #expect(parseError(Data([0xEF, 0xBB, 0xBF] + Array("[1,]".utf8)))?.column == 4)
    }

    // MARK: Syntax errors

    @Test func rejectsTrailingCommaInArrays() {
        #expect(
            parseError("[1,]")?.description
                == "line 1, column 4: expected a JSON value after ',', found ']' (a trailing comma is not allowed)")
    }

    @Test func rejectsTrailingCommaInObjects() {
        let error = parseError("{\n  \"a\": 1,\n}")
        #expect(
            error?.description
                == "line 3, column 1: expected a string key after ',', found '}' (a trailing comma is not allowed)")
    }

    @Test func rejectsNonStringKeys() {
        #expect(parseError("{a: 1}")?.description == "line 1, column 2: expected a string key after '{', found 'a'")
    }

    @Test func rejectsAMissingColon() {
        #expect(
            parseError(#"{"a" 1}"#)?.description
                == #"line 1, column 6: expected ':' after the object key "a", found '1'"#)
    }

    @Test func rejectsAMissingCommaBetweenMembers() {
        #expect(
            parseError(#"{"a": 1 "b": 2}"#)?.description
                == #"line 1, column 9: expected ',' or '}' after an object member, found '"'"#)
    }

    @Test func rejectsAMissingCommaBetweenElements() {
        #expect(
            parseError("[1 2]")?.description
                == "line 1, column 4: expected ',' or ']' after an array element, found '2'")
    }

    @Test func rejectsUnclosedContainers() {
        #expect(
            parseError("[1")?.description
                == "line 1, column 3: expected ',' or ']' after an array element, found the end of the document")
        #expect(parseError(#"{"a": "#)?.message == "expected a JSON value, found the end of the document")
    }

    @Test func rejectsTrailingGarbage() {
        #expect(
            parseError("[1]\n x")?.description
                == "line 2, column 2: expected the end of the document after the JSON value, found 'x'")
        #expect(parseError("{} {}")?.column == 4)
    }

    @Test func rejectsAnEmptyDocument() {
        #expect(parseError("")?.description == "line 1, column 1: expected a JSON value, found the end of the document")
        #expect(parseError(" \n ")?.line == 2)
    }

    @Test func rejectsMisspelledLiterals() {
        #expect(parseError("[nul]")?.description == "line 1, column 2: expected 'null'")
        #expect(
            parseError("True")?.message
                == "expected a JSON value (object, array, string, number, true, false or null), found 'T'")
        #expect(parseError("[tru")?.message == "expected 'true'")
        #expect(parseError("falsey")?.column == 6)
    }

    @Test func rejectsDuplicateKeysAtTheSecondKey() {
        let error = parseError("{\n  \"x\": 1,\n  \"x\": 2\n}")
        #expect(error?.description == #"line 3, column 3: duplicate key "x", already defined on line 2"#)
    }

    /// Small objects compare keys one by one, large ones hash them: both refuse a duplicate,
    /// wherever it falls, with the line of the first.
    @Test(arguments: [(keys: 5, duplicateOf: 2), (keys: 16, duplicateOf: 15), (keys: 40, duplicateOf: 3), (keys: 40, duplicateOf: 30)])
    func rejectsDuplicateKeysInObjectsOfEverySize(keys: Int, duplicateOf: Int) throws {
        let members = (1...keys).map { "  \"k\($0)\": \($0)" } + ["  \"k\(duplicateOf)\": 0"]
        let error = parseError("{\n" + members.joined(separator: ",\n") + "\n}")
        #expect(error?.description == "line \(keys + 2), column 3: duplicate key \"k\(duplicateOf)\", already defined on line \(duplicateOf + 1)")
        let distinct = (1...keys).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(try JSONParser.parse("{" + distinct + "}").objectMembers?.count == keys)
    }

    @Test func allowsTheSameKeyInDifferentObjects() throws {
        #expect(try JSONParser.parse(#"[{"x": 1}, {"x": 2, "y": {"x": 3}}]"#).arrayValue?.count == 2)
    }

    // MARK: Numbers

    @Test func rejectsLeadingZeros() {
        #expect(
            parseError("[-01]")?.description
                == "line 1, column 2: expected no leading zero in a number (write 7, not 07)")
        #expect(parseError("00")?.column == 1)
    }

    @Test func rejectsIncompleteNumbers() {
        #expect(
            parseError("-")?.description
                == "line 1, column 2: expected a digit after '-', found the end of the document")
        #expect(
            parseError("1.")?.description
                == "line 1, column 3: expected a digit after the decimal point, found the end of the document")
        #expect(
            parseError("1e+]")?.description == "line 1, column 4: expected a digit after the exponent marker, found ']'"
        )
        #expect(parseError("-a")?.message == "expected a digit after '-', found 'a'")
    }

    @Test func rejectsNumbersJSONDoesNotAllow() {
        #expect(parseError(".5")?.column == 1)
        #expect(parseError("+1")?.column == 1)
        #expect(parseError("0x1F")?.column == 2)
        #expect(parseError("NaN") != nil)
    }

    // MARK: Depth

    @Test func acceptsNestingUpToTheDepthLimit() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONParser.parse(text).arrayValue?.count == 1)
    }

    @Test func rejectsNestingBeyondTheDepthLimit() {
        let depth = JSONParser.maximumDepth + 1
        let text = String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth)
        let error = parseError(text)
        #expect(error?.message == "expected at most 512 levels of nested arrays and objects")
        #expect(error?.column == 6 * 256 + 1)
    }

    @Test func survivesHostileNestingWithoutCrashing() {
        #expect(parseError(String(repeating: "[", count: 100_000)) != nil)
    }

    // MARK: Values built in code

    @Test func equalityIgnoresLines() throws {
        let parsed = try JSONParser.parse("{\n\"a\": [\n1, \"x\", true, null]\n}")
        #expect(parsed == .object(["a": .array([.number("1"), .string("x"), .bool(true), .null])]))
        #expect(parsed != ["a": [1, "x", true, false]])
        #expect(JSONValue(.string("x"), line: 3) == JSONValue(.string("x"), line: 9))
    }

    @Test func buildsValuesFromLiterals() {
        let value: JSONValue = ["name": "Ferme", "share": 0.6, "count": 3, "active": true, "note": nil, "tags": ["a"]]
        #expect(value["share"]?.content == .number("0.6"))
        #expect(value["count"]?.intValue == 3)
        #expect(value["active"]?.boolValue == true)
        #expect(value["note"]?.isNull == true)
        #expect(value["tags"]?.arrayValue == ["a"])
        #expect(value.line == 0)
    }

    @Test func writesCompactJSONThatParsesBack() throws {
        let value: JSONValue = ["a\"b": ["line\nbreak", "\u{01}tab\t", 0.6, -1, true, nil], "é": [:]]
        #expect(value.description == #"{"a\"b":["line\nbreak","\u0001tab\t",0.6,-1,true,null],"é":{}}"#)
        #expect(try JSONParser.parse(value.description) == value)
    }

    @Test func parsesDataAndStringAlike() throws {
        let text = #"{"a": [1, 2.5, "é"]}"#
        #expect(try JSONParser.parse(Data(text.utf8)) == JSONParser.parse(text))
    }
}
