import CedreCore
import CedreJSON
import CedreTestSupport
import Foundation
import Testing

/// Every list, show, log and check output in French (the default) and in English (issue 14):
/// one vocabulary, days as each language writes them, no internal state or event name.
@Suite struct LanguageGoldenTests {
    /// A small federation as of 3 May 2014: SOLIPASS certified after an initial audit with a
    /// major and a minor finding, its surveillance overdue; a site applying to the CEDRE ISO
    /// group; a cross-auditor; a 2014 campaign; a fact corrected.
    private func federation() throws -> CommandLineRunner {
        let cedre = try CommandLineRunner()
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49 --joined 2009-01-01")
        try cedre.succeed(["member", "add", "--id", "tierce", "--name", "SOLIPASS Tiercé", "--type", "AI", "--departement", "49",
                           "--group", "solipass", "--joined", "2009-03-01", "--source", "annuaire 2013"])
        try cedre.succeed(["member", "add", "--id", "aider-45", "--name", "AIDER 45", "--type", "ACI", "--departement", "45", "--joined", "2010-01-01"])
        try cedre.succeed(["member", "add", "--id", "national", "--name", "COORACE national", "--type", "national", "--departement", "75",
                           "--joined", "2000-01-01"])
        try cedre.succeed(["auditor", "add", "--id", "lemoine", "--name", "Christophe Lemoine", "--member", "aider-45", "--scheme", "cedre",
                           "--trained-on", "2013-02-04"])
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        try cedre.succeed("cert engage aider-45 --scheme cedre --on 2013-02-01")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01 --planned-on 2013-01-15")
        try cedre.succeed(["audit", "confirm", audit, "--auditor", "C. Lemoine", "--confirmed-on", "2013-02-20"])
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let major = try cedre.newIdentifier(["finding", "open", audit, "--grade", "major", "--requirement", "4.2",
                                             "--statement", "no review of the quality objectives", "--on", "2013-03-01"])
        let minor = try cedre.newIdentifier("finding open \(audit) --grade minor --requirement 7.1 --on 2013-03-01")
        try cedre.succeed("audit report \(audit) --on 2013-03-08")
        try cedre.succeed(["finding", "propose", major, "--plan", "train both coordinators", "--on", "2013-03-20"])
        try cedre.succeed("finding accept \(major) --on 2013-03-22")
        try cedre.succeed("finding implement \(major) --on 2013-04-10")
        try cedre.succeed("finding verify \(major) --effective --on 2013-04-20")
        try cedre.succeed(["finding", "propose", minor, "--plan", "update the register", "--on", "2013-03-20"])
        try cedre.succeed("finding accept \(minor) --due 2013-06-30 --on 2013-03-22")
        try cedre.succeed("audit close \(audit) --on 2013-04-25")
        try cedre.succeed("cert decide solipass --scheme cedre --on 2013-05-02")
        let engaged = try JSONParser.parse(try cedre.succeed("log --member aider-45 --format json")).arrayValue?
            .first { $0["kind"]?.stringValue == "certification.engaged" }?["id"]?.intValue
        try cedre.succeed(["correct", String(try #require(engaged)), "--on", "2013-02-11", "--reason", "typed the 1st for the 11th",
                           "--as-of", "2013-12-01"])
        try cedre.succeed("cert engage national --scheme cedre-iso --on 2013-01-05")
        try cedre.succeed("group apply tierce --scheme cedre-iso --on 2013-02-01")
        try cedre.succeed("campaign plan --scheme cedre --year 2014 --seed 1 --as-of 2013-12-15")
        return cedre
    }

    /// The recorded moments of `cedre log` are the run's own: written as a fixed placeholder.
    private func withoutRecordedMoments(_ text: String) throws -> String {
        text.replacing(try Regex(#"(\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}) \d{2}:\d{2}"#), with: "<recorded>")
    }

    @Test func everyListShowLogAndCheckReadsAsItsGoldenInBothLanguages() throws {
        let federation = try federation()
        defer { federation.cleanUp() }
        let views: [(name: String, command: String, status: Int32)] = [
            ("member-list", "member list", 0),
            ("member-show", "member show tierce", 0),
            ("audit-list", "audit list", 0),
            ("audit-show", "audit show A-2013-0001", 0),
            ("finding-list", "finding list", 0),
            ("finding-show", "finding show F-2013-0001", 0),
            ("auditor-list", "auditor list", 0),
            ("group-show", "group show --scheme cedre-iso", 0),
            ("group-investigations", "group investigations --scheme cedre-iso", 0),
            ("cert-show", "cert show solipass --scheme cedre", 0),
            ("campaign-show", "campaign show --scheme cedre --year 2014", 0),
            ("campaign-plan", "campaign plan --scheme cedre --year 2014 --seed 1 --dry-run", 0),
            ("campaign-plan-no-auditor", "campaign plan --scheme cedre-iso --year 2014 --dry-run", 0),
            ("scheme-list", "scheme list", 0),
            ("scheme-show", "scheme show cedre", 0),
            ("check", "check --dry-run", 3),
            ("log", "log", 0),
        ]
        for language in ["fr", "en"] {
            var cedre = federation
            cedre.environment["CEDRE_LANG"] = language
            for view in views {
                let run = try cedre.run(view.command.split(separator: " ").map(String.init) + ["--as-of", "2014-05-03"])
                #expect(run.status == view.status, "\(view.command): \(run.error)")
                let text = run.output
                Snapshot.expect(try withoutRecordedMoments(text), matches: "language/\(view.name).\(language).txt")
                #expect(try RefusalMessageTests.internalNames(in: text).isEmpty, "\(view.command) in \(language)")
            }
        }
    }

    @Test func frenchIsTheDefaultAndLangOverridesTheEnvironment() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        cedre.environment.removeValue(forKey: "CEDRE_LANG")
        #expect(try cedre.succeed("init").hasSuffix(" créé.\n"))
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        cedre.environment["CEDRE_LANG"] = "fr"
        #expect(try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10 --lang en") == "solipass engaged under cedre on 2013-01-10.\n")
        cedre.environment["CEDRE_LANG"] = "en_GB.UTF-8"
        #expect(try cedre.run("cert engage solipass --scheme cedre --on 2013-01-11").error.hasPrefix("cedre: solipass is already engaged"))
        // A refusal before any option is parsed speaks --lang too
        let mistyped = try cedre.run("membr list --lang fr")
        #expect(mistyped.status == 64)
        #expect(mistyped.error.hasPrefix("Erreur\u{00A0}: la sous-commande «\u{00A0}membr\u{00A0}» n'existe pas\u{00A0}: vouliez-vous dire «\u{00A0}member\u{00A0}»\u{202F}?"))
    }

    @Test func aRefusalInFrenchSaysWhatToDoOnOneLine() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        cedre.environment["CEDRE_LANG"] = "fr"
        try cedre.succeed("init")
        try cedre.succeed("member add --id solipass --name SOLIPASS --type GES --departement 49")
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")
        try cedre.run("finding open \(audit) --grade major --requirement 4.2 --on 2013-03-01").expectRefused(
            status: 65, mentioning: "l'audit \(audit) est planifié, pas encore réalisé (depuis le 01/03/2013)\u{00A0}: on ne peut pas y relever d'écart le 01/03/2013. Il faut d'abord enregistrer sa réalisation\u{00A0}: cedre audit conduct \(audit) --on JJ/MM/AAAA.")
        try cedre.run("audit conduct \(audit) --on 2013-02-20").expectRefused(
            status: 65, mentioning: "l'audit \(audit) n'a été planifié que le 01/03/2013 (pour le 01/03/2013)")
        try cedre.run("audit conduct A-2013-001 --on 2013-03-01").expectRefused(
            status: 65, mentioning: "aucun audit A-2013-001\u{00A0}: vouliez-vous dire \(audit)\u{202F}?")
    }
}
