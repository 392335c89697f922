import Foundation

/// The known name a mistyped one most likely meant, for every "did you mean": member, audit,
/// finding, auditor and scheme ids, and subcommands.
public enum NearestName {
    /// The candidate closest to `typed`, ignoring case, when it is a typo away: at most two
    /// edits, one for a name of five characters or fewer; the first in sorted order among ties.
    public static func among(_ candidates: some Sequence<String>, to typed: String) -> String? {
        let limit = typed.count <= 5 ? 1 : 2
        let wanted = Array(typed.lowercased())
        var best: (distance: Int, name: String)?
        for candidate in Set(candidates).sorted() {
            let distance = Self.distance(wanted, Array(candidate.lowercased()), limit: limit)
            if distance <= limit, best.map({ distance < $0.distance }) ?? true { best = (distance, candidate) }
        }
        return best?.name
    }

    /// The nearest of `candidates` to `typed`, for typed ids.
    public static func among<ID: RawRepresentable>(_ candidates: some Sequence<ID>, to typed: ID) -> ID?
    where ID.RawValue == String {
        among(candidates.map(\.rawValue), to: typed.rawValue).flatMap(ID.init(rawValue:))
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ first: [Character], _ second: [Character], limit: Int) -> Int {
        guard abs(first.count - second.count) <= limit else { return limit + 1 }
        var previous = Array(0...second.count)
        for (row, character) in first.enumerated() {
            var current = [row + 1] + Array(repeating: 0, count: second.count)
            for column in second.indices {
                let substitution = previous[column] + (character == second[column] ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            if (current.min() ?? 0) > limit { return limit + 1 }
            previous = current
        }
        return previous[second.count]
    }
}
