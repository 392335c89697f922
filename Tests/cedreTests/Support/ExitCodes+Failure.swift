import ArgumentParser
import CedreReports
@testable import cedre

extension ExitCodes {
    /// The exit code and one-sentence message, in `language`, of an error a command threw, or
    /// nil when ArgumentParser reports it itself: what the message suites read of `ending`.
    static func failure(for error: any Error, in language: ReportLanguage) -> (code: ExitCode, message: String)? {
        guard case .failure(let code, let message) = ending(for: error, in: language) else { return nil }
        return (code, message)
    }
}
