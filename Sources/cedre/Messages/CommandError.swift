import CedreCore
import CedreReports
import CedreStore
import Foundation

/// Errors of the command line itself (not of the rules or the store).
enum CommandError: Error, Equatable {
    /// A reading command named a database that does not exist.
    case noDatabase(String)
    /// `cert maintain` under a group scheme for a member that does not hold its certificate.
    case notTheGroupCentral(CertificationKey)
    /// A group command or `sample` names a scheme that is not a group scheme (with a certificate on the day).
    case notAGroupCertificate(SchemeID, on: Day)
    /// `backup` to a file that exists.
    case backupExists(String)
    /// A file cedre must write cannot be created.
    case cannotWrite(String)
    /// `report certifications --year` after `--as-of`.
    case yearAfterToday(year: Int, today: Day)
    /// `verify` found the log, the ledger, the schema or the projections not as they must be.
    case verificationFailed(String)
    /// A line of the witness file does not read `count head-hash day`.
    case invalidWitness(file: String, line: Int)

    /// One sentence that says what was wrong and how to fix it.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .noDatabase(let path):
            return words.say(
                "pas de base de données à \(path) ; créez-en une avec « cedre init » ou indiquez-la avec --db (ou CEDRE_DB).",
                "no database at \(path); create one with 'cedre init' or point --db (or CEDRE_DB) at one.")
        case .notTheGroupCentral(let key):
            return words.say(
                "\(key.member) ne détient pas le certificat de groupe \(key.scheme) ; c'est la fonction centrale qui le détient (cedre group show --scheme \(key.scheme)).",
                "\(key.member) does not hold the \(key.scheme) group certificate; its central function does (cedre group show --scheme \(key.scheme)).")
        case .notAGroupCertificate(let scheme, let day):
            return words.say(
                "« \(scheme) » n'est pas un référentiel de groupe avec un certificat de groupe le \(words.day(day)) ; le référentiel de groupe est cedre-iso.",
                "'\(scheme)' is not a group scheme with a group certificate on \(words.day(day)); the group scheme is cedre-iso.")
        case .backupExists(let path):
            return words.say("\(path) existe déjà ; choisissez un nouveau fichier pour la sauvegarde.", "\(path) already exists; choose a new file for the backup.")
        case .cannotWrite(let path):
            return words.say("impossible d'écrire \(path) ; choisissez un dossier où vous pouvez écrire.", "cannot write \(path); choose a folder you can write to.")
        case .yearAfterToday(let year, let today):
            return words.say(
                "--year \(year) est après --as-of \(words.day(today)) : rien n'est encore connu ; choisissez \(today.year) ou avant.",
                "--year \(year) is after --as-of \(words.day(today)); nothing is known yet, choose \(today.year) or earlier.")
        case .verificationFailed(let problems):
            return problems
        case .invalidWitness(let file, let line):
            return words.say(
                "la ligne \(line) du fichier témoin \(file) ne se lit pas « nombre empreinte jour » : le fichier a été modifié ; gardez-en une copie et enquêtez.",
                "line \(line) of the witness file \(file) does not read 'count head-hash day'; the file was edited, keep a copy and investigate.")
        }
    }
}
