/// The values a name typed on the command line can stand for, each known by several names.
///
/// Every option that takes a region, a member type or a scheme reads through one of these,
/// so `--region paca`, `--type ai` and `--scheme "CEDRE ISO 9001"` are understood the same
/// way everywhere. A key two values share names neither: an ambiguous name is refused, not
/// guessed.
public struct NameMatcher<Value: Hashable & Sendable>: Sendable {
    /// The names to show when nothing matches: each value's first name, in the order given.
    public let shownNames: [String]
    private let byKey: [String: Value]

    /// A matcher of `entries`: each value with its names, the first being how it is shown.
    public init(_ entries: [(value: Value, names: [String])]) {
        var byKey: [String: Value] = [:]
        var ambiguous: Set<String> = []
        for entry in entries {
            for name in entry.names {
                let key = TypedName(name).key
                guard !key.isEmpty else { continue }
                if let known = byKey[key], known != entry.value { ambiguous.insert(key) }
                byKey[key] = byKey[key] ?? entry.value
            }
        }
        for key in ambiguous { byKey[key] = nil }
        self.byKey = byKey
        var seen: Set<Value> = []
        shownNames = entries.compactMap { entry in
            guard seen.insert(entry.value).inserted else { return nil }
            return entry.names.first
        }
    }

    /// The value `typed` names, or nil when it names none (or more than one).
    public func value(named typed: String) -> Value? {
        byKey[TypedName(typed).key]
    }
}
