import CedreCore
import CedreJSON
import CedreSchemas
import Foundation

/// Reads a members file (CSV or JSON), checking all of it against `Schemas/json/members.schema.json`
/// and the federation's rules before anything is written.
public struct MemberImport {
    /// A member ready to record, with the line it came from.
    public struct Row: Equatable, Sendable {
        public let line: Int
        public let member: Member
        public let joined: Day?
    }

    public let file: String
    public let departements: DepartementDirectory
    /// Whether rows may name members already in the federation (`import --update`).
    public var updating = false

    public init(file: String, departements: DepartementDirectory, updating: Bool = false) {
        self.file = file
        self.departements = departements
        self.updating = updating
    }

    /// Every member of a CSV file, or every problem found in it. The file may be UTF-8 (with
    /// or without a byte order mark) or Windows-1252, and use `,`, `;` or tabs (`TextDecoding`,
    /// `CSVTable`); its header may be English or French (`CSVColumns`).
    public func read(csv data: Data, existing: [MemberID: MemberRecord]) -> Result<[Row], ImportFailure> {
        TextDecoding.decode(data, file: file).flatMap { read(csv: $0, existing: existing) }
    }

    /// Every member of a CSV file already decoded, or every problem found in it.
    public func read(csv text: DecodedText, existing: [MemberID: MemberRecord]) -> Result<[Row], ImportFailure> {
        read(CSVTable(text.text), existing: existing)
    }

    /// Every member of a CSV table, or every problem of its header, its cells and its members.
    func read(_ table: CSVTable, existing: [MemberID: MemberRecord]) -> Result<[Row], ImportFailure> {
        let records: CSVRecords
        do {
            records = CSVRecords(table, columns: try CSVColumns.members(), file: file)
        } catch {
            return .failure(error)
        }
        let result = check(
            JSONValue(.array(records.records.map(\.document)), line: 1), reported: records.records.map(\.reported),
            existing: existing)
        guard !records.issues.isEmpty else { return result }
        var issues = records.issues
        if case .failure(let failure) = result { issues += failure.issues }
        return .failure(ImportFailure(issues: ImportIssue.inLineOrder(issues)))
    }

    /// Every member of a JSON array file, or every problem found in it.
    public func read(json data: Data, existing: [MemberID: MemberRecord]) -> Result<[Row], ImportFailure> {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: error.line, field: error.field, message: error.message)]))
        }
        return check(document, reported: [], existing: existing)
    }

    /// Checks every item against the schema, then the federation's rules. `reported[i]` names
    /// the fields of item `i` whose problem the CSV reader already listed: the schema's
    /// complaint about them is not listed twice, but the item is still set aside.
    private func check(
        _ document: JSONValue, reported: [Set<String>], existing: [MemberID: MemberRecord]
    ) -> Result<[Row], ImportFailure> {
        let violations: [SchemaViolation]
        do {
            violations = try SchemaCheck.violations(of: document, against: "members")
        } catch {
            return .failure(ImportFailure(issues: [SchemaCheck.unusable("members", error)]))
        }
        guard let items = document.arrayValue else {
            return .failure(ImportFailure(issues: violations.map { ImportIssue(file: file, line: $0.line, field: $0.importField, message: $0.message) }))
        }
        var issues: [ImportIssue] = []
        var rejected = Set<Int>()
        for violation in violations {
            let index = violation.pointer.split(separator: "/").first.flatMap { Int($0) }
            if let index { rejected.insert(index) }
            if let index, reported.indices.contains(index), reported[index].contains(violation.field) { continue }
            let item = index.flatMap { items.indices.contains($0) ? items[$0] : nil }
            let isWholeItem = index.map { violation.pointer == "/\($0)" } ?? false
            issues.append(ImportIssue(
                file: file, line: violation.line, field: isWholeItem ? "(row)" : violation.importField,
                message: item.flatMap { readableMessage(for: violation, in: $0) } ?? violation.message))
        }

        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() where !rejected.contains(index) {
            func text(_ key: String) -> String? { item[key]?.stringValue }
            let id = text("id") ?? ""
            if let first = seen[id] {
                issues.append(ImportIssue(file: file, line: item.line, field: "id", message: "'\(id)' already appears on line \(first)"))
                continue
            }
            seen[id] = item.line
            if existing[MemberID(rawValue: id)] != nil, !updating {
                issues.append(ImportIssue(file: file, line: item.line, field: "id", message: "member '\(id)' already exists (import --update amends existing members)"))
                continue
            }
            let result = MemberProfile.check(
                id: id, name: text("name") ?? "", type: text("type") ?? "", departement: text("departement") ?? "",
                region: text("region"), group: text("group"), source: text("source"), departements: departements)
            switch result {
            case .failure(let problems):
                issues += problems.issues.map { ImportIssue(file: file, line: item.line, field: $0.field, message: $0.message) }
            case .success(let member):
                rows.append(Row(line: item.line, member: member, joined: text("joined").flatMap { Day($0) }))
            }
        }
        issues += groupIssues(rows, existing: existing)
        guard issues.isEmpty else { return .failure(ImportFailure(issues: ImportIssue.inLineOrder(issues))) }
        return .success(rows)
    }

    /// The federation's own sentence for a field a schema pattern refused, rather than the regex.
    private func readableMessage(for violation: SchemaViolation, in item: JSONValue) -> String? {
        guard violation.message.hasPrefix("must match") else { return nil }
        func text(_ key: String) -> String { item[key]?.stringValue ?? "" }
        let result = MemberProfile.check(
            id: text("id"), name: text("name"), type: text("type"), departement: text("departement"), region: nil, group: nil,
            source: nil, departements: departements)
        guard case .failure(let problems) = result else { return nil }
        return problems.issues.first { $0.field == violation.field }?.message
    }

    /// A group must be a GES of the file or of the database.
    private func groupIssues(_ rows: [Row], existing: [MemberID: MemberRecord]) -> [ImportIssue] {
        let inFile = Dictionary(rows.map { ($0.member.id, $0.member) }, uniquingKeysWith: { first, _ in first })
        return rows.compactMap { row in
            guard let group = row.member.group else { return nil }
            let types = inFile[group]?.types ?? existing[group]?.member.types
            guard let types else {
                return ImportIssue(file: file, line: row.line, field: "group", message: "'\(group)' is not a member of the file or of the federation")
            }
            guard types.contains(.ges) else {
                return ImportIssue(file: file, line: row.line, field: "group", message: "'\(group)' is not a GES (its type is \(CompanyType.code(for: types)))")
            }
            return nil
        }
    }

    /// What `import --update` records: new members added, existing ones amended on `day` in
    /// the fields that differ; members absent from the file are listed, never touched.
    public static func update(
        _ rows: [Row], existing: [MemberID: MemberRecord], on day: Day
    ) -> (facts: [DatedFact], lines: [Int], update: MemberUpdate) {
        let new = rows.filter { existing[$0.member.id] == nil }
        var (facts, lines) = Self.facts(new, recordedOn: day)
        var amended = 0
        for row in rows {
            guard let current = existing[row.member.id]?.member else { continue }
            var incoming = row.member
            incoming.source = current.source
            guard let amendment = MemberAmendment(from: current, to: incoming) else { continue }
            facts.append(DatedFact(.memberAmended(row.member.id, amendment), on: day))
            lines.append(row.line)
            amended += 1
        }
        let inFile = Set(rows.map(\.member.id))
        let missing = existing.values.filter { $0.leftOn == nil && !inFile.contains($0.member.id) }.map(\.member.id).sorted()
        return (facts, lines, MemberUpdate(added: new.count, amended: amended, unchanged: rows.count - new.count - amended, missing: missing))
    }

    /// The facts to record: GES first, so their companies can name them. A member whose
    /// joining day is not given is dated `recordedOn` and counted as always a member.
    public static func facts(_ rows: [Row], recordedOn: Day) -> (facts: [DatedFact], lines: [Int]) {
        let ordered = rows.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.member.types.contains(.ges), rhs.element.member.types.contains(.ges))
            return left != right ? left : lhs.offset < rhs.offset
        }.map(\.element)
        let facts = ordered.map { DatedFact(.memberAdded($0.member, joined: $0.joined), on: $0.joined ?? recordedOn) }
        return (facts, ordered.map(\.line))
    }
}

/// What `import --update` did to the federation's members.
public struct MemberUpdate: Equatable, Sendable {
    public let added: Int
    public let amended: Int
    public let unchanged: Int
    /// Members of the federation the file does not list: listed, never touched.
    public let missing: [MemberID]
}
