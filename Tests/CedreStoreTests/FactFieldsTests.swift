import CedreCore
import CedreJSON
import CedreSchemas
import CedreStore
import Foundation
import Testing

/// Holds the payload codec, the facts import schema and the import to each kind's one
/// declaration of its fields (`Fact.Kind.fields`).
@Suite struct FactFieldsTests {
    /// A sample's payload as the log stores it, as an object.
    private static func members(of fact: Fact) throws -> [JSONValue.Member] {
        try #require(JSONParser.parse(fact.payload.canonicalJSON).objectMembers)
    }

    private static func decode(_ kind: Fact.Kind, _ members: [JSONValue.Member]) throws(FactPayloadError) -> Fact {
        try Fact(kind: kind, payload: FactPayload(json: JSONValue(.object(members))))
    }

    /// The kind's condition as the schemas write it: a line of this kind has a payload with its
    /// required fields and no field it does not carry.
    private static func condition(of kind: Fact.Kind) -> JSONValue {
        let fields = kind.fields
        let allowed = FactPayload.Field.allCases.filter(fields.allows)
        return .object([
            "if": .object(["required": ["kind"], "properties": .object(["kind": .object(["const": .string(kind.rawValue)])])]),
            "then": .object([
                "properties": .object([
                    "payload": .object([
                        "required": .array(fields.required.map { .string($0.rawValue) }),
                        "propertyNames": .object(["enum": .array(allowed.map { .string($0.rawValue) })]),
                    ])
                ])
            ]),
        ])
    }

    @Test func everyPayloadWritesItsRequiredFieldsAndOnlyDeclaredOnes() throws {
        for fact in ChainGoldenTests.samples {
            let fields = fact.kind.fields
            let written = try Self.members(of: fact).map(\.key)
            #expect(Set(fields.required.map(\.rawValue)).isSubset(of: written), "\(fact.kind.rawValue)")
            for name in written {
                let field = try #require(FactPayload.Field(rawValue: name), "\(name) is not a payload field")
                #expect(fields.allows(field), "\(fact.kind.rawValue) writes \(name), which it does not declare")
            }
        }
    }

    @Test func aPayloadWithoutARequiredFieldIsRefusedOnThatField() throws {
        for fact in ChainGoldenTests.samples {
            let members = try Self.members(of: fact)
            for field in fact.kind.fields.required {
                let read = Result { () throws(FactPayloadError) in
                    try Self.decode(fact.kind, members.filter { $0.key != field.rawValue })
                }
                guard case .failure(let error) = read else {
                    Issue.record("\(fact.kind.rawValue) reads without \(field.rawValue)")
                    continue
                }
                #expect(error.field == field.rawValue, "\(fact.kind.rawValue): \(error)")
            }
        }
    }

    @Test func aPayloadWithoutAnOptionalFieldStillReads() throws {
        for fact in ChainGoldenTests.samples {
            let members = try Self.members(of: fact)
            for field in fact.kind.fields.optional where members.contains(where: { $0.key == field.rawValue }) {
                #expect(throws: Never.self, "\(fact.kind.rawValue) without \(field.rawValue)") {
                    _ = try Self.decode(fact.kind, members.filter { $0.key != field.rawValue })
                }
            }
        }
    }

    @Test func everyFieldOfThePayloadIsAField() {
        #expect(Mirror(reflecting: FactPayload()).children.count == FactPayload.Field.allCases.count)
        for field in FactPayload.Field.allCases {
            #expect(Fact.Kind.allCases.contains { $0.fields.allows(field) }, "no kind carries \(field.rawValue)")
        }
    }

    @Test func theFactsAndExportSchemasHoldEachKindsDeclaration() throws {
        let schema = try JSONParser.parse(CedreSchemas.json(named: "events"))
        let kinds = schema["properties"]?["kind"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Set(kinds) == Set(Fact.Kind.allCases.map(\.rawValue)))
        #expect(kinds.count == Fact.Kind.allCases.count)
        let fields = schema["$defs"]?["payload"]?["properties"]?.objectMembers?.map(\.key) ?? []
        #expect(Set(fields) == Set(FactPayload.Field.allCases.map(\.rawValue)))
        let conditions = JSONValue.array(Fact.Kind.allCases.map(Self.condition(of:)))
        #expect(schema["allOf"] == conditions, "events.schema.json's allOf must be:\n\(conditions)")
        let export = try JSONParser.parse(CedreSchemas.json(named: "export"))
        #expect(export["$defs"]?["event"]?["allOf"] == conditions, "an exported event's kinds say the same")
    }

    @Test func anImportRefusesAFieldTheKindDoesNotCarryAndAMissingOne() throws {
        // Given a facts file whose second line carries a grade on a conducted audit, and whose
        // third line plans an audit without its kind
        let text = """
            {"kind":"audit.conducted","on":"2013-03-01","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0001"}}
            {"kind":"audit.conducted","on":"2013-03-01","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0001","grade":"major"}}
            {"kind":"audit.planned","on":"2013-02-01","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0002","scheduledOn":"2013-03-01"}}
            """

        // When it is read
        let result = FactImport(file: "facts.jsonl").read(Data(text.utf8))

        // Then both lines are refused on their field, the first is not
        guard case .failure(let failure) = result else {
            Issue.record("a field the kind does not carry, and a missing one, must be refused")
            return
        }
        #expect(failure.issues.map(\.line) == [2, 3])
        #expect(failure.issues.map(\.field) == ["grade", "auditKind"])
        #expect(failure.issues.first?.message == "is not a field of audit.conducted, whose fields are member, scheme, audit")
        #expect(failure.issues.last?.message == "is required")
    }

    @Test func everySampleFactIsAValidImportLine() throws {
        for fact in ChainGoldenTests.samples {
            let line = JSONValue.object([
                "kind": .string(fact.kind.rawValue), "on": "2014-01-02", "payload": try JSONParser.parse(fact.payload.canonicalJSON),
            ])
            #expect(try SchemaCheck.schema(named: "events").validate(line) == [], "\(fact.kind.rawValue)")
        }
    }
}
