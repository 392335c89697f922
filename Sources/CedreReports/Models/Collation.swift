import Foundation

/// The order French readers expect in lists: by letters, ignoring case and accents
/// (`Abeilles` before `ACTYV`, `Éclair` among the E).
public enum Collation {
    private static let french = Locale(identifier: "fr_FR")

    /// Whether `first` sorts before `second`; equal texts are left to the caller's next key.
    public static func precedes(_ first: String, _ second: String) -> Bool {
        compare(first, second) == .orderedAscending
    }

    /// Each text's place in French order, texts that compare the same sharing one: for sorts of
    /// many keys that repeat few texts, where each comparison of the texts themselves is a call
    /// to the collator.
    public static func ranks(of texts: some Sequence<String>) -> [String: Int] {
        var ranks: [String: Int] = [:]
        var previous: String?
        for text in Set(texts).sorted(by: precedes) {
            let rank = previous.map { compare($0, text) == .orderedSame ? ranks[$0] ?? 0 : (ranks[$0] ?? 0) + 1 } ?? 0
            ranks[text] = rank
            previous = text
        }
        return ranks
    }

    /// The French comparison of two texts, ignoring case and accents.
    public static func compare(_ first: String, _ second: String) -> ComparisonResult {
        first.compare(second, options: [.caseInsensitive, .diacriticInsensitive], locale: french)
    }
}
