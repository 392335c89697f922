import CedreCore
import CedreReports
import Foundation

extension GeneratedNetwork {
    /// The columns of `members.csv`, those `cedre import` reads.
    public static let membersColumns = ["id", "name", "type", "departement", "region", "group", "joined", "source"]

    /// `members.csv`: one row per member, GES before their companies, written by cedre's CSV
    /// writer with every value as it is (the file is read back by `cedre import`).
    public func membersCSV() -> String {
        let rows = members.map { member, joined in
            [member.id.rawValue, member.name, member.typeCode, member.departement, member.region,
             member.group?.rawValue ?? "", joined?.description ?? "", member.source ?? ""]
        }
        return CSVText.write([GeneratedNetwork.membersColumns] + rows, keepingFormulaStarts: true)
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
}
