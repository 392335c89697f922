import Foundation

/// A name as people type it, reduced to what tells names apart.
///
/// Officers type `ile de france` for `Île-de-France`, `paca` for `P.A.C.A.`, `cedre iso` for
/// `cedre-iso`: case, accents, hyphens, spaces, dots and apostrophes never distinguish two
/// regions, types or schemes, so the key keeps only letters and digits, folded.
public struct TypedName: Hashable, Sendable {
    /// Lowercase letters without accents, and digits: `iledefrance`, `cedreiso9001`.
    public let key: String

    /// The key of `text`.
    public init(_ text: some StringProtocol) {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        key = String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    /// The name as a shell word that reads back as the same key: `ile-de-france`, `paca`.
    public static func slug(_ text: some StringProtocol) -> String {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) && $0 != "." }
            .map { String(String.UnicodeScalarView($0.filter { $0 != "." })) }
            .filter { !$0.isEmpty }
        return words.joined(separator: "-")
    }
}
