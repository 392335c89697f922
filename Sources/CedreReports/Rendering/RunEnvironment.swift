#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment variables a run reads, by name: the process's own, each looked up when
/// asked, or those a test gives.
///
/// A command reads four or five variables; Foundation's `ProcessInfo.environment` copies every
/// one into a dictionary first, which took a fiftieth of a cold `cedre cert show`.
public struct RunEnvironment: Sendable, ExpressibleByDictionaryLiteral {
    /// nil for the process's own variables.
    private let values: [String: String]?

    /// The process's environment, read variable by variable.
    public static let process = RunEnvironment(values: nil)

    /// An environment holding `values` only.
    public init(_ values: [String: String]) {
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    private init(values: [String: String]?) {
        self.values = values
    }

    /// The variable's value, nil when it is not set.
    public subscript(name: String) -> String? {
        guard let values else { return getenv(name).map { String(cString: $0) } }
        return values[name]
    }
}
