/// A file or folder given on the command line that cedre cannot use; the sentence names it.
///
/// The exit codes follow sysexits(3): 73 (EX_CANTCREAT) when an output cannot be created,
/// 74 (EX_IOERR) when the database cannot be read or written, 65 (EX_DATAERR) when the path
/// names something that is not what the option takes, and 64 (EX_USAGE) when an output's name
/// does not say which format to write it in.
enum PathError: Error, Equatable, CustomStringConvertible {
    /// `--output` names a file in a folder that does not exist.
    case outputFolderMissing(path: String, folder: String)
    /// `--output` names a folder.
    case outputIsFolder(path: String)
    /// `--output` names a file that exists, and `--force` was not given.
    case outputExists(path: String)
    /// The output file could not be created (a folder not writable, a read-only disk).
    case outputNotCreated(path: String, reason: String)
    /// `--db` (or `CEDRE_DB`) names a folder.
    case databaseIsFolder(path: String)
    /// The database exists but this account cannot read and write it.
    case databaseUnusable(path: String, reason: String)
    /// The database does not exist and cannot be created there.
    case databaseNotCreated(path: String, reason: String)
    /// No --format, and the --output file's extension names no format.
    case formatUnknown(path: String, offered: [String], extensions: [String])
    /// No --format, and the --output file's extension names a format the command does not write.
    case formatNotOffered(path: String, format: String, offered: [String], extensions: [String])

    var description: String {
        switch self {
        case .outputFolderMissing(let path, let folder):
            "cannot create \(path): the folder \(folder) does not exist; create it first or choose another place."
        case .outputIsFolder(let path):
            "cannot write to \(path): it is a folder; name a file in it, such as \(path)/report.html."
        case .outputExists(let path):
            "\(path) already exists; add --force to replace it, or choose another name."
        case .outputNotCreated(let path, let reason):
            "cannot create \(path) (\(reason)); choose a folder you can write to."
        case .databaseIsFolder(let path):
            "the database \(path) is a folder; point --db (or CEDRE_DB) at the database file, such as \(path)/cedre.sqlite."
        case .databaseUnusable(let path, let reason):
            "cannot read and write the database \(path) (\(reason)); give your account access to it and to its folder."
        case .databaseNotCreated(let path, let reason):
            "cannot create the database \(path) (\(reason)); choose a folder you can write to."
        case .formatUnknown(let path, let offered, let extensions):
            "cannot tell the format of \(path) from its name; add --format (\(offered.joined(separator: ", "))) or end the name with \(extensions.joined(separator: " "))."
        case .formatNotOffered(let path, let format, let offered, let extensions):
            "this report cannot be written as \(format) (\(path)); add --format (\(offered.joined(separator: ", "))) or end the name with \(extensions.joined(separator: " "))."
        }
    }
}
