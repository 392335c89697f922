import Foundation
import Testing

@testable import CedreJSON

@Suite struct JSONSchemaTests {
    private func violations(_ schema: JSONValue, _ instance: JSONValue) throws -> [SchemaViolation] {
        try JSONSchema(schema).validate(instance)
    }

    private func messages(_ schema: JSONValue, _ instance: JSONValue) throws -> [String] {
        try violations(schema, instance).map(\.message)
    }

    private func compileError(_ schemaText: String) throws -> JSONSchemaError? {
        let schema = try JSONParser.parse(schemaText)
        do {
            _ = try JSONSchema(schema)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Types and values

    @Test func checksEachType() throws {
        #expect(try messages(["type": "string"], "x").isEmpty)
        #expect(try messages(["type": "string"], 1) == ["must be text, not a number"])
        #expect(try messages(["type": "number"], 2.5).isEmpty)
        #expect(try messages(["type": "number"], "2.5") == ["must be a number, not text"])
        #expect(try messages(["type": "boolean"], false).isEmpty)
        #expect(try messages(["type": "boolean"], nil) == ["must be true or false, not null"])
        #expect(try messages(["type": "null"], nil).isEmpty)
        #expect(try messages(["type": "object"], [:]).isEmpty)
        #expect(try messages(["type": "object"], []) == ["must be an object, not a list"])
        #expect(try messages(["type": "array"], []).isEmpty)
        #expect(try messages(["type": "array"], [:]) == ["must be a list, not an object"])
    }

    @Test func acceptsIntegralNumbersAsIntegers() throws {
        #expect(try messages(["type": "integer"], 2).isEmpty)
        #expect(try messages(["type": "integer"], .number("2.0")).isEmpty)
        #expect(try messages(["type": "integer"], .number("1e2")).isEmpty)
        #expect(try messages(["type": "integer"], 2.5) == ["must be a whole number, not a decimal number"])
    }

    @Test func acceptsAnyOfSeveralTypes() throws {
        let schema: JSONValue = ["type": ["string", "null"]]
        #expect(try messages(schema, nil).isEmpty)
        #expect(try messages(schema, "x").isEmpty)
        #expect(try messages(schema, 3) == ["must be text or null, not a number"])
    }

    @Test func checksEnumWithReadableChoices() throws {
        let schema: JSONValue = ["enum": ["AI", "ACI", "EI", "ETTI", "GES"]]
        #expect(try messages(schema, "EI").isEmpty)
        #expect(try messages(schema, "SIAE") == ["must be one of AI, ACI, EI, ETTI, GES"])
    }

    @Test func comparesEnumValuesAsJSONSchemaDoes() throws {
        let schema: JSONValue = ["enum": [1, 0.6, ["a": 1, "b": [true]], nil]]
        #expect(try messages(schema, .number("1.0")).isEmpty)
        #expect(try messages(schema, .number("0.60")).isEmpty)
        #expect(try messages(schema, ["b": [true], "a": 1]).isEmpty)
        #expect(try messages(schema, nil).isEmpty)
        #expect(try messages(schema, "1") == [#"must be one of 1, 0.6, {"a":1,"b":[true]}, null"#])
    }

    @Test func checksConst() throws {
        #expect(try messages(["const": "group"], "group").isEmpty)
        #expect(try messages(["const": "group"], "single") == ["must be group"])
        #expect(try messages(["const": ""], "x") == ["must be \"\""])
    }

    @Test func keepsNumberLiteralsInMessagesAndComparesThemExactly() throws {
        let schema: JSONValue = ["maximum": 0.6, "multipleOf": 0.1]
        #expect(try messages(schema, .number("0.6")).isEmpty)
        #expect(try messages(schema, .number("0.60")).isEmpty)
        #expect(try messages(schema, .number("0.7")) == ["must be at most 0.6"])
        #expect(try messages(schema, .number("0.55")) == ["must be a multiple of 0.1"])
    }

    // MARK: Numbers

    @Test func checksInclusiveBounds() throws {
        let schema: JSONValue = ["minimum": 0, "maximum": 100]
        #expect(try messages(schema, 0).isEmpty)
        #expect(try messages(schema, 100).isEmpty)
        #expect(try messages(schema, -1) == ["must be at least 0"])
        #expect(try messages(schema, .number("100.5")) == ["must be at most 100"])
        #expect(try messages(schema, "200").isEmpty)
    }

    @Test func checksExclusiveBounds() throws {
        let schema: JSONValue = ["exclusiveMinimum": 0, "exclusiveMaximum": .number("1e2")]
        #expect(try messages(schema, .number("0.001")).isEmpty)
        #expect(try messages(schema, 0) == ["must be greater than 0"])
        #expect(try messages(schema, 100) == ["must be less than 1e2"])
    }

    @Test func checksMultipleOf() throws {
        #expect(try messages(["multipleOf": 5], 15).isEmpty)
        #expect(try messages(["multipleOf": 5], 16) == ["must be a multiple of 5"])
        #expect(try messages(["multipleOf": 0.01], .number("19.99")).isEmpty)
        #expect(try messages(["multipleOf": 0.01], .number("1e20")).isEmpty)
    }

    @Test func comparesExtremeNumbersWithoutOverflow() throws {
        #expect(try messages(["exclusiveMinimum": 0], .number("1e-400")).isEmpty)
        #expect(try messages(["maximum": 10], .number("1e9223372036854775807")) == ["must be at most 10"])
        #expect(try messages(["maximum": .number("123456789012345678901234567890")], .number("1e29")).isEmpty)
        #expect(try messages(["minimum": .number("-1e30")], .number("-0.5e31")) == ["must be at least -1e30"])
        #expect(try messages(["type": "integer"], .number("1e400")).isEmpty)
        #expect(try messages(["enum": [.number("1e2")]], .number("100.000")).isEmpty)
    }

    // MARK: Strings

    @Test func countsLengthInUnicodeScalars() throws {
        let schema: JSONValue = ["minLength": 2, "maxLength": 3]
        #expect(try messages(schema, "é😀").isEmpty)
        #expect(try messages(schema, "é") == ["must be at least 2 characters long"])
        #expect(try messages(schema, "Étang") == ["must be at most 3 characters long"])
        #expect(try messages(["maxLength": 1], "ab") == ["must be at most 1 character long"])
    }

    @Test func searchesPatternsUnanchored() throws {
        #expect(try messages(["pattern": "b"], "abc").isEmpty)
        #expect(try messages(["pattern": "^[a-z0-9-]+$"], "ferme-du-bois").isEmpty)
        #expect(try messages(["pattern": "^[a-z0-9-]+$"], "Ferme du bois") == ["must match ^[a-z0-9-]+$"])
        #expect(try messages(["pattern": "^a"], 12).isEmpty)
    }

    @Test(arguments: ["2012-02-29", "2000-02-29", "2013-04-30", "2013-12-31", "0001-01-01"])
    func acceptsRealDays(_ day: String) throws {
        #expect(try messages(["format": "date"], .string(day)).isEmpty)
    }

    @Test(arguments: [
        "2013-02-29", "2013-04-31", "1900-02-29", "2013-13-01", "2013-00-10", "2013-01-00", "2013-4-01",
        "2013-04-01T00:00:00Z", "13-04-01", "2013/04/01", "２０１３-04-01",
    ])
    func rejectsAnythingButARealDay(_ day: String) throws {
        #expect(try messages(["format": "date"], .string(day)) == ["must be a day written YYYY-MM-DD"])
    }

    @Test func checksDateTimesByRFC3339Shape() throws {
        let schema: JSONValue = ["format": "date-time"]
        for valid in ["2013-04-01T08:30:00Z", "2013-04-01t08:30:00.125+01:00", "2012-06-30T23:59:60-00:00"] {
            #expect(try messages(schema, .string(valid)).isEmpty, "\(valid)")
        }
        for invalid in [
            "2013-04-01", "2013-04-01T24:00:00Z", "2013-02-29T08:00:00Z", "2013-04-01T08:30:00",
            "2013-04-01T08:30:00.Z", "2013-04-01 08:30:00Z",
        ] {
            #expect(try messages(schema, .string(invalid)).count == 1, "\(invalid)")
        }
    }

    @Test func checksEmailsLightly() throws {
        #expect(try messages(["format": "email"], "qualite@example.org").isEmpty)
        for invalid in ["qualite", "@example.org", "a@b@c", "a b@example.org", "a@"] {
            #expect(
                try messages(["format": "email"], .string(invalid)) == [
                    "must be an email address such as name@example.org"
                ], "\(invalid)")
        }
    }

    @Test func checksURIsLightly() throws {
        #expect(try messages(["format": "uri"], "https://example.org/a?b=c").isEmpty)
        #expect(try messages(["format": "uri"], "urn:isbn:0451450523").isEmpty)
        for invalid in ["example.org", "/relative/path", "1http://x", "https://exa mple.org", "https:"] {
            #expect(try messages(["format": "uri"], .string(invalid)).count == 1, "\(invalid)")
        }
    }

    // MARK: Objects

    @Test func reportsAMissingRequiredPropertyAtItsObject() throws {
        let instance = try JSONParser.parse("{\n  \"rows\": [\n    {\"id\": \"a\"}\n  ]\n}")
        let schema: JSONValue = ["properties": ["rows": ["items": ["required": ["id", "name"]]]]]
        #expect(
            try violations(schema, instance) == [
                SchemaViolation(pointer: "/rows/0/name", line: 3, field: "name", message: "is required")
            ])
    }

    @Test func refusesAdditionalPropertiesWhenFalse() throws {
        let instance = try JSONParser.parse("{\n\"id\": \"a\",\n\"colour\": \"red\"\n}")
        let schema: JSONValue = ["properties": ["id": [:]], "additionalProperties": false]
        #expect(
            try violations(schema, instance) == [
                SchemaViolation(pointer: "/colour", line: 3, field: "colour", message: "is not allowed here")
            ])
    }

    @Test func checksAdditionalPropertiesAgainstASchema() throws {
        let schema: JSONValue = ["properties": ["id": ["type": "string"]], "additionalProperties": ["type": "number"]]
        #expect(try messages(schema, ["id": "a", "x": 1]).isEmpty)
        #expect(try violations(schema, ["id": "a", "x": "1"]).map(\.field) == ["x"])
    }

    @Test func appliesPatternPropertiesAndExemptsThemFromAdditionalProperties() throws {
        let schema: JSONValue = [
            "patternProperties": ["^x-": ["type": "string"], "-id$": ["type": "string", "minLength": 2]],
            "additionalProperties": false,
        ]
        #expect(try messages(schema, ["x-note": "ok", "site-id": "s1"]).isEmpty)
        #expect(
            try violations(schema, ["x-note": 3, "x-id": "a", "other": 1]).map { "\($0.field) \($0.message)" } == [
                "x-note must be text, not a number",
                "x-id must be at least 2 characters long",
                "other is not allowed here",
            ])
    }

    @Test func checksPropertyNames() throws {
        let schema: JSONValue = ["propertyNames": ["pattern": "^[a-z]+$", "maxLength": 5]]
        #expect(try messages(schema, ["ok": 1]).isEmpty)
        let found = try violations(schema, ["ok": 1, "Bad": 2, "toolong": 3])
        #expect(found.map(\.field) == ["Bad", "toolong"])
        #expect(found.map(\.message) == ["name must match ^[a-z]+$", "name must be at most 5 characters long"])
    }

    @Test func countsProperties() throws {
        let schema: JSONValue = ["minProperties": 1, "maxProperties": 2]
        #expect(try messages(schema, ["a": 1]).isEmpty)
        #expect(try messages(schema, [:]) == ["must have at least 1 property"])
        #expect(try messages(schema, ["a": 1, "b": 2, "c": 3]) == ["must have at most 2 properties"])
    }

    @Test func requiresDependentProperties() throws {
        let schema: JSONValue = ["dependentRequired": ["suspendedOn": ["suspensionReason"]]]
        #expect(try messages(schema, ["name": "a"]).isEmpty)
        #expect(try messages(schema, ["suspendedOn": "2013-01-01", "suspensionReason": "x"]).isEmpty)
        #expect(
            try violations(schema, ["suspendedOn": "2013-01-01"]) == [
                SchemaViolation(
                    pointer: "/suspensionReason", line: 0, field: "suspensionReason",
                    message: "is required when suspendedOn is present")
            ])
    }

    @Test func escapesPointerTokens() throws {
        let found = try violations(["additionalProperties": false], ["a/b~c": 1])
        #expect(found.map(\.pointer) == ["/a~1b~0c"])
        #expect(found.map(\.field) == ["a/b~c"])
    }

    // MARK: Arrays

    @Test func checksItemsAfterPrefixItems() throws {
        let schema: JSONValue = [
            "prefixItems": [["type": "string"], ["type": "number"]], "items": ["type": "boolean"],
        ]
        #expect(try messages(schema, ["a", 1, true, false]).isEmpty)
        #expect(
            try violations(schema, [1, 1, "x"]).map { "\($0.pointer) \($0.message)" } == [
                "/0 must be text, not a number",
                "/2 must be true or false, not text",
            ])
    }

    @Test func refusesExtraItemsWhenItemsIsFalse() throws {
        let schema: JSONValue = ["prefixItems": [[:]], "items": false]
        #expect(try messages(schema, [1]).isEmpty)
        #expect(try violations(schema, [1, 2]).map(\.field) == ["1"])
    }

    @Test func countsItems() throws {
        let schema: JSONValue = ["minItems": 1, "maxItems": 2]
        #expect(try messages(schema, [1]).isEmpty)
        #expect(try messages(schema, []) == ["must have at least 1 item"])
        #expect(try messages(schema, [1, 2, 3]) == ["must have at most 2 items"])
    }

    @Test func reportsDuplicateItemsAtTheRepeat() throws {
        let instance = try JSONParser.parse("[\n{\"a\": 1, \"b\": 2},\n3,\n{\"b\": 2, \"a\": 1.0}\n]")
        #expect(
            try violations(["uniqueItems": true], instance) == [
                SchemaViolation(pointer: "/2", line: 4, field: "2", message: "is a duplicate of item 0 (line 2)")
            ])
        #expect(try messages(["uniqueItems": true], [1, "1", true]).isEmpty)
        #expect(try messages(["uniqueItems": false], [1, 1]).isEmpty)
    }

    @Test func checksContains() throws {
        let schema: JSONValue = ["contains": ["const": "lead"]]
        #expect(try messages(schema, ["member", "lead"]).isEmpty)
        #expect(try messages(schema, ["member"]) == ["must contain at least one matching item"])
        #expect(try messages(schema, "lead").isEmpty)
    }

    // MARK: Combinations

    @Test func appliesAllOf() throws {
        let schema: JSONValue = ["allOf": [["minLength": 2], ["pattern": "^[A-Z]"]]]
        #expect(try messages(schema, "AB").isEmpty)
        #expect(try messages(schema, "a") == ["must be at least 2 characters long", "must match ^[A-Z]"])
    }

    @Test func mergesAnyOfFailuresOnTheValueItself() throws {
        let schema: JSONValue = ["anyOf": [["type": "string", "format": "date"], ["type": "null"]]]
        #expect(try messages(schema, "2013-04-01").isEmpty)
        #expect(try messages(schema, nil).isEmpty)
        #expect(try messages(schema, "2013-02-29") == ["must be a day written YYYY-MM-DD or null"])
        #expect(try messages(schema, 3) == ["must be text or null, not a number"])
        #expect(try messages(["anyOf": [["pattern": "^a"], ["const": "b"]]], "c") == ["must match ^a or be b"])
    }

    @Test func explainsTheClosestAnyOfFormInOneViolation() throws {
        let person: JSONValue = ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"]]]
        let company: JSONValue = [
            "type": "object", "required": ["siret"], "properties": ["siret": ["pattern": "^[0-9]{14}$"]],
        ]
        let instance = try JSONParser.parse("[\n{\"siret\": \"123\"}\n]")
        let found = try violations(["items": ["anyOf": [person, company]]], instance)
        #expect(
            found == [
                SchemaViolation(
                    pointer: "/0", line: 2, field: "0",
                    message:
                        "must match one of the 2 allowed forms; the closest fails because siret must match ^[0-9]{14}$")
            ])
    }

    @Test func summarisesAClosestFormWithManyFailures() throws {
        let form: JSONValue = [
            "properties": [
                "a": ["type": "string"], "b": ["type": "string"], "c": ["type": "string"], "d": ["type": "string"],
            ]
        ]
        let found = try messages(["oneOf": [form, ["type": "array"]]], ["d": 4, "c": 3, "b": 2, "a": 1])
        #expect(
            found == [
                "must match one of the 2 allowed forms; the closest fails because d must be text, not a number; "
                    + "c must be text, not a number; b must be text, not a number; and 1 more"
            ])
    }

    @Test func requiresExactlyOneOneOfForm() throws {
        let schema: JSONValue = ["oneOf": [["type": "integer"], ["minimum": 10]]]
        #expect(try messages(schema, 5).isEmpty)
        #expect(try messages(schema, 10.5).isEmpty)
        #expect(try messages(schema, 12) == ["must match exactly one of the 2 allowed forms, but matches 2 of them"])
        #expect(try messages(schema, 2.5) == ["must be a whole number or at least 10"])
    }

    @Test func refusesWhatNotDescribes() throws {
        let schema: JSONValue = ["not": ["required": ["password"]]]
        #expect(try messages(schema, ["name": "a"]).isEmpty)
        #expect(try messages(schema, ["password": "x"]) == ["is in a form that is not allowed here"])
    }

    @Test func appliesThenOrElseByCondition() throws {
        let schema: JSONValue = [
            "if": ["properties": ["kind": ["const": "group"]]],
            "then": ["required": ["sites"]],
            "else": ["properties": ["sites": false]],
        ]
        #expect(try messages(schema, ["kind": "group", "sites": []]).isEmpty)
        #expect(try violations(schema, ["kind": "group"]).map(\.field) == ["sites"])
        #expect(try messages(schema, ["kind": "single"]).isEmpty)
        #expect(
            try violations(schema, ["kind": "single", "sites": []]).map { "\($0.field) \($0.message)" } == [
                "sites is not allowed here"
            ])
        #expect(try messages(["if": ["minimum": 0], "then": ["maximum": 9]], -5).isEmpty)
    }

    @Test func conditionsOnOnePropertysValueCheckAsAnAllOfWould() throws {
        // Given one condition per kind (looked up by kind), and the same conditions each with a
        // comment (which makes them an ordinary allOf, every condition tried)
        func condition(_ kind: JSONValue, then: JSONValue, comment: Bool) -> JSONValue {
            let test: JSONValue = ["required": ["kind"], "properties": ["kind": ["const": kind]]]
            return comment ? ["if": test, "then": then, "$comment": "tried"] : ["if": test, "then": then]
        }
        let thens: [(JSONValue, JSONValue)] = [
            ("audit", ["required": ["audit"], "propertyNames": ["enum": ["kind", "audit"]]]),
            ("finding", ["required": ["finding"]]),
            (2, ["required": ["two"]]),
            (["a": 1], ["type": "array"]),
        ]
        let looked = JSONValue.object(["allOf": .array(thens.map { condition($0.0, then: $0.1, comment: false) })])
        let tried = JSONValue.object(["allOf": .array(thens.map { condition($0.0, then: $0.1, comment: true) })])

        // Then both give the same violations for objects of every kind, of no kind, and non-objects
        let documents: [JSONValue] = [
            ["kind": "audit", "audit": "A-1"], ["kind": "audit"], ["kind": "audit", "audit": "A-1", "grade": "major"],
            ["kind": "finding"], ["kind": 2], ["kind": "2"], ["kind": ["a": 1]], ["kind": "other"], ["audit": "A-1"],
            "audit", 3, [["kind": "audit"]],
        ]
        for document in documents {
            let expected = try violations(tried, document)
            #expect(try violations(looked, document) == expected, "\(document)")
        }
        #expect(try messages(looked, ["kind": "audit", "audit": "A-1", "grade": "major"]) == ["name must be one of kind, audit"])
        #expect(try messages(looked, ["kind": ["a": 1]]).count == 1)
    }

    @Test func treatsBooleanSchemasAsAllowAndRefuse() throws {
        #expect(try messages(true, ["anything": [1, 2]]).isEmpty)
        #expect(
            try violations(false, 1) == [
                SchemaViolation(pointer: "", line: 0, field: "", message: "is not allowed here")
            ])
    }

    // MARK: References

    @Test func followsReferencesToDefinitions() throws {
        let schema = try JSONParser.parse(
            ##"""
            {"$defs": {"code": {"type": "string", "pattern": "^[A-Z]{3}$"}, "a/b": {"minimum": 1}, "sp ace": {"maximum": 1}},
             "properties": {"code": {"$ref": "#/$defs/code"}, "n": {"$ref": "#/$defs/a~1b"}, "m": {"$ref": "#/$defs/sp%20ace"}}}
            """##)
        #expect(try messages(schema, ["code": "ABC", "n": 1, "m": 1]).isEmpty)
        #expect(
            try messages(schema, ["code": "abc", "n": 0, "m": 2]) == [
                "must match ^[A-Z]{3}$", "must be at least 1", "must be at most 1",
            ])
    }

    @Test func followsRecursiveReferences() throws {
        let schema = try JSONParser.parse(
            ##"""
            {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}
            """##)
        let instance = try JSONParser.parse(
            """
            {"name": "root", "children": [
              {"name": "a", "children": [
                {"children": []}
              ]},
              {"name": 7}
            ]}
            """)
        #expect(
            try violations(schema, instance) == [
                SchemaViolation(pointer: "/children/0/children/0/name", line: 3, field: "name", message: "is required"),
                SchemaViolation(
                    pointer: "/children/1/name", line: 5, field: "name", message: "must be text, not a number"),
            ])
    }

    @Test func appliesReferenceSiblingsToo() throws {
        let schema: JSONValue = ["$defs": ["text": ["type": "string"]], "$ref": "#/$defs/text", "maxLength": 2]
        #expect(try messages(schema, "abc") == ["must be at most 2 characters long"])
        #expect(try messages(schema, 1) == ["must be text, not a number"])
    }

    // MARK: Ordering

    @Test func reportsViolationsInDocumentOrderWhateverTheKeywordOrder() throws {
        let schema: JSONValue = [
            "items": [
                "properties": ["b": ["type": "string"], "a": ["type": "string"]],
                "required": ["c"],
                "additionalProperties": false,
            ],
            "maxItems": 1,
        ]
        let instance = try JSONParser.parse("[\n{\"a\": 1, \"z\": 0,\n \"b\": 2},\n{\"a\": 3}\n]")
        let found = try violations(schema, instance)
        #expect(found.map(\.pointer) == ["", "/0/c", "/0/a", "/0/z", "/0/b", "/1/c", "/1/a"])
        #expect(found.map(\.line) == [1, 2, 2, 2, 3, 4, 4])
        #expect(try violations(schema, instance) == found)
    }

    @Test func reportsEachViolationOnce() throws {
        let schema: JSONValue = ["allOf": [["required": ["id"]], ["required": ["id"]]]]
        #expect(try messages(schema, [:]) == ["is required"])
    }

    @Test func locatesViolationsInNestedArraysOfObjects() throws {
        let instance = try JSONParser.parse(
            """
            {"groups": [
              {"id": "g1", "sites": [
                {"code": "S1"},
                {"code": 2}
              ]},
              {"id": "g2", "sites": [
                {"kode": "S3"}
              ]}
            ]}
            """)
        let site: JSONValue = ["type": "object", "required": ["code"], "properties": ["code": ["type": "string"]]]
        let schema: JSONValue = ["properties": ["groups": ["items": ["properties": ["sites": ["items": site]]]]]]
        #expect(
            try violations(schema, instance) == [
                SchemaViolation(
                    pointer: "/groups/0/sites/1/code", line: 4, field: "code", message: "must be text, not a number"),
                SchemaViolation(pointer: "/groups/1/sites/0/code", line: 7, field: "code", message: "is required"),
            ])
    }

    @Test func validatesDocumentsNestedToTheParserLimit() throws {
        let depth = JSONParser.maximumDepth
        let instance = try JSONParser.parse(
            String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth))
        let found = try violations(["type": "array", "items": ["$ref": "#"]], instance)
        #expect(found.map(\.message) == ["must be a list, not a number"])
        #expect(found.first?.pointer == String(repeating: "/0", count: depth))
    }

    @Test func validatesConcurrentlyFromOneCompiledSchema() async throws {
        let schema = try JSONSchema(["items": ["type": "integer"]])
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask { schema.validate([.number(String(index)), "x"]).count }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 1, count: 8))
    }

    // MARK: The members import

    @Test func reportsTheThreeBadRowsOfAMembersImport() throws {
        let schema = try JSONSchema(
            JSONParser.parse(
                ##"""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://cedre.example/members-import.schema.json",
                  "title": "Members import",
                  "type": "array",
                  "items": {"$ref": "#/$defs/member"},
                  "$defs": {
                    "member": {
                      "type": "object",
                      "required": ["id", "name", "type", "departement"],
                      "additionalProperties": false,
                      "properties": {
                        "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                        "name": {"type": "string", "minLength": 1},
                        "type": {"enum": ["AI", "ACI", "EI", "ETTI", "GES"]},
                        "departement": {"type": "string", "pattern": "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$"},
                        "joined": {"type": "string", "format": "date"}
                      }
                    }
                  }
                }
                """##))
        let document = try JSONParser.parse(
            ##"""
            [
              {"id": "jardins-de-cocagne", "name": "Jardins de Cocagne", "type": "ACI", "departement": "2A", "joined": "2012-02-29"},
              {"id": "envie-lyon", "name": "Envie Lyon", "type": "EI",
               "departement": "96"},
              {"id": "ressourcerie", "name": "La Ressourcerie", "type": "SIAE", "departement": "974"},
              {"id": "tremplin", "type": "AI", "departement": "13"},
              {"id": "bois-et-cie", "name": "Bois et Cie", "type": "ETTI", "departement": "971"}
            ]
            """##)
        #expect(
            schema.validate(document) == [
                SchemaViolation(
                    pointer: "/1/departement", line: 4, field: "departement",
                    message: "must match ^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$"),
                SchemaViolation(
                    pointer: "/2/type", line: 5, field: "type", message: "must be one of AI, ACI, EI, ETTI, GES"),
                SchemaViolation(pointer: "/3/name", line: 6, field: "name", message: "is required"),
            ])
    }

    // MARK: Compiling

    @Test func refusesUnsupportedKeywordsWithTheirLocation() throws {
        let error = try compileError(
            "{\n  \"properties\": {\n    \"tags\": {\"type\": \"array\", \"minContains\": 2}\n  }\n}")
        #expect(
            error
                == JSONSchemaError(
                    pointer: "/properties/tags/minContains", line: 3, keyword: "minContains",
                    message: "minContains is not a supported keyword"))
    }

    @Test func ignoresAnnotationsWhateverTheyContain() throws {
        let schema = try JSONParser.parse(
            ##"""
            {"$comment": "c", "title": "t", "description": "d", "default": {"minContains": 1},
             "examples": [{"unknownKeyword": true}], "properties": {"unevaluatedProperties": {"type": "string"}}}
            """##)
        #expect(try messages(schema, ["unevaluatedProperties": 1]) == ["must be text, not a number"])
    }

    @Test func refusesBadKeywordValues() throws {
        #expect(try compileError(#"{"minLength": -1}"#)?.message == "minLength must be a whole number, 0 or more")
        #expect(try compileError(#"{"maxItems": 1.5}"#)?.keyword == "maxItems")
        #expect(
            try compileError(#"{"type": "text"}"#)?.message
                == "type must name null, boolean, object, array, number, integer or string")
        #expect(
            try compileError(#"{"required": ["a", "a"]}"#)?.message == "required must be a list of distinct strings")
        #expect(try compileError(#"{"multipleOf": 0}"#)?.message == "multipleOf must be greater than 0")
        #expect(try compileError(#"{"enum": "AI"}"#)?.message == "enum must be a list")
        #expect(try compileError(#"{"anyOf": []}"#)?.message == "anyOf must list at least one schema")
        #expect(try compileError(#"{"properties": {"a": 3}}"#)?.pointer == "/properties/a")
        #expect(try compileError(#"{"uniqueItems": "yes"}"#)?.message == "uniqueItems must be true or false")
    }

    @Test func refusesInvalidPatterns() throws {
        let error = try compileError("{\n\"pattern\": \"([a-z\"\n}")
        #expect(
            error
                == JSONSchemaError(
                    pointer: "/pattern", line: 2, keyword: "pattern",
                    message: "pattern has an invalid regular expression: ([a-z"))
        #expect(try compileError(#"{"patternProperties": {"(": {}}}"#)?.keyword == "patternProperties")
    }

    @Test func refusesUnsupportedFormats() throws {
        #expect(
            try compileError(#"{"format": "ipv4"}"#)?.message
                == #"format "ipv4" is not supported; use date, date-time, email or uri"#)
    }

    @Test func refusesOtherDrafts() throws {
        #expect(try compileError(#"{"$schema": "https://json-schema.org/draft/2020-12/schema#"}"#) == nil)
        #expect(try compileError(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#)?.keyword == "$schema")
        #expect(try compileError(#"{"properties": {"a": {"$id": "a.json"}}}"#)?.keyword == "$id")
    }

    @Test func refusesTupleItemsFromOlderDrafts() throws {
        #expect(
            try compileError(#"{"items": [{}, {}]}"#)?.message
                == "items must be a single schema in draft 2020-12; use prefixItems for a list of schemas")
    }

    @Test func refusesThenOrElseWithoutIf() throws {
        #expect(try compileError(#"{"then": {}}"#)?.message == #"then has no effect without "if""#)
    }

    @Test func refusesReferencesItCannotResolve() throws {
        #expect(
            try compileError(##"{"$ref": "#/$defs/missing"}"##)?.message
                == "$ref refers to #/$defs/missing, which does not exist")
        #expect(
            try compileError(#"{"$ref": "other.json#/a"}"#)?.message
                == "$ref must be a local reference such as #/$defs/name")
        #expect(try compileError(##"{"$ref": "#anchor"}"##)?.keyword == "$ref")
    }

    @Test func refusesReferenceCyclesThatNeverReachAValue() throws {
        #expect(try compileError(##"{"$ref": "#"}"##)?.keyword == "$ref")
        let error = try compileError(
            ##"{"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}}"##)
        #expect(error?.message == "references lead back to this schema without stepping into a property or item")
    }

    @Test func refusesUnsupportedKeywordsInUnusedDefinitions() throws {
        #expect(
            try compileError(##"{"$defs": {"unused": {"$dynamicRef": "#x"}}}"##)?.pointer == "/$defs/unused/$dynamicRef"
        )
    }
}
