import CSV
import CedreCore
import Foundation

/// The data cedre ships: the départements and the federation's 2013 network.
public enum CedreFixtures {
    /// `departements.csv`: every département with its region, regional body and chef-lieu.
    ///
    /// The file is compiled into the binary (`.embedInCode`): every command that names a region
    /// reads it, and an installed `cedre` needs no resource folder beside it.
    public static let departements = DepartementDirectory(departementRows)

    /// The rows of `departements.csv`, for what needs no directory (a shell's completion list):
    /// the directory sorts its regions in French order and indexes their names when built.
    public static let departementRows: [Departement] = {
        guard let rows = try? departementRows(String(decoding: PackageResources.departements_csv, as: UTF8.self)) else {
            preconditionFailure("the bundled departements.csv is missing or invalid")
        }
        return rows
    }()

    /// The folder of the 2013 network: `members.csv` and `events.jsonl`.
    public static var network2013: URL {
        guard let url = Bundle.module.url(forResource: "network-2013", withExtension: nil) else {
            preconditionFailure("the bundled network-2013 fixture is missing")
        }
        return url
    }

    /// Parses the `departements.csv` format.
    public static func parseDepartements(_ text: String) throws -> DepartementDirectory {
        DepartementDirectory(try departementRows(text))
    }

    /// The départements of a `departements.csv` text, in its order.
    private static func departementRows(_ text: String) throws -> [Departement] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var departements: [Departement] = []
        while reader.next() != nil {
            guard let code = reader["code"], let name = reader["name"], let region = reader["region_2013"],
                let latitude = reader["latitude"].flatMap(Double.init),
                let longitude = reader["longitude"].flatMap(Double.init)
            else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "departements.csv"])
            }
            let body = reader["regional_body"] ?? ""
            departements.append(Departement(
                code: code, name: name, region2013: region, regionalBody: body.isEmpty ? nil : body,
                chefLieu: reader["chef_lieu"] ?? "", latitude: latitude, longitude: longitude))
        }
        return departements
    }
}
