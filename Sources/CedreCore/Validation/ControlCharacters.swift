import Foundation

extension Unicode.Scalar {
    /// Whether the scalar steers a reader instead of showing a glyph: a C0 or C1 control
    /// (ESC, CR, LF, TAB, DEL, CSI…), a line or paragraph separator (U+2028, U+2029), or a
    /// bidirectional control that reorders what follows it (U+202E…).
    ///
    /// Ids refuse every one of them; each output format escapes or removes them.
    public var isControlOrLineBreak: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `U+001B`: how messages name a scalar that cannot be shown as itself.
    public var codePointName: String {
        "U+" + value.zeroPadded(to: 4, radix: 16)
    }
}

extension StringProtocol {
    /// The first control character or line break of the text, if it holds one.
    public var firstControlOrLineBreak: Unicode.Scalar? {
        // Checked on the UTF-8 bytes without decoding scalars (every output escapes every
        // cell): below U+0080 only the C0 controls and DEL steer; above it, every scalar that
        // does starts with the byte 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (U+200E…U+2069),
        // so French text, whose accents start with 0xC3, is passed byte by byte. The bytes are
        // read from the text's own storage: through the generic view each byte was a protocol
        // call (17 % of a first night's `check --quiet`, which checks 28,913 rows of cells).
        let steering = utf8.withContiguousStorageIfAvailable { $0.contains(where: \.mayStartSteering) }
            ?? utf8.contains(where: \.mayStartSteering)
        guard steering else { return nil }
        return unicodeScalars.first(where: \.isControlOrLineBreak)
    }
}

extension UInt8 {
    /// Whether this UTF-8 byte may start a scalar that steers a reader (`isControlOrLineBreak`):
    /// a C0 control or DEL, or the first byte of the C1 controls (0xC2), of U+061C (0xD8) or of
    /// U+200E…U+2069 (0xE2). False for every byte of text without such a scalar, so a text can
    /// be passed byte by byte, and the few that are true checked scalar by scalar.
    public var mayStartSteering: Bool {
        self < 0x20 || self == 0x7F || self == 0xC2 || self == 0xD8 || self == 0xE2
    }
}
