/// A region, member type or scheme typed on the command line that names nothing known.
public struct UnknownName: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the name should have named.
    public enum Kind: String, Sendable {
        case region, type, scheme
    }

    public let kind: Kind
    /// What was typed.
    public let typed: String
    /// The names that would have been understood, as they are shown.
    public let known: [String]

    public init(_ kind: Kind, typed: String, known: [String]) {
        self.kind = kind
        self.typed = typed
        self.known = known
    }

    public var description: String {
        let names = known.joined(separator: ", ")
        switch kind {
        case .region:
            return "no region is named '\(typed)'; use one of \(names) (case, accents, spaces and hyphens do not matter)."
        case .type:
            return "'\(typed)' is not a member type; use \(names), or several joined by '+' (AI+ACI)."
        case .scheme:
            return "no scheme is named '\(typed)'; use one of \(names)."
        }
    }
}
