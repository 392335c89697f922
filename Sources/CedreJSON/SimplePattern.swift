import Foundation

/// A `pattern` that is only a sequence of ASCII characters and character classes, each
/// repeated some number of times (`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`, `^A-[0-9]{4}-[0-9]{4,}$`),
/// matched byte by byte.
///
/// The ids of every fact in a facts import are checked against such patterns, and
/// `NSRegularExpression` spent more time on them than the rest of the line's schema check. A
/// pattern with anything else (groups, alternatives, `.`, negated classes, escapes such as
/// `\d`) is not simple and stays with `NSRegularExpression`; so does the meaning: a search,
/// anchored only by `^` and `$`, where `$` is the end of the text (ECMA 262).
struct SimplePattern: Sendable {
    private struct Atom: Sendable {
        /// Which ASCII bytes the atom matches; bytes of 0x80 and above never match.
        var accepts: [Bool]
        var minimum: Int
        var maximum: Int
    }

    private let atoms: [Atom]
    private let anchoredAtStart: Bool
    private let anchoredAtEnd: Bool

    /// The pattern compiled, or nil when it is not simple.
    init?(_ source: String) {
        var characters = Array(source.unicodeScalars)
        guard characters.allSatisfy(\.isASCII) else { return nil }
        anchoredAtStart = characters.first == "^"
        if anchoredAtStart { characters.removeFirst() }
        anchoredAtEnd = characters.last == "$" && (characters.count < 2 || characters[characters.count - 2] != "\\")
        if anchoredAtEnd { characters.removeLast() }
        var atoms: [Atom] = []
        var index = 0
        while index < characters.count {
            guard var atom = Self.atom(in: characters, at: &index) else { return nil }
            guard Self.quantifier(in: characters, at: &index, into: &atom) else { return nil }
            atoms.append(atom)
        }
        self.atoms = atoms
    }

    /// Whether `text` holds a match (the whole text when anchored at both ends).
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let starts = anchoredAtStart ? 0...0 : 0...bytes.count
            return starts.contains { match(bytes, atom: 0, at: $0) }
        }
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, atom index: Int, at position: Int) -> Bool {
        guard index < atoms.count else { return !anchoredAtEnd || position == bytes.count }
        let atom = atoms[index]
        var count = 0
        while count < atom.maximum, position + count < bytes.count, Self.accepts(atom, bytes[position + count]) {
            count += 1
        }
        while count >= atom.minimum {
            if match(bytes, atom: index + 1, at: position + count) { return true }
            count -= 1
        }
        return false
    }

    private static func accepts(_ atom: Atom, _ byte: UInt8) -> Bool {
        byte < 0x80 && atom.accepts[Int(byte)]
    }

    /// The characters that mean something in a pattern outside a class.
    private static let special = Set("\\^$.|?*+()[]{}".unicodeScalars)

    /// A literal, an escaped punctuation character or a class, read from `index` on.
    private static func atom(in characters: [Unicode.Scalar], at index: inout Int) -> Atom? {
        var accepts = [Bool](repeating: false, count: 128)
        let character = characters[index]
        index += 1
        switch character {
        case "\\":
            guard let escaped = punctuation(characters, at: index) else { return nil }
            index += 1
            accepts[Int(escaped.value)] = true
        case "[":
            guard index < characters.count, characters[index] != "^", characters[index] != "]" else { return nil }
            var members: [Unicode.Scalar] = []
            while index < characters.count, characters[index] != "]" {
                var member = characters[index]
                index += 1
                if member == "\\" {
                    guard let escaped = punctuation(characters, at: index) else { return nil }
                    member = escaped
                    index += 1
                } else if member == "[" || (member == "&" && characters[index...].first == "&") {
                    return nil  // ICU's nested classes and intersections
                }
                members.append(member)
            }
            guard index < characters.count else { return nil }
            index += 1
            var position = 0
            while position < members.count {
                let low = members[position]
                if position + 2 < members.count, members[position + 1] == "-" {
                    let high = members[position + 2]
                    guard low.value <= high.value else { return nil }
                    for value in low.value...high.value { accepts[Int(value)] = true }
                    position += 3
                } else {
                    accepts[Int(low.value)] = true
                    position += 1
                }
            }
        default:
            guard !special.contains(character) else { return nil }
            accepts[Int(character.value)] = true
        }
        return Atom(accepts: accepts, minimum: 1, maximum: 1)
    }

    /// The punctuation character an escape at `index` stands for; nil for `\d`, `\w` and the like.
    private static func punctuation(_ characters: [Unicode.Scalar], at index: Int) -> Unicode.Scalar? {
        guard index < characters.count else { return nil }
        let character = characters[index]
        return character.properties.isAlphabetic || ("0"..."9").contains(character) ? nil : character
    }

    /// Reads a quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`) into `atom`; false for one
    /// that is not simple (lazy or possessive, or out of order).
    private static func quantifier(in characters: [Unicode.Scalar], at index: inout Int, into atom: inout Atom) -> Bool {
        guard index < characters.count else { return true }
        switch characters[index] {
        case "?": (atom.minimum, atom.maximum) = (0, 1)
        case "*": (atom.minimum, atom.maximum) = (0, .max)
        case "+": (atom.minimum, atom.maximum) = (1, .max)
        case "{":
            guard let close = characters[index...].firstIndex(of: "}") else { return false }
            let bounds = String(String.UnicodeScalarView(characters[(index + 1)..<close]))
            let parts = bounds.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let low = Int(parts[0]) else { return false }
            let high = parts.count == 1 ? low : parts[1].isEmpty ? Int.max : Int(parts[1])
            guard let high, low <= high else { return false }
            (atom.minimum, atom.maximum) = (low, high)
            index = close
        default:
            return true
        }
        index += 1
        return index >= characters.count || !"?+*{".unicodeScalars.contains(characters[index])
    }
}
