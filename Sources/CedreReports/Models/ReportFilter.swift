import CedreCore
import Foundation

/// Which members and schemes a report covers: the whole network, or one region, one scheme,
/// one company type, as a board, a region or a funder asks.
public struct ReportFilter: Equatable, Sendable {
    /// The federation region, as reports write it (`Pays de la Loire`); matched as people type it (`TypedName`).
    public var region: String?
    /// The only scheme counted.
    public var scheme: SchemeID?
    /// The types a member must all hold (`[.ai]` also matches an `AI+ACI` member).
    public var types: [CompanyType]?

    /// A restriction; nil parts do not restrict.
    public init(region: String? = nil, scheme: SchemeID? = nil, types: [CompanyType]? = nil) {
        self.region = region
        self.scheme = scheme
        self.types = types
    }

    /// The whole network.
    public static let everything = ReportFilter()

    /// Whether the report counts `member`.
    public func includes(_ member: Member) -> Bool {
        includes(region: member.region, types: member.types)
    }

    /// Whether the report counts a member of `region` holding `types`.
    public func includes(region: String, types held: [CompanyType]) -> Bool {
        if let wanted = self.region, !ReportFilter.sameName(wanted, region) { return false }
        if let types, !types.allSatisfy(held.contains) { return false }
        return true
    }

    /// Whether the report counts what happens under `scheme`.
    public func includes(_ scheme: SchemeID) -> Bool {
        self.scheme.map { $0 == scheme } ?? true
    }

    /// Whether two region names are the same to a reader: `rhone alpes` is `Rhône-Alpes`.
    public static func sameName(_ first: String, _ second: String) -> Bool {
        TypedName(first) == TypedName(second)
    }
}

extension ReportFilter: Encodable {
    private enum CodingKeys: String, CodingKey {
        case region, scheme, type
    }

    /// Every key is written, null when the report is not restricted on it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(types.map(CompanyType.code(for:)), forKey: .type)
    }
}
