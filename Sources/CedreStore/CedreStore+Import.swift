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
}

extension CedreStore {
    /// Imports a members file (`.csv`, `.json`) or a facts file (`.jsonl`), all or nothing.
    ///
    /// The whole file is checked first (schema, then the rules, replaying every touched
    /// certification); any problem throws `ImportFailure` naming file, line and field, and
    /// nothing is written.
    public func importFile(
        _ url: URL, departements: DepartementDirectory, context: RecordingContext, dryRun: Bool = false,
        progress: ProgressReport? = nil
    ) throws -> ImportSummary {
        let file = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let (facts, lines, content) = try readImport(data, file: file, extension: url.pathExtension.lowercased(), departements: departements, context: context)
        do {
            try recordBatch(facts, context: context, commit: !dryRun, progress: progress)
        } catch let error as BatchError {
            let line = lines.indices.contains(error.index) ? lines[error.index] : 0
            throw ImportFailure(issues: [ImportIssue(
                file: file, line: line, field: error.error.field(in: content), message: error.error.description)])
        }
        return ImportSummary(file: file, content: content, count: facts.count, dryRun: dryRun)
    }

    private func readImport(
        _ data: Data, file: String, extension fileExtension: String, departements: DepartementDirectory,
        context: RecordingContext
    ) throws -> (facts: [DatedFact], lines: [Int], content: ImportSummary.Content) {
        switch fileExtension {
        case "csv", "json":
            let existing = Dictionary(try members().map { ($0.member.id, $0) }, uniquingKeysWith: { first, _ in first })
            let reader = MemberImport(file: file, departements: departements)
            let result = fileExtension == "csv"
                ? reader.read(csv: data, existing: existing) : reader.read(json: data, existing: existing)
            let rows = try result.get()
            let (facts, lines) = MemberImport.facts(rows, recordedOn: context.today)
            return (facts, lines, .members)
        case "jsonl", "ndjson":
            let rows = try FactImport(file: file).read(data).get()
            return (rows.map(\.fact), rows.map(\.line), .facts)
        default:
            throw ImportFailure(issues: [ImportIssue(
                file: file, line: 1, field: "(file)",
                message: "is neither a members file (.csv, .json) nor a facts file (.jsonl)")])
        }
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
        case .factInTheFuture, .lateFactConflict: return day
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
