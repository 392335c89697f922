import CedreCore
@testable import CedreStore
import Testing

/// An integer column is hashed as the bytes of its decimal text, length-prefixed, whether the
/// text is made or the digits are written straight into the buffer.
@Suite struct LengthPrefixTests {
    private func prefixed(_ number: Int64) -> [UInt8] {
        var bytes: [UInt8] = [0x7C]
        EventLog.appendLengthPrefixed(number, to: &bytes)
        return bytes
    }

    private func prefixedText(_ number: Int64) -> [UInt8] {
        var bytes: [UInt8] = [0x7C]
        EventLog.appendLengthPrefixed(String(number), to: &bytes)
        return bytes
    }

    @Test(arguments: [
        0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 1_082_564, 12_345_678_901, -1, -9, -10, -100, Int64.max, Int64.min,
        Int64.max - 1, Int64.min + 1,
    ] as [Int64])
    func aNumberIsPrefixedAsItsDecimalText(_ number: Int64) {
        #expect(prefixed(number) == prefixedText(number))
    }

    @Test func theLengthOfTwentyDigitsTakesTwoDigits() {
        #expect(String(decoding: prefixed(Int64.min), as: UTF8.self) == "|20:-9223372036854775808")
        #expect(String(decoding: prefixed(-7), as: UTF8.self) == "|2:-7")
        #expect(String(decoding: prefixed(0), as: UTF8.self) == "|1:0")
    }

    @Test func randomNumbersOfEveryLengthArePrefixedAsTheirText() {
        var generator = SeededGenerator(seed: 12)
        for digits in 1...18 {
            let bound = (1...digits).reduce(Int64(1)) { product, _ in product * 10 }
            for _ in 0..<200 {
                let number = Int64.random(in: -bound..<bound, using: &generator)
                #expect(prefixed(number) == prefixedText(number), "\(number)")
            }
        }
    }
}
