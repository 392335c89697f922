import Foundation

/// The order French readers expect in lists: by letters, ignoring case and accents
/// (`Abeilles` before `ACTYV`, `Éclair` among the E).
public enum Collation {
    private static let french = Locale(identifier: "fr_FR")

    /// Whether `first` sorts before `second`; equal texts are left to the caller's next key.
    public static func precedes(_ first: String, _ second: String) -> Bool {
        compare(first, second) == .orderedAscending
    }

    /// The French comparison of two texts, ignoring case and accents.
    public static func compare(_ first: String, _ second: String) -> ComparisonResult {
        first.compare(second, options: [.caseInsensitive, .diacriticInsensitive], locale: french)
    }
}
