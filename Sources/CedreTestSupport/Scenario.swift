import CedreCore
import CedreStore

/// The lifecycle of the foundation issue's contract, as facts: SOLIPASS engaged on
/// 2013-01-10, audited on 2013-03-01 with one major finding closed on 2013-04-20, and
/// certified on 2013-05-02.
public enum Scenario {
    public static let key = CertificationKey.cedre("solipass")
    public static let initialAudit: AuditID = "A-2013-0001"
    public static let major: FindingID = "F-2013-0001"

    /// Up to the initial audit, with its major finding raised.
    public static let audited: [(Fact, Day)] = [
        (.certificationEngaged(key), "2013-01-10"),
        (.auditPlanned(key, initialAudit, kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
        (.auditConducted(key, initialAudit), "2013-03-01"),
        (.findingRaised(key, major, audit: initialAudit, grade: "major", requirement: "4.2", statement: ""), "2013-03-01"),
    ]

    /// The major closed: proposed, accepted, implemented, verified effective.
    public static let findingClosed: [(Fact, Day)] = [
        (.findingPlanProposed(key, major, statement: "root cause analysed"), "2013-03-20"),
        (.findingPlanAccepted(key, major, due: nil), "2013-03-22"),
        (.findingImplemented(key, major), "2013-04-10"),
        (.findingVerified(key, major, effective: true), "2013-04-20"),
    ]

    /// Certified on 2013-05-02: expires 2016-05-02, first surveillance due by 2014-05-02.
    public static let certified: [(Fact, Day)] = audited + findingClosed + [(.certificationDecided(key), "2013-05-02")]

    /// SOLIPASS, a GES, added on 2013-01-01, then certified: what a store records to hold the
    /// scenario.
    public static let certifiedMember: [(Fact, Day)] =
        [(.memberAdded(.sample("solipass", type: .ges), joined: nil), "2013-01-01")] + certified

    /// A fresh store in memory holding `certifiedMember`.
    public static func store() throws -> CedreStore {
        let store = try CedreStore.inMemory()
        try store.record(certifiedMember)
        return store
    }

    /// A dossier with `facts` applied.
    public static func dossier(_ facts: [(Fact, Day)], scheme: Scheme = Schemes.cedre) throws(TransitionError) -> Dossier {
        var dossier = Dossier(key: CertificationKey(member: key.member, scheme: scheme.id), scheme: scheme)
        try dossier.apply(facts)
        return dossier
    }
}
