import ArgumentParser
import CedreCore
import CedreReports

/// Command lines answered without ArgumentParser: `cert show`, a lookup scripts run once per
/// member, in its usual shapes.
///
/// ArgumentParser finds a command's options by reflection, and a statically linked Swift
/// program pays for each first question about a type's protocols by scanning every
/// conformance record of the binary (8,284): on a cold `cert show`, half of what the process
/// does (DESIGN §9 gives it 3× a `sqlite3` lookup). A line is read here only when every token
/// is one of the command's own, each option once, each value readable as ArgumentParser reads
/// it; anything else, help, a mistake, an unusual spelling, goes to ArgumentParser, which
/// says what is wrong. A test holds both readings equal on every line this one accepts.
enum QuickLine {
    /// The options of `cert show`, each taking one value.
    private static let showOptions = ["--scheme", "--as-of", "--db", "--lang", "--format", "--actor"]

    /// The question `arguments` asks when it is `cert show` in a usual shape; nil for any
    /// other line, and for one this reading would not read as ArgumentParser does.
    static func certificationQuery(_ arguments: [String]) -> CertificationQuery? {
        guard arguments.count > 2, arguments[0] == "cert", arguments[1] == "show" else { return nil }
        var member: String?
        var values: [(option: String, value: String)] = []
        func value(_ option: String) -> String? { values.first { $0.option == option }?.value }
        var tokens = arguments.dropFirst(2)
        while let token = tokens.popFirst() {
            guard token.hasPrefix("-") else {
                guard member == nil else { return nil }
                member = token
                continue
            }
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let option = String(parts[0])
            guard showOptions.contains(option), value(option) == nil else { return nil }
            if parts.count == 2 {
                values.append((option, String(parts[1])))
            } else {
                guard let next = tokens.popFirst(), !next.hasPrefix("-") else { return nil }
                values.append((option, next))
            }
        }
        guard let member, let scheme = value("--scheme") else { return nil }
        guard let asOf = read(value("--as-of"), as: Day.init(argument:)),
            let lang = read(value("--lang"), as: ReportLanguage.init(argument:)),
            let format = read(value("--format"), as: SheetFormat.init(argument:))
        else { return nil }
        return CertificationQuery(member: member, scheme: scheme, asOf: asOf, db: value("--db"), lang: lang, format: format ?? .table)
    }

    /// `.some(nil)` for an option not given, the value read, or nil when it cannot be read.
    private static func read<Value>(_ value: String?, as make: (String) -> Value?) -> Value?? {
        guard let value else { return .some(nil) }
        return make(value).map { .some($0) }
    }
}
