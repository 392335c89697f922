import Foundation
import Synchronization

/// Work started on other threads whose result this thread collects later, so a long
/// computation overlaps what this thread does meanwhile (writing the rows of the previous one).
final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    /// Starts `work` at once on a global queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// Waits for the work to end, and returns its value or throws its error; called once.
    func value() throws -> Value {
        done.wait()
        return try outcome.withLock { $0 }!.get()
    }
}
