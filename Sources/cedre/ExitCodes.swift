import ArgumentParser
import CedreCore
import CedreReports
import CedreStore
import Foundation

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

    /// The exit code and one-sentence message, in `language`, for an error a command threw, or
    /// nil when ArgumentParser should report it itself (help, usage errors, explicit exit codes).
    static func failure(for error: any Error, in language: ReportLanguage) -> (code: ExitCode, message: String)? {
        let words = Vocabulary(language)
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return nil
        case _ where Cedre.exitCode(for: error) != .failure:
            return nil
        case let error as OutputError:
            return (outputFailed, error.message(language))
        case let error as StoreError:
            switch error {
            case .unreadableEvent, .writeNotLanded: return (internalError, error.message(language))
            default: return (badInput, error.message(language))
            }
        case let error as TransitionError:
            return (badInput, error.message(language))
        case let error as CampaignError:
            return (badInput, error.message(language))
        case let error as ImportFailure:
            return (badInput, error.message(language))
        case let error as FieldIssue:
            return (badInput, error.message(language))
        case let error as UnknownName:
            return (badInput, error.message(language))
        case let error as PathError:
            switch error {
            case .outputFolderMissing, .outputIsFolder, .outputExists, .outputNotCreated, .databaseNotCreated:
                return (cannotCreate, error.message(language))
            case .databaseUnusable: return (outputFailed, error.message(language))
            case .databaseIsFolder: return (badInput, error.message(language))
            case .formatUnknown, .formatNotOffered: return (usage, error.message(language))
            }
        case let error as CommandError:
            switch error {
            case .noDatabase, .verificationFailed, .invalidWitness: return (badInput, error.message(language))
            case .notTheGroupCentral, .notAGroupCertificate, .backupExists, .cannotWrite, .yearAfterToday:
                return (usage, error.message(language))
            }
        default:
            guard let failure = DatabaseFailure(error) else {
                return (internalError, words.say(
                    "\(error.localizedDescription) ; rien n'a été écrit.", "\(error.localizedDescription); nothing was written."))
            }
            if failure.kind == .busy {
                return (internalError, words.say(
                    "la base est restée occupée 30 secondes (un autre cedre y écrit) ; rien n'a été écrit, réessayez.",
                    "the database stayed busy for 30 seconds (another cedre is writing); nothing was written, try again."))
            }
            return (internalError, words.say(
                "la base a échoué (\(failure.code)) : \(failure.message ?? "sans détail") ; rien n'a été écrit.",
                "the database failed (\(failure.code)): \(failure.message ?? "no detail"); nothing was written."))
        }
    }
}
