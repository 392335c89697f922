/// A file or folder given on the command line that cedre cannot use; the sentence names it.
///
/// The exit codes follow sysexits(3): 73 (EX_CANTCREAT) when an output cannot be created,
/// 74 (EX_IOERR) when the database cannot be read or written, 65 (EX_DATAERR) when the path
/// names something that is not what the option takes, and 64 (EX_USAGE) when an output's name
/// does not say which format to write it in.
enum PathError: Error, Equatable {
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

}
