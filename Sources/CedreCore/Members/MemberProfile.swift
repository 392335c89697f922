import Foundation

/// A problem with one field of a member record, as entered on the command line or in a file.
public struct FieldIssue: Error, Equatable, Sendable {
    /// What is wrong with the field.
    public enum Problem: Equatable, Sendable {
        /// Not 1 to 64 letters, digits, `.`, `_` or `-`, starting with a letter or digit.
        case invalidIdentifier(String)
        /// An empty name.
        case nameRequired
        /// Not a member type, nor several joined by `+`.
        case unknownType(String)
        /// A region that is not the département's (federation region or 2013 region).
        case regionMismatch(String, departement: String, federationRegion: String, region2013: String)
        /// Not a département code.
        case unknownDepartement(String)
        /// A member named as its own group.
        case groupIsItself
    }

    public let field: String
    public let problem: Problem

    public init(field: String, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }

    /// What is wrong, in English, as import files name their problems.
    public var message: String {
        switch problem {
        case .invalidIdentifier(let id):
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (got '\(id)')"
        case .nameRequired:
            "is required"
        case .unknownType(let type):
            "must be one of \(CompanyType.allCases.map(\.rawValue).joined(separator: ", ")), or several joined by '+' (got '\(type)')"
        case .regionMismatch(let region, let code, let federationRegion, let region2013):
            "'\(region)' is not the region of département \(code) (\(federationRegion), or \(region2013) before 2016)"
        case .unknownDepartement(let code):
            "'\(code)' is not a département code (01…95, 2A, 2B, 971…976)"
        case .groupIsItself:
            "cannot be the member itself"
        }
    }
}

/// Every issue of one record.
public struct FieldIssues: Error, Equatable, Sendable {
    public let issues: [FieldIssue]
}

/// Turns what an officer typed into a `Member`, or says which fields are wrong and why.
public enum MemberProfile {
    /// Ids are short, shell-safe and never contain the `/` that separates log streams.
    public static let idPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

    /// Every field's issues, or the member; the region is derived from the département when empty.
    public static func check(
        id: String, name: String, type: String, departement: String, region: String?, group: String?,
        source: String?, departements: DepartementDirectory
    ) -> Result<Member, FieldIssues> {
        var issues: [FieldIssue] = []
        if id.range(of: idPattern, options: .regularExpression) == nil {
            issues.append(FieldIssue(field: "id", .invalidIdentifier(id)))
        }
        let trimmedName = name.trimmingSpaces
        if trimmedName.isEmpty { issues.append(FieldIssue(field: "name", .nameRequired)) }
        let types = try? CompanyType.matching(type)
        if types == nil { issues.append(FieldIssue(field: "type", .unknownType(type))) }
        let code = normalizedCode(departement)
        var federationRegion = ""
        if let place = departements[code] {
            federationRegion = place.federationRegion
            if let region, region != place.federationRegion, !region.trimmingSpaces.isEmpty,
                (try? departements.region(named: region)) != place.federationRegion
            {
                issues.append(FieldIssue(
                    field: "region",
                    .regionMismatch(region, departement: code, federationRegion: place.federationRegion, region2013: place.region2013)))
            }
        } else {
            issues.append(FieldIssue(field: "departement", .unknownDepartement(departement)))
        }
        let groupID = group.flatMap { $0.trimmingSpaces.isEmpty ? nil : MemberID(rawValue: $0) }
        if groupID?.rawValue == id { issues.append(FieldIssue(field: "group", .groupIsItself)) }
        guard issues.isEmpty, let types else { return .failure(FieldIssues(issues: issues)) }
        let sourceText = source.flatMap { $0.isEmpty ? nil : $0 }
        return .success(Member(
            id: MemberID(rawValue: id), name: trimmedName, types: types, departement: code, region: federationRegion,
            group: groupID, source: sourceText))
    }

    /// `check`, throwing the first issue: for the command line.
    public static func validate(
        id: String, name: String, type: String, departement: String, region: String?, group: String?,
        source: String?, departements: DepartementDirectory
    ) throws(FieldIssue) -> Member {
        switch check(
            id: id, name: name, type: type, departement: departement, region: region, group: group, source: source,
            departements: departements)
        {
        case .success(let member): return member
        case .failure(let failure): throw failure.issues[0]
        }
    }

    /// Spreadsheets drop leading zeros: `1` is département `01`.
    static func normalizedCode(_ code: String) -> String {
        let trimmed = code.trimmingSpaces.uppercased()
        return trimmed.count == 1 && trimmed.allSatisfy(\.isNumber) ? "0" + trimmed : trimmed
    }
}
