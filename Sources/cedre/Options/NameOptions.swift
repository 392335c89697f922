import ArgumentParser
import CedreCore
import CedreFixtures

/// The help of options that take a scheme, a member type or a region: each says what people
/// may type, which the matchers of CedreCore read (case, accents, spaces and hyphens aside).
extension ArgumentHelp {
    /// "The scheme: cedre or cedre-iso, or its name (CEDRE ISO 9001)."
    static func scheme(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what): \(schemeChoices).", valueName: "scheme")
    }

    /// The bundled schemes' ids and the names that differ from them, worked out once: ArgumentParser
    /// builds a command's options again each time it reads their definitions, several times per
    /// command line (and, in a debug build, dozens of times for its checks).
    private static let schemeChoices: String = {
        let schemes = SchemeCatalog.bundled.schemes
        let ids = schemes.map(\.id.rawValue).joined(separator: " or ")
        let idKeys = Set(schemes.map { TypedName($0.id.rawValue) })
        let names = schemes.map(\.name).filter { !idKeys.contains(TypedName($0)) }
        return "\(ids), or its name (\(names.joined(separator: ", ")))"
    }()

    /// "Only members of this type: AI, ACI, EI, ETTI, GES, national or regional; AI+ACI for several."
    static func memberType(_ what: String) -> ArgumentHelp {
        let codes = CompanyType.allCases.map(\.rawValue)
        return ArgumentHelp(
            "\(what): \(codes.dropLast().joined(separator: ", ")) or \(codes.last ?? ""); AI+ACI for several.", valueName: "type")
    }

    /// "Only the members of this region, as reports print it or in short (\"Pays de la Loire\", paca, idf)."
    static func region(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what), as reports print it or in short (\"Pays de la Loire\", \"ile de france\", paca, idf).", valueName: "region")
    }
}

/// What the shells offer for those options: names that read back through the same matchers.
///
/// Computed once: ArgumentParser builds every option of a command each time it parses or
/// prints help, and sorting the regions in French order is not free.
extension CompletionKind {
    /// The ids of the bundled schemes.
    static let schemes = CompletionKind.list(SchemeCatalog.bundled.ids.map(\.rawValue))

    /// The member types' codes.
    static let memberTypes = CompletionKind.list(CompanyType.allCases.map(\.rawValue))

    /// The federation regions as single shell words: `ile-de-france`, `paca` (in the shell's
    /// order: read from the rows, without building the directory that sorts them in French).
    static let regions = CompletionKind.list(
        Departement.federationRegions(of: CedreFixtures.departementRows).map { TypedName.slug($0) }.sorted())
}
