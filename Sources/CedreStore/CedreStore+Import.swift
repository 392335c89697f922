import CedreCore
import Foundation

/// What an import recorded (or, in a dry run, would record).
public struct ImportSummary: Equatable, Sendable {
    public enum Content: String, Sendable {
        case members, facts
    }

    public let file: String
    public let content: Content
    public let count: Int
    public let dryRun: Bool
    /// How the file's bytes were read: a summary says when it was not UTF-8.
    public let encoding: TextEncoding
    /// With `import --update`: what was added, amended, left unchanged, and who is missing.
    public var update: MemberUpdate?
}

extension CedreStore {
    /// Imports a members file (`.csv`, `.json`) or a facts file (`.jsonl`, or a `.csv` whose
    /// header has an `on` or a `kind` column), all or nothing.
    ///
    /// The whole file is checked first (schema, then the rules, replaying every touched
    /// certification); any problem throws `ImportFailure` naming file, line and field, and
    /// nothing is written.
    ///
    /// With `update`, a members file may name existing members: they are amended, from
    /// `context.today`, in the fields that differ; nobody is removed.
    @discardableResult
    public func importFile(
        _ url: URL, departements: DepartementDirectory, context: RecordingContext, dryRun: Bool = false,
        update: Bool = false, progress: ProgressReport? = nil, deliver: (ImportSummary) throws -> Void = { _ in }
    ) throws -> ImportSummary {
        let file = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let (facts, lines, content, encoding, changes) = try readImport(
            data, file: file, extension: url.pathExtension.lowercased(), departements: departements, context: context,
            update: update)
        let summary = ImportSummary(
            file: file, content: content, count: facts.count, dryRun: dryRun, encoding: encoding, update: changes)
        do {
            try recordBatch(facts, context: context, commit: !dryRun, progress: progress) { try deliver(summary) }
        } catch let failure as BatchErrors {
            throw ImportFailure(issues: failure.errors.map { error in
                ImportIssue(
                    file: file, line: lines.indices.contains(error.index) ? lines[error.index] : 0,
                    field: error.error.field(in: content), refusal: error.error)
            })
        }
        return summary
    }

    private typealias ReadImport = (
        facts: [DatedFact], lines: [Int], content: ImportSummary.Content, encoding: TextEncoding, update: MemberUpdate?
    )

    private func readImport(
        _ data: Data, file: String, extension fileExtension: String, departements: DepartementDirectory,
        context: RecordingContext, update: Bool
    ) throws -> ReadImport {
        let reader = MemberImport(file: file, departements: departements, updating: update)
        func members(_ rows: [MemberImport.Row], existing: [MemberID: MemberRecord], _ encoding: TextEncoding) -> ReadImport {
            guard update else {
                let (facts, lines) = MemberImport.facts(rows, recordedOn: context.today)
                return (facts, lines, .members, encoding, nil)
            }
            let (facts, lines, changes) = MemberImport.update(rows, existing: existing, on: context.today)
            return (facts, lines, .members, encoding, changes)
        }
        switch fileExtension {
        case "csv":
            let text = try TextDecoding.decode(data, file: file).get()
            let table = CSVTable(text.text)
            if try FactImport.holdsFacts(table.header) {
                guard !update else { throw Self.updateNeedsMembers(file) }
                let rows = try FactImport(file: file).read(table).get()
                return (rows.map(\.fact), rows.map(\.line), .facts, text.encoding, nil)
            }
            let existing = try existingMembers()
            return members(try reader.read(table, existing: existing).get(), existing: existing, text.encoding)
        case "json":
            let existing = try existingMembers()
            return members(try reader.read(json: data, existing: existing).get(), existing: existing, .utf8)
        case "jsonl", "ndjson":
            guard !update else { throw Self.updateNeedsMembers(file) }
            let rows = try FactImport(file: file).read(data).get()
            return (rows.map(\.fact), rows.map(\.line), .facts, .utf8, nil)
        default:
            throw ImportFailure(issues: [ImportIssue(
                file: file, line: 1, field: "(file)",
                message: "is neither a members file (.csv, .json) nor a facts file (.jsonl, .csv)")])
        }
    }

    private static func updateNeedsMembers(_ file: String) -> ImportFailure {
        ImportFailure(issues: [ImportIssue(
            file: file, line: 1, field: "(file)",
            message: "--update brings members up to date and takes a members file; import facts without it")])
    }

    /// The federation's members by id, which an imported member must not repeat and may name as its group.
    private func existingMembers() throws -> [MemberID: MemberRecord] {
        Dictionary(try members().map { ($0.member.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension StoreError {
    /// The field a refusal is about, for import messages: a fact's day is `on` in a facts
    /// file and `joined` in a members file.
    func field(in content: ImportSummary.Content) -> String {
        let day = content == .members ? "joined" : "on"
        let error: TransitionError
        switch self {
        case .refused(let refusal): error = refusal
        case .factInTheFuture, .lateFactConflict, .revisionTooEarly: return day
        case .malformed(_, let problem) where content == .members: return problem.field == "member" ? "id" : problem.field
        case .malformed(_, let problem): return "payload.\(problem.field)"
        default: return "(row)"
        }
        switch error {
        case .duplicateMember: return "id"
        case .unknownGroup: return "group"
        case .unknownScheme: return "payload.scheme"
        case .unknownMember, .memberHasLeft: return "payload.member"
        case .unknownAudit, .duplicateAudit: return "payload.audit"
        case .unknownFinding, .duplicateFinding: return "payload.finding"
        case .unknownGrade: return "payload.grade"
        default: return "kind"
        }
    }
}
