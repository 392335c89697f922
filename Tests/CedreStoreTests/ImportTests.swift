import CedreCore
import CedreFixtures
import CedreStore
import CedreTestSupport
import Foundation
import Testing

@Suite struct ImportTests {
    private func write(_ text: String, named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func importing(_ text: String, named name: String = "members.csv", into store: CedreStore) throws -> ImportSummary {
        let url = try write(text, named: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try store.importFile(url, departements: CedreFixtures.departements, context: .tests())
    }

    @Test func importsMembersWithTheirGroupsAndDerivedRegions() throws {
        let store = try CedreStore.inMemory()
        let summary = try importing("""
            id,name,type,departement,region,group
            solipass-tierce,SOLIPASS Tiercé,AI,49,,solipass
            solipass,SOLIPASS,GES,49,Pays de la Loire,
            aider-45,Aider,AI,45,Centre,
            """, into: store)
        #expect(summary.count == 3)
        let members = try store.members()
        #expect(members.map(\.member.id) == ["aider-45", "solipass", "solipass-tierce"])
        #expect(members[0].member.region == "Centre-Limousin")
        #expect(members[2].member.group == "solipass")
        #expect(members[2].joinedOn == nil)
    }

    @Test func oneBadLineLeavesTheDatabaseUnchanged() throws {
        let store = try CedreStore.inMemory()
        _ = try importing("id,name,type,departement,region,group\nfirst,First,AI,49,,\n", into: store)
        let before = try store.projectionDump()
        let events = try store.eventCount()
        #expect(throws: ImportFailure(issues: [
            ImportIssue(
                file: "members.csv", line: 3, field: "departement",
                message: "'100' is not a département code (01…95, 2A, 2B, 971…976)"),
        ])) {
            try importing("""
                id,name,type,departement,region,group
                second,Second,ACI,35,,
                third,Third,EI,100,,
                fourth,Fourth,ETTI,59,,
                """, into: store)
        }
        #expect(try store.eventCount() == events)
        #expect(try store.projectionDump() == before)
    }

    /// A members CSV whose third line is wrong, with the start of the one issue it must raise.
    struct BadLine: Sendable, CustomTestStringConvertible {
        let row: String
        let issue: String

        var testDescription: String { "\(row) → \(issue)" }
    }

    /// Lines 2 and 4 are good; line 3 is each of these. `solipass` (a GES) and `leo` (an AI) exist.
    static let badLines: [BadLine] = [
        BadLine(row: "bee,Bee,AI,100,,", issue: "members.csv:3: departement: "),
        BadLine(row: "bee,Bee,XYZ,49,,", issue: "members.csv:3: type: "),
        BadLine(row: "bee,,AI,49,,", issue: "members.csv:3: name: "),
        BadLine(row: "bee hive,Bee,AI,49,,", issue: "members.csv:3: id: "),
        BadLine(row: "ant,Ant again,AI,49,,", issue: "members.csv:3: id: 'ant' already appears on line 2"),
        BadLine(row: "solipass,SOLIPASS again,GES,49,,", issue: "members.csv:3: id: "),
        BadLine(row: "bee,Bee,AI,49,,nowhere", issue: "members.csv:3: group: "),
        BadLine(row: "bee,Bee,AI,49,,leo", issue: "members.csv:3: group: "),
        BadLine(row: "bee,Bee,AI,49,Bretagne,", issue: "members.csv:3: region: "),
        BadLine(row: "bee,Bee,AI", issue: "members.csv:3: "),
    ]

    @Test(arguments: badLines)
    func oneBadLineRefusesTheWholeFileAndNamesItsLineAndField(_ bad: BadLine) throws {
        // Given a federation with SOLIPASS (a GES) and LEO (a company), and a CSV with one bad line
        let store = try CedreStore.inMemory()
        _ = try importing("id,name,type,departement,region,group\nsolipass,SOLIPASS,GES,49,,\nleo,LEO,AI,44,,\n", into: store)
        let before = try store.projectionDump()
        let events = try store.eventCount()

        // When it is imported
        // Then it is refused with its one issue named file:line: field, and nothing of it is imported
        #expect {
            try importing("id,name,type,departement,region,group\nant,Ant,AI,49,,solipass\n\(bad.row)\ncat,Cat,EI,38,,\n", into: store)
        } throws: { error in
            let issues = (error as? ImportFailure)?.issues.map(\.description) ?? []
            return issues.count == 1 && issues[0].hasPrefix(bad.issue)
        }
        #expect(try store.eventCount() == events)
        #expect(try store.projectionDump() == before)
    }

    @Test func everyProblemIsListedWithItsLineAndField() throws {
        let store = try CedreStore.inMemory()
        do {
            _ = try importing("""
                id,name,type,departement,region,group
                ok,OK,AI,49,,
                bad type,X,XYZ,49,,
                ok,Again,AI,49,,
                wrong-region,W,AI,49,Bretagne,
                orphan,O,AI,49,,nowhere
                """, into: store)
            Issue.record("the import must be refused")
        } catch let failure as ImportFailure {
            let found = failure.issues.map { "\($0.line):\($0.field)" }
            #expect(found == ["3:id", "3:type", "4:id", "5:region", "6:group"])
            #expect(Set(failure.issues.map(\.file)) == ["members.csv"])
        }
        #expect(try store.eventCount() == 0)
    }

    @Test func jsonFilesNameTheLineOfEachProblem() throws {
        let store = try CedreStore.inMemory()
        do {
            _ = try importing("""
                [
                  {"id": "a", "name": "A", "type": "AI", "departement": "49"},
                  {"id": "b", "name": "B", "type": "AI"},
                  {"id": "c", "name": "C", "type": "AI", "departement": "35", "colour": "red"}
                ]
                """, named: "members.json", into: store)
            Issue.record("the import must be refused")
        } catch let failure as ImportFailure {
            #expect(failure.issues.map(\.line) == [3, 4])
            #expect(failure.issues.map(\.field) == ["departement", "colour"])
        }
    }

    @Test func everyIssueNamesAFieldEvenWhenTheFileMangledIt() throws {
        func issues(_ text: String, named name: String) throws -> [String] {
            let store = try CedreStore.inMemory()
            _ = try importing("id,name,type,departement,region,group\nsolipass,SOLIPASS,GES,49,,\n", into: store)
            do {
                _ = try importing(text, named: name, into: store)
                Issue.record("\(name) must be refused")
                return []
            } catch let failure as ImportFailure {
                return failure.issues.map(\.description)
            }
        }
        #expect(try issues(#"[{"id": "a", "name": "A", "type": "AI", "departement": "49", "": 1, "re gion": "x"}]"#, named: "members.json") == [
            #"members.json:1: "": is not allowed here"#, #"members.json:1: "re gion": is not allowed here"#,
        ])
        #expect(try issues("[3]", named: "members.json") == ["members.json:1: (row): must be an object, not a number"])
        #expect(try issues("{}", named: "members.json") == ["members.json:1: (json): must be a list, not an object"])
        #expect(try issues("id,name,type,departement,region,group,joined\nfuture,F,AI,49,,,2099-01-01\n", named: "members.csv")
            .first?.hasPrefix("members.csv:2: joined: factInTheFuture(") == true)
        #expect(try issues(#"{"kind":"certification.engaged","on":"2099-01-10","payload":{"member":"solipass","scheme":"cedre"}}"#, named: "facts.jsonl")
            .first?.hasPrefix("facts.jsonl:1: on: ") == true)
    }

    @Test func frenchSpreadsheetsAreRead() throws {
        let store = try CedreStore.inMemory()
        let summary = try importing("\u{FEFF}id;name;type;departement;region;group\r\nessai;Essai, association;AI;1;;\r\n", into: store)
        #expect(summary.count == 1)
        #expect(try store.member("essai")?.member.departement == "01")
        #expect(try store.member("essai")?.member.name == "Essai, association")
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let store = try CedreStore.inMemory()
        let url = try write("id,name,type,departement,region,group\nx,X,AI,49,,\n", named: "members.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let summary = try store.importFile(url, departements: CedreFixtures.departements, context: .tests(), dryRun: true)
        #expect(summary.count == 1 && summary.dryRun)
        #expect(try store.eventCount() == 0)
    }

    @Test func factsFilesAreReplayedBeforeAnyWrite() throws {
        let store = try CedreStore.inMemory()
        _ = try importing("id,name,type,departement,region,group\nsolipass,SOLIPASS,GES,49,,\n", into: store)
        do {
            _ = try importing("""
                {"kind":"certification.engaged","on":"2013-01-10","payload":{"member":"solipass","scheme":"cedre"}}
                {"kind":"certification.decided","on":"2013-02-10","payload":{"member":"solipass","scheme":"cedre"}}
                """, named: "facts.jsonl", into: store)
            Issue.record("a decision without audit must be refused")
        } catch let failure as ImportFailure {
            #expect(failure.issues.count == 1)
            #expect(failure.issues.first?.line == 2)
        }
        #expect(try store.eventCount() == 1)
    }

    @Test func everyRuleProblemIsListedOnceTheRefusedFactIsLeftOut() throws {
        let store = try CedreStore.inMemory()
        _ = try importing("id,name,type,departement,region,group\nsolipass,SOLIPASS,GES,49,,\ntremplin,TREMPLIN,AI,72,,\n", into: store)
        do {
            _ = try importing("""
                {"kind":"certification.engaged","on":"2013-01-10","payload":{"member":"solipass","scheme":"cedre"}}
                {"kind":"certification.decided","on":"2013-02-10","payload":{"member":"solipass","scheme":"cedre"}}
                {"kind":"audit.conducted","on":"2013-02-11","payload":{"member":"solipass","scheme":"cedre","audit":"A-2013-0009"}}
                {"kind":"certification.engaged","on":"2013-01-12","payload":{"member":"tremplin","scheme":"cedre"}}
                {"kind":"certification.engaged","on":"2013-01-13","payload":{"member":"tremplin","scheme":"cedre"}}
                {"kind":"certification.engaged","on":"2013-01-14","payload":{"member":"nobody","scheme":"cedre"}}
                """, named: "facts.jsonl", into: store)
            Issue.record("four refused facts must be reported")
        } catch let failure as ImportFailure {
            #expect(failure.issues.map(\.line) == [2, 3, 5, 6])
            #expect(failure.issues.map(\.field) == ["kind", "payload.audit", "kind", "payload.member"])
        }
        #expect(try store.eventCount() == 2)
    }

    @Test func theTwentyThirteenNetworkImportsAndVerifies() throws {
        let store = try CedreStore.network2013()
        let register = CertificationRegister(network: try store.network(through: "2013-12-31"), on: "2013-12-31")
        let standings = register.allStatuses
        #expect(try store.members().count == 511)
        #expect(standings.filter { $0.scheme == "cedre" && $0.standing == .certified }.count == 96)
        #expect(standings.filter { $0.scheme == "cedre-iso" && $0.standing == .certified }.count == 19)
        #expect(standings.filter { $0.standing.isEngaged }.count == 250)
        let before = try store.projectionDump()
        try store.rebuild()
        #expect(try store.projectionDump() == before)
        #expect(try store.verify().problem == nil)
    }
}
