import Foundation

/// Rule 10: a site's answer to the investigation a finding at another site opened.
public struct InvestigationAnswer: Equatable, Sendable {
    /// The finding that opened the investigation.
    public let finding: FindingID
    /// The answering site.
    public let site: MemberID
    /// Whether the site has the same problem (then its statement says what it does about it).
    public let affected: Bool
    /// The action taken, or why the site is not affected.
    public let statement: String
    public let on: Day

    public init(finding: FindingID, site: MemberID, affected: Bool, statement: String, on: Day) {
        self.finding = finding
        self.site = site
        self.affected = affected
        self.statement = statement
        self.on = on
    }
}
