import Foundation

/// A member of the federation: a company, a group of companies (GES) or a federation body.
public struct Member: Codable, Equatable, Sendable {
    public var id: MemberID
    public var name: String
    /// Usually one type; a company holding several agreements has several (`AI+ACI`).
    public var types: [CompanyType]
    /// The département code as written on addresses (`49`, `2A`, `976`).
    public var departement: String
    /// The federation region, as reports write it (`Pays de la Loire`, `P.A.C.A.`).
    public var region: String
    /// The GES the company belongs to, if any.
    public var group: MemberID?
    /// Where the row comes from; `synthetic` marks generated filler.
    public var source: String?

    public init(
        id: MemberID, name: String, types: [CompanyType], departement: String, region: String,
        group: MemberID? = nil, source: String? = nil
    ) {
        self.id = id
        self.name = name
        self.types = types
        self.departement = departement
        self.region = region
        self.group = group
        self.source = source
    }

    /// The types as files write them: `AI`, `AI+ACI`.
    public var typeCode: String { CompanyType.code(for: types) }
}

/// The kinds of member the federation counts.
public enum CompanyType: String, Codable, CaseIterable, Sendable {
    /// Association intermédiaire.
    case ai = "AI"
    /// Atelier et chantier d'insertion.
    case aci = "ACI"
    /// Entreprise d'insertion.
    case ei = "EI"
    /// Entreprise de travail temporaire d'insertion.
    case etti = "ETTI"
    /// Groupe économique solidaire: a group of such companies.
    case ges = "GES"
    /// The national federation.
    case national
    /// A regional federation body.
    case regional

    /// Whether the member is a federation body rather than a company.
    public var isFederationBody: Bool { self == .national || self == .regional }

    /// Parses `AI` or `AI+ACI`; nil when a part is not a type or the list is empty.
    public static func parse(_ code: String) -> [CompanyType]? {
        // One type written as such: how nearly every member is stored and logged.
        if let type = CompanyType(rawValue: code) { return [type] }
        let parts = code.split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces }
        let types = parts.compactMap { CompanyType(rawValue: $0) }
        guard !parts.isEmpty, types.count == parts.count, Set(types).count == types.count else { return nil }
        return types
    }

    /// `AI+ACI`.
    public static func code(for types: [CompanyType]) -> String {
        types.map(\.rawValue).joined(separator: "+")
    }
}

extension Member {
    private enum CodingKeys: String, CodingKey {
        case id, name, type, departement, region, group, source
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .type)
        guard let types = CompanyType.parse(code) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "'\(code)' is not a member type (\(CompanyType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.init(
            id: try container.decode(MemberID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            types: types,
            departement: try container.decode(String.self, forKey: .departement),
            region: try container.decode(String.self, forKey: .region),
            group: try container.decodeIfPresent(MemberID.self, forKey: .group),
            source: try container.decodeIfPresent(String.self, forKey: .source))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(typeCode, forKey: .type)
        try container.encode(departement, forKey: .departement)
        try container.encode(region, forKey: .region)
        try container.encodeIfPresent(group, forKey: .group)
        try container.encodeIfPresent(source, forKey: .source)
    }
}
