import Foundation

/// Where things are: the repository, the release `cedre` the benchmarks run, and the folder
/// generated data and databases are kept in (under `Benchmarks/.build`, ignored by git).
public struct Workspace: Sendable {
    /// The repository's root, the main package.
    public let root: URL
    /// The `cedre` executable: `.build/release/cedre`, built as one static executable (README).
    public let cedre: URL
    /// Generated files and databases, kept between runs so data is generated once.
    public let data: URL

    /// The workspace of this checkout; `CEDRE_BINARY` names another `cedre`.
    public init() {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        cedre = environment["CEDRE_BINARY"].map(URL.init(fileURLWithPath:))
            ?? root.appendingPathComponent(".build/release/cedre")
        data = root.appendingPathComponent("Benchmarks/.build/data")
    }

    /// A folder under `data`, created if needed.
    public func folder(_ name: String) throws -> URL {
        let url = data.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
