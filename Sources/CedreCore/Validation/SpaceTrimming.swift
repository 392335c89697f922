extension Unicode.Scalar {
    /// A space or a tab: what Foundation's `CharacterSet.whitespaces` holds (general category
    /// Zs, U+0009, and the zero-width space U+200B), read from the standard library's tables.
    var isSpaceOrTab: Bool {
        self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator
    }
}

extension StringProtocol {
    /// The text without its leading and trailing spaces and tabs, as
    /// `trimmingCharacters(in: .whitespaces)` gives it, without Foundation's character sets:
    /// their first use costs a process about a million instructions (a third of a cold
    /// `cert show`'s own work, which reads one member's type).
    public var trimmingSpaces: String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }),
            let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }
}
