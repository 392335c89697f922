import CedreTestSupport
import Testing

/// The steps of the foundation issue's contract, shared by the suites that start from them.
enum ContractSteps {
    /// A new database where SOLIPASS, a GES of Maine-et-Loire, is engaged under cedre on 2013-01-10.
    static func engage(_ cedre: CommandLineRunner) throws {
        try cedre.succeed("init")
        try cedre.succeed(["member", "add", "--id", "solipass", "--name", "SOLIPASS", "--type", "GES", "--departement", "49"])
        try cedre.succeed("cert engage solipass --scheme cedre --on 2013-01-10")
    }

    /// SOLIPASS's initial audit of 2013-03-01, conducted, with a major finding on requirement 4.2
    /// still open; returns the ids `audit plan` and `finding open` printed.
    @discardableResult
    static func openMajorFinding(_ cedre: CommandLineRunner) throws -> (audit: String, finding: String) {
        try engage(cedre)
        let audit = try cedre.newIdentifier("audit plan solipass --scheme cedre --kind initial --on 2013-03-01")
        try cedre.succeed("audit conduct \(audit) --on 2013-03-01")
        let finding = try cedre.newIdentifier("finding open \(audit) --grade major --requirement 4.2 --on 2013-03-01")
        return (audit, finding)
    }

    /// The finding's corrective action proposed, accepted, implemented and verified effective.
    static func closeFinding(_ finding: String, _ cedre: CommandLineRunner) throws {
        try cedre.succeed("finding propose \(finding) --on 2013-03-20")
        try cedre.succeed("finding accept \(finding) --on 2013-03-22")
        try cedre.succeed("finding implement \(finding) --on 2013-04-10")
        try cedre.succeed("finding verify \(finding) --effective --on 2013-04-20")
    }

    /// SOLIPASS certified under cedre on 2013-05-02, its major finding closed first.
    @discardableResult
    static func certify(_ cedre: CommandLineRunner) throws -> (audit: String, finding: String) {
        let ids = try openMajorFinding(cedre)
        try closeFinding(ids.finding, cedre)
        try cedre.succeed("cert decide solipass --scheme cedre --on 2013-05-02")
        return ids
    }

    /// `engage`, run once per test process; each runner gets a copy.
    static let engaged = SeededDatabase { cedre in try engage(cedre) }

    /// `openMajorFinding`, run once per test process; each runner gets a copy.
    static let majorFindingOpen = SeededDatabase { cedre in
        let ids = try openMajorFinding(cedre)
        #expect(ids.audit == "A-2013-0001" && ids.finding == "F-2013-0001")
    }

    /// `certify`, run once per test process; each runner gets a copy.
    static let certified = SeededDatabase { cedre in
        let ids = try certify(cedre)
        #expect(ids.audit == "A-2013-0001" && ids.finding == "F-2013-0001")
    }
}

extension SeededDatabase {
    /// The 2013 network as `cedre demo --lang en --db` builds it (no CEDRE_LANG), once per test
    /// process; what the demo printed is kept beside the database, in `demo.out`.
    static let demo2013 = SeededDatabase { cli in
        var english = cli
        english.environment.removeValue(forKey: "CEDRE_LANG")
        _ = try cli.write(try english.succeed(["demo", "--lang", "en", "--db", cli.database]), to: demoOutput)
    }

    /// The file of a copy of `demo2013` that holds what the demo printed.
    static let demoOutput = "demo.out"
}
