import Foundation

/// A name as people type it, reduced to what tells names apart.
///
/// Officers type `ile de france` for `Île-de-France`, `paca` for `P.A.C.A.`, `cedre iso` for
/// `cedre-iso`: case, accents, hyphens, spaces, dots and apostrophes never distinguish two
/// regions, types or schemes, so the key keeps only letters and digits, folded.
public struct TypedName: Hashable, Sendable {
    /// Lowercase letters without accents, and digits: `iledefrance`, `cedreiso9001`.
    public let key: String

    /// The key of `text`. ASCII text, most of what people type, is keyed byte by byte: folding
    /// only lowercases its letters, and Foundation's folding costs a cold command a fiftieth of
    /// its instructions.
    public init(_ text: some StringProtocol) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            key = String(decoding: text.utf8.compactMap(TypedName.asciiKey), as: UTF8.self)
        } else {
            let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            key = String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
        }
    }

    /// An ASCII byte as the key keeps it: a digit or a lowercase letter, nil for anything else.
    private static func asciiKey(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
        default: nil
        }
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
