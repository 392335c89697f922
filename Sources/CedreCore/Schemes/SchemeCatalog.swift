import Foundation

/// The schemes a database knows, by id.
public struct SchemeCatalog: Sendable {
    public let schemes: [Scheme]

    public init(_ schemes: [Scheme]) {
        self.schemes = schemes.sorted { $0.id < $1.id }
    }

    /// The scheme with this id, if known.
    public subscript(id: SchemeID) -> Scheme? {
        schemes.first { $0.id == id }
    }

    /// The ids, for help texts and error messages.
    public var ids: [SchemeID] { schemes.map(\.id) }

    /// `cedre` and `cedre-iso`, as shipped in `Schemes/Definitions/`.
    public static let bundled: SchemeCatalog = {
        let names = ["cedre", "cedre-iso"]
        return SchemeCatalog(names.map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Definitions"),
                let data = try? Data(contentsOf: url),
                let scheme = try? JSONDecoder().decode(Scheme.self, from: data)
            else {
                preconditionFailure("the bundled scheme definition \(name).json is missing or invalid")
            }
            return scheme
        })
    }()
}
