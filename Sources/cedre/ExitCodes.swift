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

    /// How a run that threw `error` ends.
    enum Ending {
        /// cedre's own refusal or failure: its code and one sentence.
        case failure(code: ExitCode, message: String)
        /// What ArgumentParser reports itself (help, usage errors, explicit exit codes), with the
        /// code it gives: worked out once, as ArgumentParser writes the whole message to find it.
        case reportedByArgumentParser(ExitCode)
    }

    /// How a run that threw `error` ends, its message in `language`.
    static func ending(for error: any Error, in language: ReportLanguage) -> Ending {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return .reportedByArgumentParser(Cedre.exitCode(for: error))
        default:
            if let (code, message) = cedreFailure(error, in: language) { return .failure(code: code, message: message) }
            // Asked only of what cedre does not know (a help screen, a usage error).
            let code = Cedre.exitCode(for: error)
            return code == .failure ? .failure(code: internalError, message: unexpected(error, in: language)) : .reportedByArgumentParser(code)
        }
    }

    /// The code and message of an error cedre itself throws, or nil for any other.
    private static func cedreFailure(_ error: any Error, in language: ReportLanguage) -> (ExitCode, String)? {
        switch error {
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
            return nil
        }
    }

    /// The message of an error nobody expected: the database's, or the error's own.
    private static func unexpected(_ error: any Error, in language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        guard let failure = DatabaseFailure(error) else {
            return words.say(
                "\(error.localizedDescription) ; rien n'a été écrit.", "\(error.localizedDescription); nothing was written.")
        }
        if failure.kind == .busy {
            return words.say(
                "la base est restée occupée 30 secondes (un autre cedre y écrit) ; rien n'a été écrit, réessayez.",
                "the database stayed busy for 30 seconds (another cedre is writing); nothing was written, try again.")
        }
        return words.say(
            "la base a échoué (\(failure.code)) : \(failure.message ?? "sans détail") ; rien n'a été écrit.",
            "the database failed (\(failure.code)): \(failure.message ?? "no detail"); nothing was written.")
    }
}
