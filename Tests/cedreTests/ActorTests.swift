import CedreJSON
import Testing

/// Who a fact is recorded by when `--actor` is not given: `CEDRE_ACTOR`, then the login name
/// the environment gives (`USER`, then `LOGNAME`, which cron sets), the account last.
@Suite struct ActorTests {
    @Test func theActorIsCedreActorThenUserThenLogname() throws {
        var cedre = try CommandLineRunner()
        defer { cedre.cleanUp() }
        try cedre.succeed("init")
        let steps: [(variables: [String: String], actor: String)] = [
            (["CEDRE_ACTOR": "claire", "USER": "anne", "LOGNAME": "cron"], "claire"),
            (["CEDRE_ACTOR": "", "USER": "anne", "LOGNAME": "cron"], "anne"),
            (["USER": "", "LOGNAME": "cron"], "cron"),
        ]
        for (index, step) in steps.enumerated() {
            for name in ["CEDRE_ACTOR", "USER", "LOGNAME"] {
                cedre.environment[name] = step.variables[name]
            }
            try cedre.succeed(["member", "add", "--id", "m\(index)", "--name", "M", "--type", "AI", "--departement", "49"])
        }
        let log = try JSONParser.parse(try cedre.succeed("log --format json"))
        #expect(log.arrayValue?.suffix(steps.count).map { $0["actor"]?.stringValue } == steps.map(\.actor))
    }
}
