import Foundation
import Synchronization

/// Work started on other threads whose result this thread collects later, so a long
/// computation overlaps what this thread does meanwhile (writing the rows of the previous one).
///
/// What the work holds (a store, a second connection) is let go before its value is handed
/// over: kept by the queue's block until the block ended, a store whose last owner the block
/// was closed its connection on that thread after the command had returned, while another
/// connection was opening (a read-only open in the concurrency test failed with "database is
/// locked").
final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let work: Mutex<(@Sendable () throws -> Value)?>

    /// Starts `work` at once on a global queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        self.work = Mutex(work)
        DispatchQueue.global().async { [self] in
            let result = run()
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// Runs the work, taken out of `work`: released when this returns.
    private func run() -> Result<Value, any Error> {
        let taken = work.withLock { work in
            defer { work = nil }
            return work
        }
        return Result { try taken!() }
    }

    /// Waits for the work to end, and returns its value or throws its error; called once.
    func value() throws -> Value {
        done.wait()
        return try outcome.withLock { $0 }!.get()
    }
}
