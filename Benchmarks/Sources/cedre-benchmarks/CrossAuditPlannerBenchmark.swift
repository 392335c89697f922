import BenchmarkKit
import Foundation

/// The cross-audit planner at 500 and 5,000 members (DESIGN §9: under 1 s and 30 s, total
/// distance within 1 % of the exact optimum), measured by the `PlannerBenchmark` executable
/// built from `planner/` next to this one.
///
/// The line is met on time; its note gives the plan's gap to the lower bound the planner
/// proves (zero means optimal). The comparison with the exact optimum (HiGHS), which a weak
/// bound cannot settle, is `planner/measure.py`'s, in docs/performance.md.
struct CrossAuditPlannerBenchmark {
    let workspace: Workspace
    let options: Options

    func run(into table: inout ResultTable) throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("PlannerBenchmark").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            ResultTable.say("  planner: no PlannerBenchmark next to this runner (Benchmarks/planner absent); skipped")
            return
        }
        for (members, limit) in [(500, 1.0), (5000, 30.0)] {
            let outcome = try ChildProcess.succeed(executable, [
                "--members", String(members), "--seed", String(options.seed), "--repeat", String(options.runs),
                "--departements", workspace.root.appendingPathComponent("Fixtures/departements.csv").path,
            ], keepOutput: true)
            let line = outcome.output.split(separator: "\n").last.map(String.init) ?? ""
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let seconds = (object["seconds"] as? NSNumber)?.doubleValue,
                let cost = (object["cost"] as? NSNumber)?.doubleValue
            else { throw BenchmarkError.missing("PlannerBenchmark printed no result: \(outcome.output) \(outcome.error)") }
            let bound = (object["lowerBound"] as? NSNumber)?.doubleValue ?? 0
            let proven = (object["proven"] as? Bool) ?? false
            let gap = bound > 0 ? 100 * (cost - bound) / bound : .nan
            table.add(ResultTable.Line(
                work: "campaign plan", size: "\(members) members", cedre: Samples([seconds]), raw: nil,
                target: "< \(Int(limit)) s", met: seconds < limit,
                note: String(
                    format: "median of %d runs; %.0f km, %.2f %% above the planner's lower bound%@", options.runs, cost, gap,
                    proven ? ", proven optimal" : "; optimum: see Cross-audit planner")))
        }
    }
}
