import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// `cedre correct`, `cedre void`, `cedre member edit` and `cedre import --update`, end to end.
@Suite struct CorrectionCommandTests {
    /// The README's member up to its certification, with the conduct and the decision on the
    /// days given; returns the new audit's id.
    @discardableResult
    private static func certify(_ cedre: CommandLineRunner, conductedOn conduct: String, decidedOn decision: String) throws -> String {
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-02-01")
        try cedre.succeed("audit conduct \(audit) --on \(conduct)")
        try cedre.succeed("cert decide solipass --scheme cedre --on \(decision)")
        return audit
    }

    /// The README's member certified with its audit conducted on 1 March and the decision of 2 May
    /// 2013, the days it should have, built once per test process.
    private static let certifiedOnTime = SeededDatabase { cedre in
        try certify(cedre, conductedOn: "2013-03-01", decidedOn: "2013-05-02")
    }

    /// The number `cedre log` gives the last event of `kind`.
    private func event(_ cedre: CommandLineRunner, _ kind: String) throws -> String {
        let log = try JSONParser.parse(try cedre.succeed("log --format json"))
        let events = try #require(log.arrayValue).filter { $0["kind"]?.stringValue == kind }
        return try #require(events.last?["id"]?.intValue).description
    }

    private static let questions = [
        "cert show solipass --scheme cedre --as-of DAY --format json",
        "report status --as-of DAY --format json",
        "check --as-of DAY --format json --dry-run",
        "export --registry --as-of DAY",
    ]

    @Test func factsCorrectedFromTheCommandLineAnswerAsIfEnteredRight() throws {
        let right = try Self.certifiedOnTime.runner()
        let wrong = try CommandLineRunner()
        defer { right.cleanUp(); wrong.cleanUp() }
        try Self.certify(wrong, conductedOn: "2013-03-11", decidedOn: "2013-05-12")
        let conduct = try wrong.newIdentifier(
            "correct \(try event(wrong, "audit.conducted")) --on 2013-03-01 --reason conducted-on-the-1st")
        #expect(Int(conduct) != nil)
        _ = try wrong.newIdentifier("correct \(try event(wrong, "certification.decided")) --on 2013-05-02 --reason decided-on-the-2nd")
        for day in ["2013-03-05", "2013-05-05", "2014-05-03", "2016-05-03"] {
            for question in Self.questions {
                let line = question.replacingOccurrences(of: "DAY", with: day)
                let (corrected, expected) = (try wrong.run(line), try right.run(line))
                #expect(corrected.status == expected.status && [0, 3].contains(expected.status), "cedre \(line)")
                #expect(corrected.output == expected.output, "cedre \(line)")
            }
        }
        try wrong.expectVerified()
    }

    @Test func aVoidedDecisionLeavesTheRegistry() throws {
        let cedre = try Self.certifiedOnTime.runner()
        defer { cedre.cleanUp() }
        #expect(try cedre.succeed("export --registry --as-of 2013-12-31").contains("CEDRE-2013-solipass"))
        _ = try cedre.newIdentifier(["void", try event(cedre, "certification.decided"), "--reason", "entered for the wrong member"])
        #expect(!(try cedre.succeed("export --registry --as-of 2013-12-31").contains("CEDRE-2013-solipass")))
        try cedre.succeed("cert decide solipass --scheme cedre --on 2013-06-03")
        let registry = try cedre.succeed("export --registry --as-of 2013-12-31")
        #expect(registry.contains("CEDRE-2013-solipass-2,"))
        #expect(!registry.contains("CEDRE-2013-solipass,"))
    }

    @Test func theLogShowsTheOriginalNextToItsCorrectionWithBothActorsAndTheReason() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try Self.certify(cedre, conductedOn: "2013-03-11", decidedOn: "2013-05-02")
        let original = try event(cedre, "audit.conducted")
        cedre.environment["CEDRE_ACTOR"] = "claire"
        let correction = try cedre.newIdentifier(["correct", original, "--on", "2013-03-01", "--reason", "typed the 11th"])
        let lines = try cedre.succeed("log").split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix(String(repeating: " ", count: 2 - original.count) + original + " ") || $0.hasPrefix(original + " ") })
        #expect(lines[at].contains("corrected by #\(correction) (claire)"))
        #expect(lines[at + 1].contains("corrects #\(original) of tests: on 2013-03-01"))
        #expect(lines[at + 1].contains("typed the 11th") && lines[at + 1].contains("claire"))
        let log = try JSONParser.parse(try cedre.succeed("log --format json"))
        let events = try #require(log.arrayValue)
        let marked = try #require(events.first { $0["id"]?.intValue == Int(original) })
        #expect(marked["amendedBy"]?["event"]?.intValue == Int(correction))
        #expect(marked["amendedBy"]?["actor"]?.stringValue == "claire")
        let link = try #require(events.first { $0["id"]?.intValue == Int(correction) })
        #expect(link["amends"]?["event"]?.intValue == Int(original) && link["amends"]?["actor"]?.stringValue == "tests")
        #expect(link["amends"]?["reason"]?.stringValue == "typed the 11th")
    }

    @Test(arguments: [
        ["correct", "4", "--on", "2013-03-01"],
        ["correct", "4", "--on", "2013-03-01", "--reason", " "],
        ["correct", "4", "--reason", "nothing said"],
        ["void", "4"],
        ["correct", "4", "--set", "=x", "--reason", "r"],
    ])
    func aCorrectionWithoutAReasonOrAChangeIsAUsageError(_ arguments: [String]) throws {
        let cedre = try Self.certifiedOnTime.runner()
        defer { cedre.cleanUp() }
        let before = try cedre.databaseContent()
        #expect(try cedre.run(arguments).status == 64)
        #expect(try cedre.databaseContent() == before)
    }

    @Test func aCorrectionThatWouldBreakHistoryIsRefusedAndChangesNothing() throws {
        let cedre = try Self.certifiedOnTime.runner()
        defer { cedre.cleanUp() }
        let before = try cedre.databaseContent()
        let conduct = try event(cedre, "audit.conducted")
        let refused = try cedre.run(["correct", conduct, "--on", "2013-05-10", "--reason", "r"])
        #expect(refused.status == 65)
        #expect(refused.error.contains("event #5 (certification decided on 2013-05-02)"))
        #expect(try cedre.run(["void", "999", "--reason", "r"]).status == 65)
        #expect(try cedre.databaseContent() == before)
    }

    @Test func anEditedMemberIsReportedAsItWasOnEachDay() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49 --joined 2009-03-01")
        try cedre.succeed("member edit solipass --departement 75 --type EI --on 2014-01-01")
        let before = try cedre.succeed("report status --as-of 2013-12-31 --format csv")
        let after = try cedre.succeed("report status --as-of 2014-01-01 --format csv")
        #expect(before.contains("Pays de la Loire") && before.contains("GES") && !before.contains("le-de-France"))
        #expect(after.contains("le-de-France") && after.contains("EI") && !after.contains("Pays de la Loire"))
        #expect(try cedre.run("member edit solipass --type EI --on 2014-02-01").status == 65)
        #expect(try cedre.run("member edit solipass").status == 64)
        try cedre.expectVerified()
    }

    @Test func theMonthlyFileBringsMembersUpToDateAndKeepsTheirHistory() throws {
        let cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let january = try cedre.write("""
            id,name,type,departement,region,group
            solipass,SOLIPASS,GES,49,,
            tremplin,TREMPLIN,ACI,72,,
            reel,REEL,AI,44,,
            """, to: "janvier.csv")
        try cedre.succeed(["import", january, "--as-of", "2014-01-31"])
        #expect(try cedre.run(["import", january, "--as-of", "2014-02-01"]).status == 65)
        let february = try cedre.write("""
            Identifiant;Nom;Type;Département;Région;Groupe
            solipass;SOLIPASS;GES;49;;
            tremplin;TREMPLIN Sarthe;ACI;75;;
            nouveau;NOUVEAU;EI;49;;
            """, to: "fevrier.csv")
        let summary = try cedre.succeed(["import", february, "--update", "--as-of", "2014-02-28"])
        #expect(summary.contains("added 1 · amended 1 · unchanged 1"))
        #expect(summary.contains("reel"))
        #expect(try cedre.succeed("member show tremplin --as-of 2014-02-27").contains("72"))
        #expect(try cedre.succeed("member show tremplin --as-of 2014-02-28").contains("TREMPLIN Sarthe"))
        #expect(try cedre.succeed("member show reel").contains("REEL"))
        #expect(try cedre.succeed(["import", february, "--update", "--as-of", "2014-03-01"]).contains("added 0 · amended 0 · unchanged 3"))
        try cedre.expectVerified()
    }
}
