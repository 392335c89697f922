import CedreReports

extension PathError {
    /// The path that cannot be used, why, and what to do, in `language`.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        switch self {
        case .outputFolderMissing(let path, let folder):
            return words.say(
                "impossible de créer \(path) : le dossier \(folder) n'existe pas ; créez-le d'abord ou choisissez un autre endroit.",
                "cannot create \(path): the folder \(folder) does not exist; create it first or choose another place.")
        case .outputIsFolder(let path):
            return words.say(
                "impossible d'écrire dans \(path) : c'est un dossier ; nommez un fichier dedans, comme \(path)/rapport.html.",
                "cannot write to \(path): it is a folder; name a file in it, such as \(path)/report.html.")
        case .outputExists(let path):
            return words.say(
                "\(path) existe déjà ; ajoutez --force pour le remplacer, ou choisissez un autre nom.",
                "\(path) already exists; add --force to replace it, or choose another name.")
        case .outputNotCreated(let path, let reason):
            return words.say(
                "impossible de créer \(path) (\(reason)) ; choisissez un dossier où vous pouvez écrire.",
                "cannot create \(path) (\(reason)); choose a folder you can write to.")
        case .databaseIsFolder(let path):
            return words.say(
                "la base \(path) est un dossier ; indiquez à --db (ou CEDRE_DB) le fichier de la base, comme \(path)/cedre.sqlite.",
                "the database \(path) is a folder; point --db (or CEDRE_DB) at the database file, such as \(path)/cedre.sqlite.")
        case .databaseUnusable(let path, let reason):
            return words.say(
                "impossible de lire et d'écrire la base \(path) (\(reason)) ; donnez à votre compte l'accès à ce fichier et à son dossier.",
                "cannot read and write the database \(path) (\(reason)); give your account access to it and to its folder.")
        case .databaseNotCreated(let path, let reason):
            return words.say(
                "impossible de créer la base \(path) (\(reason)) ; choisissez un dossier où vous pouvez écrire.",
                "cannot create the database \(path) (\(reason)); choose a folder you can write to.")
        case .formatUnknown(let path, let offered, let extensions):
            return words.say(
                "le nom de \(path) ne dit pas son format ; ajoutez --format (\(offered.joined(separator: ", "))) ou terminez le nom par \(extensions.joined(separator: " ")).",
                "cannot tell the format of \(path) from its name; add --format (\(offered.joined(separator: ", "))) or end the name with \(extensions.joined(separator: " ")).")
        case .formatNotOffered(let path, let format, let offered, let extensions):
            return words.say(
                "ce rapport ne s'écrit pas en \(format) (\(path)) ; ajoutez --format (\(offered.joined(separator: ", "))) ou terminez le nom par \(extensions.joined(separator: " ")).",
                "this report cannot be written as \(format) (\(path)); add --format (\(offered.joined(separator: ", "))) or end the name with \(extensions.joined(separator: " ")).")
        }
    }
}
