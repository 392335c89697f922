import BenchmarkKit
import Foundation

/// Runs the DESIGN §9 benchmarks on one generated network and prints the table of medians.
func runBenchmarks() throws {
    let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    let workspace = Workspace()
    guard FileManager.default.isExecutableFile(atPath: workspace.cedre.path) else {
        throw BenchmarkError.missing("no cedre at \(workspace.cedre.path)\n\(Options.usage)")
    }
    let dataset = try Dataset(workspace: workspace, options: options)
    print("cedre benchmarks: \(options.members) members, \(options.years.lowerBound)-\(options.years.upperBound), seed \(options.seed), \(options.runs) runs")
    print("data: \(dataset.folder.path)")
    fflush(nil)
    var table = ResultTable()
    if let generated = try dataset.generateIfNeeded() {
        let events = try String(contentsOf: dataset.eventsFile, encoding: .utf8).utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        table.add(ResultTable.Line(
            work: "`generate`", size: "\(options.members) members, \(events) events", cedre: Samples([generated.seconds]),
            raw: nil, target: "—", met: true, note: "peak memory \(generated.peakMemory / 1_048_576) MB"))
    }
    if options.wants("import") { try ImportBenchmark(dataset: dataset, runs: options.runs).run(into: &table) }
    if options.wants("check") { try CheckBenchmark(dataset: dataset, runs: options.runs).run(into: &table) }
    if options.wants("status") { try StatusReportBenchmark(dataset: dataset, runs: options.runs).run(into: &table) }
    if options.wants("show") { try CertShowBenchmark(dataset: dataset, runs: options.runs).run(into: &table) }
    if options.wants("rebuild") { try RebuildBenchmark(dataset: dataset, runs: options.runs).run(into: &table) }
    if options.wants("planner") { try CrossAuditPlannerBenchmark(workspace: workspace, options: options).run(into: &table) }
    print("\n" + table.markdown)
}

do {
    try runBenchmarks()
} catch {
    FileHandle.standardError.write(Data("cedre-benchmarks: \(error)\n".utf8))
    exit(1)
}
