import Testing

@testable import CedreCore

/// `zeroPadded(to:radix:)`: the numbers of identifiers, recorded moments and escapes.
struct ZeroPaddedTests {
    @Test func aNumberIsWrittenInAtLeastItsWidthZerosFirst() {
        #expect(7.zeroPadded(to: 4) == "0007")
        #expect(42.zeroPadded(to: 2) == "42")
        #expect(12_345.zeroPadded(to: 4) == "12345")
        #expect(0.zeroPadded(to: 3) == "000")
        #expect(UInt32(0x1B).zeroPadded(to: 4, radix: 16) == "001B")
        #expect(UInt32(0x2028).zeroPadded(to: 4, radix: 16) == "2028")
    }

    @Test(arguments: [(0, 1), (7, 4), (42, 2), (2013, 4), (9_999, 4), (1_082_564, 7), (UInt64.max, 20)] as [(UInt64, Int)])
    func writtenInPlaceANumberHasTheBytesOfItsZeroPaddedText(value: UInt64, width: Int) {
        var bytes = [UInt8](repeating: UInt8(ascii: "|"), count: width + 2)
        bytes.withUnsafeMutableBufferPointer { $0.writeDecimal(value, width: width, at: 1) }
        #expect(String(decoding: bytes, as: UTF8.self) == "|" + value.zeroPadded(to: width) + "|")
    }
}
