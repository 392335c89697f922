extension BinaryInteger {
    /// The number written in at least `width` digits, zeros first (`0042`, `U+001B`'s `001B`):
    /// identifiers, timestamps and escapes that sort and line up as text.
    public func zeroPadded(to width: Int, radix: Int = 10) -> String {
        let digits = String(self, radix: radix, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
