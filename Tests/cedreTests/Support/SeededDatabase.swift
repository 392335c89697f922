import CedreTestSupport
import Foundation
import Synchronization

/// A database that takes cedre seconds to build (the demo network, a contract's first
/// steps), built once per test process and copied for each test that needs a fresh one: a
/// test pays for a file copy instead of a dozen runs of `cedre`.
public final class SeededDatabase: Sendable {
    private let template: Once<CommandLineRunner>

    /// A seed that `build` writes into a fresh runner's folder the first time a test asks for it.
    public init(_ build: @escaping @Sendable (CommandLineRunner) throws -> Void) {
        template = Once {
            let runner = try CommandLineRunner()
            SeedFolders.removeAtExit(runner.folder)
            try build(runner)
            return runner
        }
    }

    /// A new runner whose folder starts as a copy of the seed's: the database, its witness and
    /// whatever else the build wrote there.
    public func runner() throws -> CommandLineRunner {
        let template = try self.template.get()
        let runner = try CommandLineRunner()
        let manager = FileManager.default
        // The build's runs have all ended and closed the database: the files are at rest, a
        // copy is the database.
        for name in try manager.contentsOfDirectory(atPath: template.folder.path) {
            try manager.copyItem(at: template.folder.appendingPathComponent(name), to: runner.folder.appendingPathComponent(name))
        }
        return runner
    }
}

/// The seeds' folders, removed when the test process exits (a test never writes to them).
private enum SeedFolders {
    static let folders = Mutex<[URL]>([])
    static let registration: Void = {
        atexit {
            for folder in SeedFolders.folders.withLock({ $0 }) {
                try? FileManager.default.removeItem(at: folder)
            }
        }
    }()

    static func removeAtExit(_ folder: URL) {
        registration
        folders.withLock { $0.append(folder) }
    }
}
