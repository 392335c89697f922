import Foundation

/// The schemes a database knows, by id: the bundled definitions and those added to its log
/// (rule 8b), each id with its versions.
///
/// A revision governs the certifications started on or after its day; a certification
/// started before keeps the definition it started under. The first definition of an id
/// governs every day before its first revision.
public struct SchemeCatalog: Sendable {
    /// One definition of a scheme and the day it was added.
    public struct Version: Equatable, Sendable {
        public let scheme: Scheme
        /// The first day a certification started under it follows it; nil for a bundled one.
        public let from: Day?

        public init(scheme: Scheme, from: Day?) {
            self.scheme = scheme
            self.from = from
        }
    }

    /// The latest definition of each scheme, by id.
    public let schemes: [Scheme]
    private let versions: [SchemeID: [Version]]

    /// A catalog of first definitions, such as the bundled ones.
    public init(_ schemes: [Scheme]) {
        self.init(versions: Dictionary(schemes.map { ($0.id, [Version(scheme: $0, from: nil)]) }, uniquingKeysWith: { first, _ in first }))
    }

    private init(versions: [SchemeID: [Version]]) {
        self.versions = versions
        schemes = versions.keys.sorted().compactMap { versions[$0]?.last?.scheme }
    }

    /// The ids of the group schemes, whose dossiers replay together: asked of thousands of
    /// dossiers, where each `self[id]` would copy a whole definition to read its kind.
    public var groupSchemes: Set<SchemeID> {
        Set(schemes.filter { $0.kind == .group }.map(\.id))
    }

    /// The latest definition of the scheme with this id, if known.
    public subscript(id: SchemeID) -> Scheme? {
        versions[id]?.last?.scheme
    }

    /// The ids, for help texts and error messages.
    public var ids: [SchemeID] { schemes.map(\.id) }

    /// Every definition of `id`, oldest first.
    public func versions(of id: SchemeID) -> [Version] {
        versions[id] ?? []
    }

    /// The definition a certification started on `day` follows: the last version added on
    /// or before that day, or the first one.
    public func scheme(_ id: SchemeID, startedOn day: Day) -> Scheme? {
        guard let known = versions[id] else { return nil }
        return known.last { $0.from.map { $0 <= day } ?? true }?.scheme ?? known.first?.scheme
    }

    /// The catalog with `scheme` added on `day`: a new id, or a revision of a known one.
    /// Adding a version the catalog already holds changes nothing, so replaying the log over
    /// a catalog loaded from it is harmless.
    public func adding(_ scheme: Scheme, on day: Day) -> SchemeCatalog {
        let version = Version(scheme: scheme, from: day)
        var versions = self.versions
        guard versions[scheme.id]?.contains(version) != true else { return self }
        versions[scheme.id, default: []].append(version)
        versions[scheme.id]?.sort { ($0.from?.ordinal ?? .min) < ($1.from?.ordinal ?? .min) }
        return SchemeCatalog(versions: versions)
    }

    /// Rule 8b: why `scheme` cannot be added, if it cannot: a revision keeps the kind of the
    /// scheme it revises, since the dossiers under it are single-site or group ones.
    public func refusal(ofAdding scheme: Scheme) -> TransitionError? {
        guard let known = self[scheme.id], known.kind != scheme.kind else { return nil }
        return .schemeKindChanged(scheme.id, from: known.kind)
    }

    /// `cedre` and `cedre-iso`, as shipped in `Schemes/Definitions/` (compiled in:
    /// `Scheme+Bundled.swift`).
    public static let bundled = SchemeCatalog([.bundledCEDRE, .bundledCEDREISO])

    /// The names of the bundled definitions.
    public static let bundledNames = bundledDefinitions.map(\.name)

    /// The JSON text of a bundled definition, as shipped.
    public static func bundledDefinition(_ name: String) throws -> Data {
        guard let definition = bundledDefinitions.first(where: { $0.name == name }) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "Schemes/Definitions/\(name).json"])
        }
        return Data(definition.bytes)
    }

    /// The files of `Schemes/Definitions/`, compiled into the binary (`.embedInCode`): reading
    /// them needs no resource folder beside the executable, and no `Bundle` lookup at start-up.
    private static let bundledDefinitions: [(name: String, bytes: [UInt8])] = [
        ("cedre", PackageResources.cedre_json), ("cedre-iso", PackageResources.cedre_iso_json),
    ]
}
