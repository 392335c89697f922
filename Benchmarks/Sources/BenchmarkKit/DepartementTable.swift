import CedreCore
import Foundation

/// The départements of `Fixtures/departements.csv`, read without the fixtures module (which
/// the main package does not publish).
public struct DepartementTable: Sendable {
    public let directory: DepartementDirectory

    /// Parses the file's seven plain columns: code, name, 2013 region, regional body, chef-lieu, latitude, longitude.
    public init(csv text: String) throws {
        var departements: [Departement] = []
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 7, let latitude = Double(cells[5]), let longitude = Double(cells[6]) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "departements.csv: \(line)"])
            }
            departements.append(Departement(
                code: cells[0], name: cells[1], region2013: cells[2], regionalBody: cells[3].isEmpty ? nil : cells[3],
                chefLieu: cells[4], latitude: latitude, longitude: longitude))
        }
        directory = DepartementDirectory(departements)
    }
}
