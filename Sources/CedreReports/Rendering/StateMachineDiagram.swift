import CedreCore
import Foundation

/// Mermaid state diagrams drawn from the transition tables, for `docs/state-machines.md`.
///
/// Generated, never written by hand: a test regenerates the document and fails when the
/// committed one is stale.
public enum StateMachineDiagram {
    /// The whole document: every machine, its diagram and its table.
    public static func document() -> String {
        var parts = [
            "# State machines",
            "",
            "Generated from the transition tables in `Sources/CedreCore` by `StateMachineDiagramTests`",
            "(`RECORD_SNAPSHOTS=1 swift test --filter StateMachineDiagram` rewrites it). Arrows are",
            "facts someone records, except those labelled (calendar): what the calendar decides, derived",
            "by `advance(to:)` and never stored as facts. Any (state, event) pair not listed is refused with a",
            "`TransitionError` naming the state and the event.",
            "",
        ]
        parts.append(section("Certification (member × scheme)", Certification.transitions))
        parts.append(section("Audit", Audit.transitions))
        parts.append(section("Finding", Finding.transitions))
        parts.append(section("Group membership (member × group scheme)", GroupMembership.transitions))
        parts.append(section("Cross-audit campaign (scheme × year)", Campaign.transitions))
        return parts.joined(separator: "\n")
    }

    /// One machine: a Mermaid `stateDiagram-v2` and a Markdown table of its rules.
    public static func section<State, Kind>(_ title: String, _ table: TransitionTable<State, Kind>) -> String {
        var lines = ["## \(title)", "", "```mermaid", "stateDiagram-v2", "    [*] --> \(table.initial.rawValue)"]
        for rule in table.rules {
            let label = rule.cause == .calendar ? "\(rule.event.rawValue) (calendar)" : rule.event.rawValue
            lines.append("    \(rule.from.rawValue) --> \(rule.to.rawValue): \(label)")
        }
        lines += ["```", "", "| from | event | to | cause |", "| --- | --- | --- | --- |"]
        for rule in table.rules {
            lines.append("| \(rule.from.rawValue) | \(rule.event.rawValue) | \(rule.to.rawValue) | \(rule.cause.rawValue) |")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
