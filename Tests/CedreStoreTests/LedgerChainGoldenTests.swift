@testable import CedreStore
import Foundation
import GRDB
import Testing

/// The notice ledger's links hash exactly the bytes they hashed when the ledgers of existing
/// databases were written: a change here would make `verify` call every ledger tampered.
@Suite struct LedgerChainGoldenTests {
    @Test func linkHashesAreStable() {
        let previous = String(repeating: "0", count: 64)
        let run = LedgerChain.hash(
            previous: previous, link: 1, entry: .checkRun, rowID: 1,
            values: ["2016-12-31".databaseValue, 60.databaseValue, "2016-12-31T23:00:00.000Z".databaseValue, "cron".databaseValue,
                     1_082_564.databaseValue])
        let notice = LedgerChain.hash(
            previous: run, link: 2, entry: .notice, rowID: 1,
            values: ["certification/élan-49/cedre".databaseValue, "major-finding-overdue".databaseValue, "2016-03-01".databaseValue,
                     "élan-49".databaseValue, "cedre".databaseValue, "F-2015-7".databaseValue, DatabaseValue.null, 1.databaseValue])
        let status = LedgerChain.hash(
            previous: notice, link: 3, entry: .noticeStatus, rowID: 12_345_678_901,
            values: [(-7).databaseValue, 2.5.databaseValue, Data([0, 255, 7]).databaseValue])
        #expect(run == "e1772afb06c6f7815bb40561cf186ddf0729295b7cc51e76933e5a1cd47b2dd1")
        #expect(notice == "dd420ccd3851b84ba1d7f83e9f3b241abc32a7b39f1d8852190bb9c3b6201a41")
        #expect(status == "4d1a07460f4605658d42f0a5e2250fecd04ab284531ae49e1760279cfa8964fc")
    }
}
