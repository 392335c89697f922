import CedreCore
import Foundation

extension GeneratedNetwork {
    /// The header of `members.csv`, the columns `cedre import` reads.
    public static let membersHeader = "id,name,type,departement,region,group,joined,source"

    /// `members.csv`: one row per member, GES before their companies, quoted as RFC 4180 asks.
    public func membersCSV() -> String {
        var text = GeneratedNetwork.membersHeader + "\n"
        for (member, joined) in members {
            let cells = [
                member.id.rawValue, member.name, member.typeCode, member.departement, member.region,
                member.group?.rawValue ?? "", joined?.description ?? "", member.source ?? "",
            ]
            text += cells.map(GeneratedNetwork.csvCell).joined(separator: ",") + "\n"
        }
        return text
    }

    /// `events.jsonl`, the import format (`{"kind","on","payload"}` per line, keys sorted, the
    /// payload in its canonical form), handed to `write` in chunks of about `linesPerChunk`
    /// lines so a million facts never sit in memory as text.
    public func writeEvents(linesPerChunk: Int = 10_000, to write: (Data) throws -> Void) rethrows {
        var chunk = ""
        for (index, fact) in facts.enumerated() {
            chunk += "{\"kind\":\"\(fact.fact.kind.rawValue)\",\"on\":\"\(fact.day)\",\"payload\":"
            chunk += fact.fact.payload.canonicalJSON
            chunk += "}\n"
            if index % linesPerChunk == linesPerChunk - 1 {
                try write(Data(chunk.utf8))
                chunk = ""
            }
        }
        if !chunk.isEmpty { try write(Data(chunk.utf8)) }
    }

    private static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
