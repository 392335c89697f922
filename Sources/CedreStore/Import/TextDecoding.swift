import CedreCore
import Foundation

/// The character encoding an import file was read in, which its summary names when it is
/// not UTF-8.
public enum TextEncoding: String, Equatable, Sendable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "UTF-8"
    /// Windows-1252, French Excel's "CSV (séparateur : point-virgule)" encoding.
    case windows1252 = "Windows-1252"
}

/// The text of an import file and the encoding it was read in.
public struct DecodedText: Equatable, Sendable {
    /// The text, without a byte order mark.
    public let text: String
    /// How the bytes were read.
    public let encoding: TextEncoding
}

/// Reads an import file's bytes as officers' spreadsheets write them: UTF-8 (a byte order
/// mark is dropped), or, when the bytes are not valid UTF-8, Windows-1252.
///
/// Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Rather than turn
/// them into invisible control characters kept forever in the hash-chained log, a file that
/// holds one is refused, naming each line where one stands.
public enum TextDecoding {
    /// The file's text, or the lines whose bytes are neither UTF-8 nor Windows-1252.
    public static func decode(_ data: Data, file: String) -> Result<DecodedText, ImportFailure> {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return .failure(ImportFailure(issues: [ImportIssue(
                file: file, line: 1, field: "(encoding)",
                message: "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or "
                    + "\"CSV (séparateur : point-virgule)\" and import it again")]))
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        if let text = String(validating: body, as: UTF8.self) {
            return .success(DecodedText(text: text, encoding: .utf8))
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        var issues: [ImportIssue] = []
        var line = 1
        for byte in body {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if let scalar = windows1252[Int(byte)] {
                scalars.append(scalar)
            } else if issues.last?.line != line {
                issues.append(ImportIssue(
                    file: file, line: line, field: "(encoding)",
                    message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a character, neither in UTF-8 "
                        + "nor in Windows-1252; save the file as \"CSV UTF-8\" and import it again"))
            }
        }
        guard issues.isEmpty else { return .failure(ImportFailure(issues: issues)) }
        return .success(DecodedText(text: String(scalars), encoding: .windows1252))
    }

    /// The character of each Windows-1252 byte, nil for the five it leaves undefined. Bytes
    /// below 0x80 are ASCII and bytes from 0xA0 are Latin-1; 0x80–0x9F are Microsoft's own
    /// (the euro sign, typographic quotes and dashes, œ, Œ, Š, Ž, Ÿ…).
    static let windows1252: [Unicode.Scalar?] = (0...255).map { byte in
        switch byte {
        case 0x80: "\u{20AC}"  // €
        case 0x82: "\u{201A}"  // ‚
        case 0x83: "\u{0192}"  // ƒ
        case 0x84: "\u{201E}"  // „
        case 0x85: "\u{2026}"  // …
        case 0x86: "\u{2020}"  // †
        case 0x87: "\u{2021}"  // ‡
        case 0x88: "\u{02C6}"  // ˆ
        case 0x89: "\u{2030}"  // ‰
        case 0x8A: "\u{0160}"  // Š
        case 0x8B: "\u{2039}"  // ‹
        case 0x8C: "\u{0152}"  // Œ
        case 0x8E: "\u{017D}"  // Ž
        case 0x91: "\u{2018}"  // ‘
        case 0x92: "\u{2019}"  // ’
        case 0x93: "\u{201C}"  // “
        case 0x94: "\u{201D}"  // ”
        case 0x95: "\u{2022}"  // •
        case 0x96: "\u{2013}"  // –
        case 0x97: "\u{2014}"  // —
        case 0x98: "\u{02DC}"  // ˜
        case 0x99: "\u{2122}"  // ™
        case 0x9A: "\u{0161}"  // š
        case 0x9B: "\u{203A}"  // ›
        case 0x9C: "\u{0153}"  // œ
        case 0x9E: "\u{017E}"  // ž
        case 0x9F: "\u{0178}"  // Ÿ
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: nil
        default: Unicode.Scalar(UInt8(byte))
        }
    }
}
