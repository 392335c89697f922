import Foundation
import Synchronization

/// Values handed from one thread to another in order, at most `capacity` of them waiting: a
/// reader that runs ahead of the thread using what it reads does so by that much and no more,
/// so memory stays that of a few values.
final class BoundedChannel<Value: Sendable>: Sendable {
    private let room = DispatchSemaphore(value: 0)
    private let waiting = DispatchSemaphore(value: 0)
    private let state = Mutex<(values: [Value], closed: Bool)>(([], false))

    init(capacity: Int) {
        // Signalled rather than created with the room: libdispatch stops the program when a
        // semaphore is released below the value it was created with, as a full channel's is.
        for _ in 0..<capacity { room.signal() }
    }

    /// Hands `value` over, waiting for room; false once the receiving side has closed the
    /// channel, when the sender should stop.
    func send(_ value: Value) -> Bool {
        room.wait()
        let sent = state.withLock { state in
            guard !state.closed else { return false }
            state.values.append(value)
            return true
        }
        if sent { waiting.signal() } else { room.signal() }
        return sent
    }

    /// The next value, waiting for it.
    func receive() -> Value {
        waiting.wait()
        let value = state.withLock { $0.values.removeFirst() }
        room.signal()
        return value
    }

    /// Tells the sender to stop: its `send`, waiting or next, returns false.
    func close() {
        state.withLock { $0.closed = true }
        room.signal()
    }
}
