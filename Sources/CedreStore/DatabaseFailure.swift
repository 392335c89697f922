import GRDB

/// What SQLite refused, for callers that do not speak GRDB: the command line turns it into an
/// exit code and a sentence, and no command needs to import the database library.
public struct DatabaseFailure: Sendable, Equatable {
    /// What a person can do about it.
    public enum Kind: Sendable, Equatable {
        /// Another connection held the lock past the busy timeout: trying again may work.
        case busy
        /// The file or its folder cannot be opened, read or written by this account.
        case cannotOpen
        /// Anything else SQLite reported.
        case failed
    }

    public let kind: Kind
    /// SQLite's name of the result, such as `SQLITE_FULL`.
    public let code: String
    /// SQLite's own message, when it gave one.
    public let message: String?

    /// The failure `error` carries, or nil when it does not come from SQLite.
    public init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: kind = .busy
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: kind = .cannotOpen
        default: kind = .failed
        }
        code = "\(error.resultCode)"
        message = error.message
    }
}
