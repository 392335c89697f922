import CedreStore
import Foundation
import Testing

/// `recorded_at` and `ran_at`: written by arithmetic exactly as `ISO8601DateFormatter` wrote
/// them before, and read back to the millisecond.
@Suite struct RecordedAtTests {
    /// The formatter every stored moment was written with until now.
    private static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Midnight, the last millisecond of a day, a leap day, month and year ends, fractions of a
    /// millisecond (rounded to the nearest, into the next year for the last), and a moment of
    /// December 2013.
    static let edges: [Date] = [
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 86_399.999),
        Date(timeIntervalSince1970: 1_709_164_800.5),  // 2024-02-29T00:00:00.500Z
        Date(timeIntervalSince1970: 1_706_745_599.999),  // 2024-01-31T23:59:59.999Z
        Date(timeIntervalSince1970: 1_735_689_599.9999),  // 2025-01-01T00:00:00.000Z
        Date(timeIntervalSince1970: 951_782_400.0004),  // 2000-02-29T00:00:00.000Z
        Date(timeIntervalSince1970: 1_386_547_200.123),  // 2013-12-09T00:00:00.123Z
    ]

    @Test(arguments: edges)
    func anEdgeIsWrittenAsTheFormatterWroteIt(_ date: Date) {
        #expect(RecordedAt.text(date) == Self.formatted(date))
    }

    /// Two thousand moments between 1970 and 2100, to the microsecond, drawn from a fixed seed.
    @Test func momentsOfThirteenDecadesAreWrittenAsTheFormatterWroteThem() {
        var state: UInt64 = 2013
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let date = Date(timeIntervalSince1970: Double(state % 4_102_444_800_000_000) / 1_000_000)
            #expect(RecordedAt.text(date) == Self.formatted(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test(arguments: edges)
    func aWrittenMomentReadsBackToItsMillisecond(_ date: Date) throws {
        let text = RecordedAt.text(date)
        let read = try #require(RecordedAt.date(text))
        #expect(RecordedAt.text(read) == text)
        #expect(abs(read.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.001)
    }

    @Test(arguments: [
        "", "2013-04-12T12:05:11Z", "2013-04-12 12:05:11.661Z", "2013-04-12T12:05:11.661+02:00", "2013-02-29T12:05:11.661Z",
        "2013-04-12T24:00:00.000Z", "2013-04-12T12:60:00.000Z", "2013-04-12T12:05:60.000Z", "2013-04-12T12:05:11.66aZ",
        "12/04/2013T12:05:11.661Z", "2013-04-12T12:05:11.6610Z",
    ])
    func anyOtherTextIsNotAMomentTheStoreWrote(_ text: String) {
        #expect(RecordedAt.date(text) == nil)
    }
}
