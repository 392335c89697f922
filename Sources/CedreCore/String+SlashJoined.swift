import Foundation

extension String {
    /// `parts` joined by slashes, written into the string's storage at once: a stream's text
    /// and a notice's subject are built for every notice a calendar evaluates, where an
    /// interpolation appends part by part.
    init(slashJoining parts: [String]) {
        let count = parts.reduce(Swift.max(parts.count - 1, 0)) { $0 + $1.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: "/")
                    offset += 1
                }
                offset = buffer[offset...].initialize(fromContentsOf: part.utf8)
            }
            return offset
        }
    }
}
