import Synchronization

/// A value that takes long to compute (a seeded database, a completion script), computed on
/// first use and shared by every test of the process; a failure is kept and thrown to each.
public final class Once<Value: Sendable>: Sendable {
    private let compute: @Sendable () throws -> Value
    private let result = Mutex<Result<Value, any Error>?>(nil)

    /// A value `compute` gives the first time a test asks for it.
    public init(_ compute: @escaping @Sendable () throws -> Value) {
        self.compute = compute
    }

    /// The value, computed now if no test asked before; a test asking meanwhile waits for it.
    public func get() throws -> Value {
        try result.withLock { result in
            let computed = result ?? Result { try compute() }
            result = computed
            return try computed.get()
        }
    }
}

/// Values that take long to compute, one per key (each command's help screen), each computed
/// once per process on first use; different keys are computed at the same time.
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let compute: @Sendable (Key) throws -> Value
    private let values = Mutex<[Key: Once<Value>]>([:])

    /// Values `compute` gives for each key the first time a test asks for it.
    public init(_ compute: @escaping @Sendable (Key) throws -> Value) {
        self.compute = compute
    }

    /// The value of `key`, computed now if no test asked for it before.
    public func get(_ key: Key) throws -> Value {
        let compute = self.compute
        let once = values.withLock { values in
            if let known = values[key] { return known }
            let once = Once { try compute(key) }
            values[key] = once
            return once
        }
        return try once.get()
    }
}
