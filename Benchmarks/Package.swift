// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// This folder, and the main package one level up; SwiftPM names a path dependency after its folder.
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let main = here.deletingLastPathComponent().lastPathComponent.lowercased()

/// The cross-audit planner's benchmark, `planner/`, is built as the executable `PlannerBenchmark`
/// when its folder is there; the runner calls it for its 500- and 5,000-member lines.
let hasPlanner = FileManager.default.fileExists(atPath: here.appendingPathComponent("planner/PlannerBenchmark.swift").path)

let core: [Target.Dependency] = [
    .product(name: "CedreCore", package: main),
    .product(name: "CedreStore", package: main),
    .product(name: "CedreReports", package: main),
]

let package = Package(
    name: "cedre-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "BenchmarkKit", dependencies: core + [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .executableTarget(name: "cedre-benchmarks", dependencies: core + ["BenchmarkKit"]),
    ] + (hasPlanner
        ? [.executableTarget(
            name: "PlannerBenchmark", dependencies: core + [.product(name: "CedreFixtures", package: main)], path: "planner",
            exclude: ["exact_optimum.py", "measure.py"])]
        : [])
)
