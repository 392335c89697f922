import CedreJSON

/// Lists handed to SQLite as one JSON array bound to one parameter, read back with
/// `json_each`: one statement however many values, where a parameter each would meet SQLite's
/// bound on parameters and a statement each would cost a round of preparing.
///
/// Written here, not by `JSONEncoder`, which took 5 % of a first `check` for 28,913 keys.
enum JSONArgument {
    /// `["a","b"]`.
    static func strings(_ values: some Sequence<String>) -> String {
        "[" + values.map(JSONValue.quoted).joined(separator: ",") + "]"
    }

    /// `[1,2]`.
    static func integers(_ values: some Sequence<Int64>) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    /// `[["a","b"],["c","d"]]`: each row's values read with `json_extract(value, '$[0]')`….
    static func rows(_ rows: some Sequence<[String]>) -> String {
        "[" + rows.map(strings).joined(separator: ",") + "]"
    }
}
