import Foundation
import Testing

/// Golden files: a report's text is compared with `__Snapshots__/<name>` next to the test.
///
/// `name` may climb out of `__Snapshots__` (`../../../docs/x.md`); the path is resolved
/// lexically, so the folder need not exist in a fresh clone.
///
/// A missing golden fails; `RECORD_SNAPSHOTS=1 swift test` writes (or rewrites) them.
public enum Snapshot {
    /// Compares `actual` with the golden file `name`, or records it when asked.
    public static func expect(
        _ actual: String, matches name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let url = folder.appendingPathComponent(name).standardizedFileURL
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run RECORD_SNAPSHOTS=1 swift test to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let difference = firstDifference(expected, actual)
            Issue.record("\(name) differs from its golden file at line \(difference.line):\n- \(difference.expected)\n+ \(difference.actual)\n(RECORD_SNAPSHOTS=1 swift test re-records it)", sourceLocation: sourceLocation)
        }
    }

    private static func firstDifference(_ expected: String, _ actual: String) -> (line: Int, expected: String, actual: String) {
        let left = expected.components(separatedBy: "\n")
        let right = actual.components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : "<end>"
            let b = index < right.count ? right[index] : "<end>"
            if a != b { return (index + 1, a, b) }
        }
        return (0, "", "")
    }
}
