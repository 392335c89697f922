extension BinaryInteger {
    /// The number written in at least `width` digits, zeros first (`0042`, `U+001B`'s `001B`):
    /// identifiers, timestamps and escapes that sort and line up as text.
    public func zeroPadded(to width: Int, radix: Int = 10) -> String {
        let digits = String(self, radix: radix, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

extension UnsafeMutableBufferPointer<UInt8> {
    /// Writes `value` in `width` decimal digits at `start`, zeros first, from the last digit:
    /// the bytes of `value.zeroPadded(to: width)` for a value of at most `width` digits, written
    /// in place without making a string (a day's ten bytes, the integers a hash chain takes).
    public func writeDecimal(_ value: UInt64, width: Int, at start: Int) {
        var rest = value
        for index in (start..<start + width).reversed() {
            self[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
