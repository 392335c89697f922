import CedreReports
import Testing

@testable import cedre

/// The log's "recorded" column: the stored UTC moment in Paris time, summer and winter.
@Suite struct RecordedTimeTests {
    @Test(arguments: [
        ("2013-04-12T12:05:11.661Z", "12/04/2013 14:05", "2013-04-12 14:05"),
        ("2013-01-15T23:30:00.000Z", "16/01/2013 00:30", "2013-01-16 00:30"),
        ("2013-03-31T00:59:59.999Z", "31/03/2013 01:59", "2013-03-31 01:59"),
        ("2013-03-31T01:00:00.000Z", "31/03/2013 03:00", "2013-03-31 03:00"),
        ("2016-02-29T22:59:00.000Z", "29/02/2016 23:59", "2016-02-29 23:59"),
        ("2016-12-31T23:00:00.000Z", "01/01/2017 00:00", "2017-01-01 00:00"),
    ])
    func aStoredMomentIsShownInParisTime(_ stored: String, _ french: String, _ english: String) {
        #expect(Log.recordedTimes(Vocabulary(.fr))(stored) == french)
        #expect(Log.recordedTimes(Vocabulary(.en))(stored) == english)
    }

    @Test func aTextTheStoreDidNotWriteIsShownAsItIs() {
        let shown = Log.recordedTimes(Vocabulary(.fr))
        #expect(shown("2013-04-12 14:05") == "2013-04-12 14:05")
        #expect(shown("") == "")
    }
}
