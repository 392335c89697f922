import Foundation

/// The place of each of some texts (streams, kinds of facts, a payload's keys), looked up from
/// their bytes where they lie: a column's text in SQLite, a payload's key in the payload.
///
/// A past day reads most of the log and keeps the rows of the dossiers it replays (at
/// 2016-06-30 of the 100,000-member network: 449,210 of 870,211 rows). Read as a `String` and
/// looked up in a `Dictionary`, each row's stream was copied, checked and hashed with SipHash
/// first; here a row the replay does not keep costs one pass over its bytes, and one it keeps
/// takes its stream from the caller's list, by slot. A replay reads each row's kind the same
/// way (`LoggedFact`), and each key of a payload (`FactPayload.Field`).
public struct TextSlots: Sendable {
    /// Every text's bytes, one after the other; `ends[slot]` is where the slot's bytes end.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Open addressing: a slot plus one, or 0 for an empty entry; its size a power of two at
    /// least twice the number of texts.
    private let table: [Int32]

    /// The slots of `texts`, in their order.
    public init(_ texts: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for text in texts {
            bytes.append(contentsOf: text.utf8)
            ends.append(bytes.count)
        }
        var size = 8
        while size < texts.count * 2 { size *= 2 }
        var table = [Int32](repeating: 0, count: size)
        bytes.withUnsafeBytes { all in
            for slot in texts.indices {
                let start = slot == 0 ? 0 : ends[slot - 1]
                var index = Self.hash(UnsafeRawBufferPointer(rebasing: all[start..<ends[slot]])) & (size - 1)
                while table[index] != 0 { index = (index + 1) & (size - 1) }
                table[index] = Int32(slot + 1)
            }
        }
        self.bytes = bytes
        self.ends = ends
        self.table = table
    }

    /// The slot of `text`, looked up from its own UTF-8 storage.
    public func slot(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { slot(of: UnsafeRawBufferPointer($0)) }
    }

    /// The slot of the text whose bytes are `text`.
    public func slot(of text: UnsafeRawBufferPointer) -> Int? {
        let mask = table.count - 1
        var index = Self.hash(text) & mask
        return bytes.withUnsafeBytes { all in
            while table[index] != 0 {
                let slot = Int(table[index] - 1)
                let start = slot == 0 ? 0 : ends[slot - 1]
                if ends[slot] - start == text.count, text.count == 0 || memcmp(all.baseAddress! + start, text.baseAddress!, text.count) == 0 {
                    return slot
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    /// Eight bytes at a time, each word mixed in by a multiplication: the texts are a few
    /// thousand streams at most, not chosen against the table.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}
