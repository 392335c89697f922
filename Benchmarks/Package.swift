// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// This folder, and the main package one level up; SwiftPM names a path dependency after its folder.
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let main = here.deletingLastPathComponent().lastPathComponent.lowercased()

/// The cross-audit planner's benchmark, `planner/`, joins the runner as the module
/// `PlannerBenchmark` when its folder is there.
let hasPlanner = FileManager.default.fileExists(atPath: here.appendingPathComponent("planner").path)

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
        .executableTarget(
            name: "cedre-benchmarks",
            dependencies: core + ["BenchmarkKit"] + (hasPlanner ? ["PlannerBenchmark"] : [])),
    ] + (hasPlanner ? [.target(name: "PlannerBenchmark", dependencies: core + ["BenchmarkKit"], path: "planner")] : [])
)
