import Foundation

/// The file `--output` names: checked before any work, written whole, never replacing an
/// existing file unless `--force` says so.
struct OutputFile {
    /// The path as given.
    let path: String
    /// Whether an existing file may be replaced.
    let force: Bool

    /// Refuses, before anything is computed, a path whose folder is missing, a folder, or an
    /// existing file without `--force`.
    func check() throws(PathError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw .outputIsFolder(path: path) }
            if !force { throw .outputExists(path: path) }
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .outputFolderMissing(path: path, folder: folder)
        }
    }

    /// Writes `text` in full, then puts it in place (replacing the file only with `--force`).
    func write(_ text: String) throws {
        try check()
        try Output.write(text, toFile: path, replacing: force)
    }
}
