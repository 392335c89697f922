import CedreJSON
import Foundation

extension Scheme {
    /// The definition as the log stores it: JSON with sorted keys and no insignificant
    /// whitespace, so one definition always has the same bytes in the hash chain.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// What the JSON Schema cannot see: grades and versions named twice, an escalation to a
    /// grade the scale lacks, a grade that is no nonconformity yet blocks or falls due; each
    /// on its line of `document`, the text the definition was read from (line 0 without it).
    public func inconsistencies(in document: JSONValue = .null) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        func add(_ tokens: [String], _ message: String) {
            found.append(SchemaViolation(
                pointer: SchemaViolation.pointer(tokens), line: document.line(at: tokens), field: tokens.last ?? "",
                message: message))
        }
        var seenGrades: Set<GradeID> = []
        for (index, grade) in grading.grades.enumerated() {
            let path = ["grading", "grades", String(index)]
            if !seenGrades.insert(grade.id).inserted {
                add(path + ["id"], "grade '\(grade.id)' is declared twice")
            }
            if let target = grade.escalatesTo {
                if target == grade.id {
                    add(path + ["escalatesTo"], "a grade cannot escalate to itself")
                } else if grading.grade(target)?.isNonconformity != true {
                    add(path + ["escalatesTo"], "'\(target)' is not a nonconformity grade of this scale")
                }
            }
            if !grade.isNonconformity, grade.decision != .none || grade.deadline != nil || grade.whenOverdue != .none {
                add(path + ["isNonconformity"], "a grade that is not a nonconformity has no decision effect, deadline or overdue effect")
            }
        }
        var seenVersions: Set<String> = []
        for (index, version) in referentialVersions.enumerated() where !seenVersions.insert(version.id).inserted {
            add(["referentialVersions", String(index), "id"], "version '\(version.id)' is declared twice")
        }
        return found
    }
}

extension JSONValue {
    /// The line of the value at the path `tokens`, or of the deepest value found on the way.
    fileprivate func line(at tokens: [String]) -> Int {
        var value = self
        for token in tokens {
            if let member = value.objectMembers?.first(where: { $0.key == token }) {
                value = member.value
            } else if let index = Int(token), let items = value.arrayValue, items.indices.contains(index) {
                value = items[index]
            } else {
                break
            }
        }
        return value.line
    }
}
