import Foundation

/// Notices' ledger keys (subject, rule, due day) laid out for sorting: every subject's bytes in
/// one buffer and each key as plain numbers, so that a comparison reads bytes instead of
/// retaining and releasing two strings.
///
/// The order is `Notice.LedgerKey`'s: `String`'s `<` compares the Unicode scalars of the NFC
/// forms, which is the order of their UTF-8 bytes; a subject that is not ASCII is laid out in
/// its NFC form (an ASCII one already is), and a rule by the rank of its raw value.
struct LedgerSortKeys {
    private struct Key {
        let start: Int
        let count: Int
        let rule: Int
        let due: Day
    }

    private var bytes: [UInt8] = []
    private var keys: [Key] = []

    /// Each rule's place in the order of raw values.
    private static let ruleRanks: [NoticeRule: Int] = Dictionary(
        uniqueKeysWithValues: NoticeRule.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    init(_ notices: [Notice]) {
        keys.reserveCapacity(notices.count)
        for notice in notices {
            let start = bytes.count
            var subject = notice.subject
            let ascii = subject.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                return utf8.allSatisfy { $0 < 0x80 }
            }
            if !ascii {
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: subject.precomposedStringWithCanonicalMapping.utf8)
            }
            keys.append(Key(start: start, count: bytes.count - start, rule: Self.ruleRanks[notice.rule] ?? 0, due: notice.due))
        }
    }

    /// The notices' indices in ledger order; notices with equal keys keep their order.
    func order() -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            keys.withUnsafeBufferPointer { keys in
                keys.indices.sorted { first, second in
                    let a = keys[first], b = keys[second]
                    let common = min(a.count, b.count)
                    if common > 0, let base = buffer.baseAddress {
                        let difference = memcmp(base + a.start, base + b.start, common)
                        if difference != 0 { return difference < 0 }
                    }
                    if a.count != b.count { return a.count < b.count }
                    if a.rule != b.rule { return a.rule < b.rule }
                    return a.due < b.due
                }
            }
        }
    }
}
