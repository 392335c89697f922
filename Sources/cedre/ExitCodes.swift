import ArgumentParser
import CedreCore
import CedreStore
import Foundation
import GRDB

/// Errors of the command line itself (not of the rules or the store).
enum CommandError: Error, CustomStringConvertible {
    /// A reading command named a database that does not exist.
    case noDatabase(String)
    /// An argument names something the command cannot use.
    case invalidArgument(String)
    /// `verify` found the log, the ledger, the schema or the projections not as they must be.
    case verificationFailed(String)
    /// A line of the witness file does not read `count head-hash day`.
    case invalidWitness(file: String, line: Int)

    var description: String {
        switch self {
        case .noDatabase(let path):
            "no database at \(path); create one with 'cedre init' or point --db (or CEDRE_DB) at one."
        case .invalidArgument(let message):
            message
        case .verificationFailed(let problems):
            problems
        case .invalidWitness(let file, let line):
            "line \(line) of the witness file \(file) does not read 'count head-hash day'; the file was edited, keep a copy and investigate."
        }
    }
}

/// The single mapping from errors to exit codes and messages (DESIGN §6).
///
/// 0 success, 3 success with something needing attention, 64 usage error, 65 bad input
/// (refused fact, invalid import, a path that names the wrong thing), 70 internal error, 73 an
/// output file cannot be created, 74 input/output error (standard output or a file could not
/// be written, the database could not be read or written).
enum ExitCodes {
    static let attention = ExitCode(3)
    static let usage = ExitCode(64)
    static let badInput = ExitCode(65)
    static let internalError = ExitCode(70)
    /// EX_CANTCREAT: an output file (`--output`, a new database) cannot be created.
    static let cannotCreate = ExitCode(73)
    /// EX_IOERR: the answer could not be written (a full disk, a closed pipe), or the database read.
    static let outputFailed = ExitCode(74)

    /// The exit code and one-sentence message for an error a command threw, or nil when
    /// ArgumentParser should report it itself (help, usage errors, explicit exit codes).
    static func failure(for error: any Error) -> (code: ExitCode, message: String)? {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return nil
        case _ where Cedre.exitCode(for: error) != .failure:
            return nil
        case let error as OutputError:
            return (outputFailed, error.description)
        case let error as StoreError:
            switch error {
            case .unreadableEvent, .writeNotLanded: return (internalError, error.description)
            default: return (badInput, error.description)
            }
        case let error as TransitionError:
            return (badInput, error.description)
        case let error as CampaignError:
            return (badInput, error.description)
        case let error as ImportFailure:
            return (badInput, error.description)
        case let error as FieldIssue:
            return (badInput, error.description + ".")
        case let error as UnknownName:
            return (badInput, error.description)
        case let error as PathError:
            switch error {
            case .outputFolderMissing, .outputIsFolder, .outputExists, .outputNotCreated, .databaseNotCreated:
                return (cannotCreate, error.description)
            case .databaseUnusable: return (outputFailed, error.description)
            case .databaseIsFolder: return (badInput, error.description)
            case .formatUnknown, .formatNotOffered: return (usage, error.description)
            }
        case let error as CommandError:
            switch error {
            case .noDatabase: return (badInput, error.description)
            case .invalidArgument: return (usage, error.description)
            case .invalidWitness, .verificationFailed: return (badInput, error.description)
            }
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            return (internalError, "the database stayed busy for 30 seconds (another cedre is writing); nothing was written, try again.")
        case let error as DatabaseError:
            return (internalError, "the database failed (\(error.resultCode)): \(error.message ?? "no detail"); nothing was written.")
        default:
            return (internalError, "\(error.localizedDescription); nothing was written.")
        }
    }
}
