import Synchronization

/// Results computed on several threads, one slot each, read back in slot order, so what
/// follows a parallel step is the same whatever the scheduling.
final class ParallelResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    /// Fills one slot; called once per slot, from any thread.
    func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    /// The filled slots, in order.
    var values: [Value] {
        slots.withLock { $0.compactMap { $0 } }
    }
}
