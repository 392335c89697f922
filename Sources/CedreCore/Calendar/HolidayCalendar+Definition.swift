import CedreJSON
import Foundation

extension HolidayCalendar {
    /// France's public holidays as shipped in `Calendar/Holidays/france.json`.
    public static let france: HolidayCalendar = {
        guard let data = definition(named: "france"),
            let calendar = try? JSONValueDecoder().decode(HolidayCalendar.self, from: JSONParser.parse(data))
        else {
            preconditionFailure("the bundled holiday calendar france.json is missing or invalid")
        }
        return calendar
    }()

    /// The bundled definition `Calendar/Holidays/<name>.json` as shipped, for schema checks.
    ///
    /// The files are compiled into the binary (`.embedInCode`), so an installed `cedre` needs no
    /// resource folder beside it.
    public static func definition(named name: String) -> Data? {
        switch name {
        case "france": Data(PackageResources.france_json)
        default: nil
        }
    }
}

extension HolidayCalendar: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, national, departements
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            national: try container.decode([Holiday].self, forKey: .national),
            departements: try container.decode([String: [Holiday]].self, forKey: .departements))
    }
}

extension HolidayCalendar.Holiday: Decodable {
    private enum CodingKeys: String, CodingKey {
        case name, month, day, daysAfterEaster
    }

    /// `{"name", "month", "day"}` for a fixed day, `{"name", "daysAfterEaster"}` for a movable one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        if let days = try container.decodeIfPresent(Int.self, forKey: .daysAfterEaster) {
            self.init(name: name, rule: .afterEaster(days: days))
        } else {
            self.init(
                name: name,
                rule: .fixed(month: try container.decode(Int.self, forKey: .month), day: try container.decode(Int.self, forKey: .day)))
        }
    }
}
