import CedreCore

/// One certification as it stands on a day: what `cert show` writes as a sheet.
public struct CertificationOnDay: Sendable {
    /// Its dossier, replayed through the day.
    public let dossier: Dossier
    /// Its state and flags on the day; a group site's read with its group's certificate.
    public let status: SchemeStatus
    /// What the rules of its findings read (the group's escalations, for a group site).
    public let context: FindingContext
}

extension CedreStore {
    /// The certification `key` on `day`, replayed with what its rules read: itself, or under a
    /// group scheme its whole group. Throws `notFound` when the log holds no such certification
    /// on the day.
    public func certification(_ key: CertificationKey, on day: Day) throws -> CertificationOnDay {
        guard let scheme = catalog[key.scheme] else {
            throw TransitionError.unknownScheme(key.scheme, suggestion: NearestName.among(catalog.ids, to: key.scheme))
        }
        var groups: [SchemeID: Certification] = [:]
        let dossier: Dossier?
        var context = FindingContext.none
        if scheme.kind == .group {
            let network = try network(of: key.member, through: day)
            groups = CertificationRegister(network: network, on: day).groupCertificates
            dossier = network.dossiers[key]
            context = dossier.map { network.findingContext(for: $0, on: day) } ?? .none
        } else {
            dossier = try self.dossier(key, through: day)
        }
        guard let dossier, let status = CertificationRegister.status(of: dossier, on: day, groups: groups) else {
            throw StoreError.notFound(.certification(key, on: day))
        }
        return CertificationOnDay(dossier: dossier, status: status, context: context)
    }
}
