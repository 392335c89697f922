import Foundation

/// A French département: where a member is, which federation region it reports to, and the
/// chef-lieu that cross-audit travel is measured from.
public struct Departement: Equatable, Sendable {
    public let code: String
    public let name: String
    /// The administrative region before the 2016 merger.
    public let region2013: String
    /// The federation's regional body covering it (`COORACE Centre-Limousin`), if any.
    public let regionalBody: String?
    public let chefLieu: String
    public let latitude: Double
    public let longitude: Double

    public init(
        code: String, name: String, region2013: String, regionalBody: String?, chefLieu: String, latitude: Double,
        longitude: Double
    ) {
        self.code = code
        self.name = name
        self.region2013 = region2013
        self.regionalBody = regionalBody
        self.chefLieu = chefLieu
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The region as the federation's reports write it: the regional body's area
    /// (`Centre-Limousin`, `P.A.C.A.`), or the administrative region where there is no body.
    public var federationRegion: String {
        guard let body = regionalBody, !body.isEmpty else { return region2013 }
        let prefix = "COORACE "
        return body.hasPrefix(prefix) ? String(body.dropFirst(prefix.count)) : body
    }

    /// The federation regions of `departements`, each once.
    public static func federationRegions(of departements: [Departement]) -> Set<String> {
        Set(departements.map(\.federationRegion))
    }
}

/// Every département, by code.
public struct DepartementDirectory: Sendable {
    public let departements: [Departement]
    private let byCode: [String: Departement]
    /// Every federation region, sorted as French readers expect.
    public let federationRegions: [String]
    /// The names of the federation regions, built once: an import checks every row's region.
    let federationRegionNames: NameMatcher<String>

    public init(_ departements: [Departement]) {
        self.departements = departements
        self.byCode = Dictionary(departements.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let french = Locale(identifier: "fr_FR")
        federationRegions = Departement.federationRegions(of: departements).sorted { $0.compare($1, locale: french) == .orderedAscending }
        federationRegionNames = Self.regionNames(of: departements, regions: federationRegions, others: [])
    }

    public subscript(code: String) -> Departement? { byCode[code] }

    /// Great-circle distance between two départements' chefs-lieux (haversine, R = 6371 km).
    public func distanceKilometres(from first: String, to second: String) -> Double? {
        guard let a = byCode[first], let b = byCode[second] else { return nil }
        return Departement.haversine(a, b)
    }
}

extension Departement {
    /// The Earth radius the federation's travel figures use.
    public static let earthRadiusKilometres = 6371.0

    static func haversine(_ a: Departement, _ b: Departement) -> Double {
        let radians = Double.pi / 180
        let deltaLatitude = (b.latitude - a.latitude) * radians
        let deltaLongitude = (b.longitude - a.longitude) * radians
        let h = pow(sin(deltaLatitude / 2), 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * pow(sin(deltaLongitude / 2), 2)
        return 2 * earthRadiusKilometres * asin(min(1, h.squareRoot()))
    }
}
