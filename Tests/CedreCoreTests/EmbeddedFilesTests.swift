import CedreSchemas
import Foundation
import Testing

@testable import CedreCore

/// The files cedre ships are compiled into the binary (`.embedInCode`), each named in a table:
/// a file added to one of these folders without its line in the table would never be read.
@Suite struct EmbeddedFilesTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func files(in folder: String, ending suffix: String) throws -> [String: Data] {
        let url = Self.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }
        return try Dictionary(uniqueKeysWithValues: names.map {
            (String($0.dropLast(suffix.count)), try Data(contentsOf: url.appendingPathComponent($0)))
        })
    }

    @Test func everyJSONSchemaOfTheSchemasFolderIsCompiledInByteForByte() throws {
        let files = try files(in: "Schemas/json", ending: ".schema.json")
        #expect(CedreSchemas.jsonSchemaNames == files.keys.sorted())
        for (name, data) in files {
            #expect(try CedreSchemas.json(named: name) == data, "Schemas/json/\(name).schema.json")
        }
        #expect(try CedreSchemas.storeSchema() == String(contentsOf: Self.root.appendingPathComponent("Schemas/schema.sql"), encoding: .utf8))
    }

    @Test func everySchemeDefinitionIsCompiledInByteForByte() throws {
        let files = try files(in: "Sources/CedreCore/Schemes/Definitions", ending: ".json")
        #expect(SchemeCatalog.bundledNames.sorted() == files.keys.sorted())
        for (name, data) in files {
            #expect(try SchemeCatalog.bundledDefinition(name) == data, "Schemes/Definitions/\(name).json")
        }
    }

    @Test func theHolidayCalendarIsCompiledInByteForByte() throws {
        let files = try files(in: "Sources/CedreCore/Calendar/Holidays", ending: ".json")
        #expect(files.keys.sorted() == ["france"])
        #expect(HolidayCalendar.definition(named: "france") == files["france"])
        #expect(HolidayCalendar.definition(named: "belgique") == nil)
    }
}
