import Foundation

/// The range of every number a person or a file gives cedre: options, imported facts and
/// scheme definitions are checked against these, and the JSON Schemas in `Schemas/json`
/// carry the same limits (a test compares them), so no number can reach day arithmetic
/// large enough to overflow it.
public enum Bounds {
    /// Campaign, sample and report years, and the years of a generated network.
    public static let year: ClosedRange<Int> = 1900...2200
    /// How long a certificate or a cross-auditor's training stays valid, in months (ten years at most).
    public static let validityMonths: ClosedRange<Int> = 1...120
    /// Every other duration of a scheme counted in months (restore window, suspension, planning, transition).
    public static let months: ClosedRange<Int> = 0...120
    /// How far ahead `check` looks and how long a finding's deadline runs, in days (ten years at most).
    public static let days: ClosedRange<Int> = 0...3660
    /// How many cross-audits one auditor may do in a campaign (rule 19).
    public static let capacity: ClosedRange<Int> = 1...50
    /// How many events `log --last` shows.
    public static let lastEvents: ClosedRange<Int> = 1...100_000_000
    /// How many members `generate` makes.
    public static let generatedMembers: ClosedRange<Int> = 1...10_000_000
    /// The days a `YYYY-MM-DD` can write: every day arithmetic saturates inside them.
    public static let dayYears: ClosedRange<Int> = 0...9999
}
