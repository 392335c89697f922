import Foundation

extension String {
    /// `parts` joined by slashes, the nil ones left out, written into the string's storage at
    /// once: a stream's text and a notice's subject are built for every notice a calendar
    /// evaluates, where an interpolation appends part by part (and an array of the parts,
    /// joined, took half of a subject's instructions).
    init(slashJoining parts: String?...) {
        var count = -1
        for part in parts {
            if let part { count += part.utf8.count + 1 }
        }
        self.init(unsafeUninitializedCapacity: Swift.max(count, 0)) { buffer in
            var offset = 0
            var first = true
            for case let part? in parts {
                if !first {
                    buffer[offset] = UInt8(ascii: "/")
                    offset += 1
                }
                first = false
                offset = buffer[offset...].initialize(fromContentsOf: part.utf8)
            }
            return offset
        }
    }
}
