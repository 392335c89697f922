import Foundation

/// Rule 8b: the grades a scheme's auditors use, each with its deadline and consequence.
///
/// ISO-style scales (major, minor, observation, opportunity for improvement) and
/// AFNOR-style ones (PF/PP/PS/NCmin/NCmaj) are both just data: what a finding blocks, when
/// it is due and what happens when it is late are read from its grade.
public struct GradingScale: Codable, Equatable, Sendable {
    public var grades: [Grade]

    public init(grades: [Grade]) {
        self.grades = grades
    }

    /// The grade with this id, if the scale has it.
    public func grade(_ id: GradeID) -> Grade? {
        grades.first { $0.id == id }
    }

    /// Whether the grade with this id escalates when still open at the next audit (rule 7):
    /// asked of every finding on every day a calendar evaluates, without copying the grade.
    public func escalates(_ id: GradeID) -> Bool {
        grades.contains { $0.id == id && $0.escalatesTo != nil }
    }
}

/// One grade of a grading scale.
public struct Grade: Codable, Equatable, Sendable {
    /// What a finding of this grade does to a certification decision (rules 6 and 7).
    public enum DecisionEffect: String, Codable, CaseIterable, Sendable {
        /// Rule 6: no decision until the corrective action is verified effective.
        case blocksUntilVerified = "blocks-until-verified"
        /// Rule 7: no decision until an action plan is accepted.
        case blocksUntilPlanAccepted = "blocks-until-plan-accepted"
        /// Observations and opportunities: no effect on decisions.
        case none
    }

    /// What a finding of this grade triggers when its deadline passes.
    public enum OverdueEffect: String, Codable, CaseIterable, Sendable {
        /// Rule 4/6: the certificate may be suspended.
        case suspensionTrigger = "suspension-trigger"
        case none
    }

    public var id: GradeID
    public var label: LocalizedText
    /// Whether the finding is a nonconformity (needs a corrective action and closure).
    public var isNonconformity: Bool
    public var decision: DecisionEffect
    public var deadline: FindingDeadline?
    public var whenOverdue: OverdueEffect
    /// Rule 7: the grade the finding takes when still open at the next audit.
    public var escalatesTo: GradeID?

    public init(
        id: GradeID, label: LocalizedText, isNonconformity: Bool, decision: DecisionEffect,
        deadline: FindingDeadline?, whenOverdue: OverdueEffect, escalatesTo: GradeID?
    ) {
        self.id = id
        self.label = label
        self.isNonconformity = isNonconformity
        self.decision = decision
        self.deadline = deadline
        self.whenOverdue = whenOverdue
        self.escalatesTo = escalatesTo
    }
}

/// When a finding must be closed.
public enum FindingDeadline: Equatable, Sendable {
    /// Rule 6: this many days after the audit, capped at the certificate's expiry if asked.
    case daysAfterAudit(Int, cappedAtExpiry: Bool)
    /// Rule 7: checked at the next audit of the same certification at the latest.
    case nextAudit
}

extension FindingDeadline: Codable {
    private enum CodingKeys: String, CodingKey {
        case daysAfterAudit, cappedAtExpiry, atNextAudit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let days = try container.decodeIfPresent(Int.self, forKey: .daysAfterAudit) {
            self = .daysAfterAudit(days, cappedAtExpiry: try container.decodeIfPresent(Bool.self, forKey: .cappedAtExpiry) ?? false)
        } else if try container.decodeIfPresent(Bool.self, forKey: .atNextAudit) == true {
            self = .nextAudit
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a deadline needs daysAfterAudit or atNextAudit: true"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .daysAfterAudit(let days, let capped):
            try container.encode(days, forKey: .daysAfterAudit)
            try container.encode(capped, forKey: .cappedAtExpiry)
        case .nextAudit:
            try container.encode(true, forKey: .atNextAudit)
        }
    }
}

/// A text in the two languages reports speak.
public struct LocalizedText: Codable, Equatable, Sendable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }
}
