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
}
