import Foundation

/// The members file French Excel writes ("CSV (séparateur : point-virgule)"), as text and as
/// the bytes of each encoding a spreadsheet may save it in, for the import tests.
public enum FrenchSpreadsheet {
    /// `Fixtures/examples/adherents-excel.csv`: Windows-1252, `;`, CRLF, French headers,
    /// `DD/MM/YYYY` days (29/02/2012 among them), `;;;` after every line.
    public static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/examples/adherents-excel.csv")

    /// The text of `example`: six members whose names and sources hold é è à ç ô É È œ Œ € ’ “ ” – ….
    public static let members = """
        Identifiant;Raison sociale;Type;Département;Région;GES;Date d’adhésion;Source;;;\r
        solidarite-anjou;Solidarité Anjou;GES;49;Pays de la Loire;;15/09/2006;annuaire 2013;;;\r
        ateliers-anjou;Les Ateliers de l’Anjou;ACI;49;;solidarite-anjou;29/02/2012;annuaire 2013;;;\r
        coeur-de-loire;Cœur de Loire Emploi;AI;45;Centre;;01/03/2009;annuaire 2013;;;\r
        facon-cote;Façon Côté Jardin;EI;33;Aquitaine;;10/11/2011;fiche “adhésion” – 15 € réglés;;;\r
        eleve-beglais;ÉLÈVE Béglais à domicile;ETTI;33;;;;annuaire 2013;;;\r
        oeuvre-rhone;"Œuvre Rhône; services";AI+ACI;69;Rhône-Alpes;;02/01/2010;saisie du 12/01/2014…;;;\r

        """

    /// The Windows-1252 byte of each character the tests write that is not ASCII, from
    /// Microsoft's table (0x80–0x9F are its own characters, 0xA0–0xFF are Latin-1).
    public static let windows1252Bytes: [Character: UInt8] = [
        "€": 0x80, "…": 0x85, "Œ": 0x8C, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "œ": 0x9C,
        "É": 0xC9, "È": 0xC8, "à": 0xE0, "ç": 0xE7, "è": 0xE8, "é": 0xE9, "ô": 0xF4,
    ]

    /// `text` as Windows-1252 bytes, written one by one; nil when a character is not in `windows1252Bytes`.
    public static func windows1252(_ text: String) -> Data? {
        var bytes: [UInt8] = []
        for character in text {
            if character == "\r\n" {
                bytes += [0x0D, 0x0A]
            } else if let byte = character.asciiValue ?? windows1252Bytes[character] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return Data(bytes)
    }

    /// `text` as UTF-8 after a byte order mark, as Excel's "CSV UTF-8" saves it.
    public static func utf8WithByteOrderMark(_ text: String) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }
}
