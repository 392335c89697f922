import Foundation

/// A place in a scheme definition that contradicts another, named by its JSON pointer.
public struct SchemeInconsistency: Equatable, Sendable, CustomStringConvertible {
    /// RFC 6901 pointer of the value at fault, such as `/grading/grades/1/escalatesTo`.
    public let pointer: String
    public let message: String

    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(pointer): \(message)" }
}

extension Scheme {
    /// The definition as the log stores it: JSON with sorted keys and no insignificant
    /// whitespace, so one definition always has the same bytes in the hash chain.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// What the JSON Schema cannot see: grades and versions named twice, an escalation to a
    /// grade the scale lacks, a grade that is no nonconformity yet blocks or falls due.
    public var inconsistencies: [SchemeInconsistency] {
        var found: [SchemeInconsistency] = []
        var seenGrades: Set<GradeID> = []
        for (index, grade) in grading.grades.enumerated() {
            let pointer = "/grading/grades/\(index)"
            if !seenGrades.insert(grade.id).inserted {
                found.append(SchemeInconsistency(pointer: "\(pointer)/id", message: "grade '\(grade.id)' is declared twice"))
            }
            if let target = grade.escalatesTo {
                if target == grade.id {
                    found.append(SchemeInconsistency(pointer: "\(pointer)/escalatesTo", message: "a grade cannot escalate to itself"))
                } else if grading.grade(target)?.isNonconformity != true {
                    found.append(SchemeInconsistency(
                        pointer: "\(pointer)/escalatesTo", message: "'\(target)' is not a nonconformity grade of this scale"))
                }
            }
            if !grade.isNonconformity, grade.decision != .none || grade.deadline != nil || grade.whenOverdue != .none {
                found.append(SchemeInconsistency(
                    pointer: "\(pointer)/isNonconformity",
                    message: "a grade that is not a nonconformity has no decision effect, deadline or overdue effect"))
            }
        }
        var seenVersions: Set<String> = []
        for (index, version) in referentialVersions.enumerated() where !seenVersions.insert(version.id).inserted {
            found.append(SchemeInconsistency(
                pointer: "/referentialVersions/\(index)/id", message: "version '\(version.id)' is declared twice"))
        }
        return found
    }
}
