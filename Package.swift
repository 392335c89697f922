// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cedre",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cedre", targets: ["cedre"]),
        .library(name: "CedreJSON", targets: ["CedreJSON"]),
        .library(name: "CedreCore", targets: ["CedreCore"]),
        .library(name: "CedreStore", targets: ["CedreStore"]),
        .library(name: "CedreReports", targets: ["CedreReports"]),
        .library(name: "CedreFixtures", targets: ["CedreFixtures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .target(name: "CedreSchemas", path: "Schemas", resources: [.embedInCode("json"), .embedInCode("schema.sql")]),
        .target(
            name: "CedreFixtures", dependencies: ["CedreCore", .product(name: "CSV", package: "CSV.swift")], path: "Fixtures",
            exclude: ["README.md", "generate-network-2013.py", "examples"], resources: [.copy("network-2013"), .embedInCode("departements.csv")]),
        .target(name: "CedreJSON"),
        .target(
            name: "CedreCore", dependencies: ["CedreJSON", "CedreSchemas"],
            resources: [.embedInCode("Schemes/Definitions"), .embedInCode("Calendar/Holidays")]),
        .target(name: "CedreGeneration", dependencies: ["CedreCore", "CedreReports"]),
        .target(name: "CedreStore", dependencies: [
            "CedreCore", "CedreJSON", "CedreSchemas",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CedreReports", dependencies: ["CedreCore"]),
        .target(name: "CedreTestSupport", dependencies: [
            "CedreCore", "CedreStore", "CedreFixtures", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "cedre", dependencies: [
            "CedreCore", "CedreJSON", "CedreGeneration", "CedreStore", "CedreReports", "CedreFixtures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "CedreJSONTests", dependencies: ["CedreJSON"]),
        .testTarget(name: "CedreGenerationTests", dependencies: ["CedreGeneration", "CedreCore", "CedreFixtures", "CedreTestSupport"]),
        .testTarget(name: "CedreCoreTests", dependencies: ["CedreCore", "CedreJSON", "CedreFixtures", "CedreTestSupport", "CedreSchemas"]),
        .testTarget(
            name: "CedreStoreTests",
            dependencies: [
                "CedreStore", "CedreGeneration", "CedreJSON", "CedreTestSupport", "CedreFixtures", "CedreSchemas",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["__Snapshots__"]),
        .testTarget(
            name: "CedreReportsTests",
            dependencies: [
                "CedreReports", "CedreCore", "CedreJSON", "CedreTestSupport", "CedreStore", "CedreFixtures",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["__Snapshots__"]),
        .testTarget(
            name: "cedreTests",
            dependencies: [
                "cedre", "CedreTestSupport", "CedreCore", "CedreJSON", "CedreSchemas", "CedreReports", "CedreStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["__Snapshots__"]),
    ]
)
