import Foundation
import Synchronization

/// A running child's own high-water mark of resident memory, read from `/proc` while it runs.
///
/// `wait4`'s `ru_maxrss` cannot serve on Linux: `exec` carries the spawning process's
/// high-water mark into the child (glibc's `posix_spawn` shares the parent's memory until
/// then), so a benchmark holding a large file would be charged to every command it runs.
/// `VmHWM` belongs to the child's own memory map; it only grows, so reading it every few
/// milliseconds misses at most what the last milliseconds before exit added.
final class PeakMemoryWatch: Sendable {
    private let path: String
    private let state = Mutex<(peak: Int, watching: Bool)>((0, true))
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `/proc/<pid>/status`; nil where there is no `/proc`.
    init?(pid: pid_t) {
        path = "/proc/\(pid)/status"
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { return nil }
        DispatchQueue.global().async { [self] in
            while isWatching {
                if let bytes = highWaterMark() { record(bytes) }
                usleep(5_000)
            }
            finished.signal()
        }
    }

    /// Stops watching and returns the highest `VmHWM` read, in bytes.
    func stop() -> Int {
        state.withLock { $0.watching = false }
        finished.wait()
        return state.withLock { $0.peak }
    }

    private var isWatching: Bool { state.withLock { $0.watching } }

    private func record(_ bytes: Int) {
        state.withLock { $0.peak = max($0.peak, bytes) }
    }

    /// `VmHWM:    123456 kB` → bytes.
    private func highWaterMark() -> Int? {
        guard let status = try? String(contentsOfFile: path, encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { $0 * 1024 }
    }
}
