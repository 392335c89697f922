// swift-tools-version: 6.1
import PackageDescription

/// cedre's own modules ask for a generic type's metadata through its accessor, with the witness
/// tables the compiler already knows, instead of by mangled name: the runtime checked each such
/// name's requirements by scanning every protocol conformance record of the binary (8,284) at
/// its first use, 5.6 M of the 24.3 M instructions of a cold `cert show` (docs/performance.md).
let directMetadata: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

/// The linker writes the executable with write(2), not through a mapping of the file: a cold
/// `cert show` started 0.8 ms sooner from a `cp` of the linker's file than from the file itself
/// (6.24 against 7.02 ms); written this way, the linker's file starts as fast as a copy.
let startFast: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--no-mmap-output-file"], .when(platforms: [.linux]))]

/// The modules whose work the tests mostly run (the JSON parser, the machines and calendars, the
/// store's replays and projections) are optimized in debug builds too: `swift test` on a warm
/// build went from 62.6–78.4 s to 41.7–54.1 s of test time, interleaved on one machine
/// (docs/performance.md, "Night of 2026-12-06"); compiling the three and what depends on them
/// takes 105 s instead of 33 s.
/// Whole-module, as a release build is: a debug build optimizes file by file, and a generic
/// declared in one file then runs unspecialized from the others (the machines' transition
/// tables cost 3.4 % of the suite's time that way). One object file per source file
/// (`-num-threads`), as SwiftPM expects; the driver says it ignores batch mode.
/// `CEDRE_ONONE=1 swift build` leaves them unoptimized, to step through them in a debugger.
let optimizedEvenInDebug: [SwiftSetting] =
    Context.environment["CEDRE_ONONE"] == "1"
    ? [] : [.unsafeFlags(["-O", "-wmo", "-num-threads", "2"], .when(configuration: .debug))]

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
        .target(name: "CedreJSON", swiftSettings: directMetadata + optimizedEvenInDebug),
        .target(
            name: "CedreCore", dependencies: ["CedreJSON", "CedreSchemas"],
            resources: [.embedInCode("Schemes/Definitions"), .embedInCode("Calendar/Holidays")],
            swiftSettings: directMetadata + optimizedEvenInDebug),
        .target(name: "CedreGeneration", dependencies: ["CedreCore", "CedreReports"]),
        .target(name: "CedreStore", dependencies: [
            "CedreCore", "CedreJSON", "CedreSchemas",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: directMetadata + optimizedEvenInDebug),
        .target(name: "CedreReports", dependencies: ["CedreCore"], swiftSettings: directMetadata),
        .target(name: "CedreTestSupport", dependencies: [
            "CedreCore", "CedreStore", "CedreFixtures", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "cedre", dependencies: [
            "CedreCore", "CedreJSON", "CedreGeneration", "CedreStore", "CedreReports", "CedreFixtures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: directMetadata, linkerSettings: startFast),
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
