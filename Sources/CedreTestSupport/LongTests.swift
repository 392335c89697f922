import Foundation
import Testing

extension Tag {
    /// A long reliability or property campaign: CI runs it, a plain local `swift test` skips it.
    @Tag public static var long: Self
}

/// Whether the campaigns tagged `.long` run: `CEDRE_LONG_TESTS=1 swift test`, as `.ci/run` does.
///
/// Each long campaign is marked `.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped)`;
/// a property campaign keeps a quick variant, a few seeds, that always runs.
public enum LongTests {
    /// True when the environment asks for the long campaigns.
    public static var enabled: Bool { ProcessInfo.processInfo.environment["CEDRE_LONG_TESTS"] == "1" }

    /// Why a long campaign was skipped, as the test run reports it.
    public static let skipped: Comment = "a long campaign: CEDRE_LONG_TESTS=1 swift test runs it"
}
