import CedreCore

/// A small CEDRE ISO group, as facts: a central function certified on 2013-12-12 after its
/// initial audit of 2013-11-12, and three sites cross-audited on 2013-09-10 that join the day
/// of the certification.
public enum GroupScenario {
    public static let central = CertificationKey.cedreISO("national")
    public static let sites: [CertificationKey] = [.cedreISO("site-a"), .cedreISO("site-b"), .cedreISO("site-c")]

    /// The network of the group on 2013-12-12.
    public static func certified() throws -> Network {
        var network = Network(catalog: .bundled)
        for id in ["national", "site-a", "site-b", "site-c"] {
            try network.apply(.memberAdded(.sample(MemberID(rawValue: id)), joined: nil), on: "2012-01-01")
        }
        try network.apply(.certificationEngaged(central), on: "2012-06-01")
        for (index, site) in sites.enumerated() {
            let audit = AuditID(rawValue: "A-2013-010\(index)")
            try network.apply(.membershipApplied(site), on: "2013-03-01")
            try network.apply(.auditPlanned(site, audit, kind: .crossAudit, scheduledOn: "2013-09-10", auditors: []), on: "2013-06-01")
            try network.apply(.auditConducted(site, audit), on: "2013-09-10")
        }
        try network.apply(.auditPlanned(central, "A-2013-0001", kind: .initial, scheduledOn: "2013-11-12", auditors: []), on: "2013-09-01")
        try network.apply(.auditConducted(central, "A-2013-0001"), on: "2013-11-12")
        try network.apply(.certificationDecided(central), on: "2013-12-12")
        for site in sites { try network.apply(.membershipJoined(site), on: "2013-12-12") }
        return network
    }
}
