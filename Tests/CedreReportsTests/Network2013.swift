import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import CedreTestSupport
import Foundation

/// The federation's 2013 network, imported once from the bundled fixtures into an in-memory
/// store and replayed to the day of the activity report, as `cedre report` does.
enum Network2013 {
    /// The day the activity report speaks of.
    static let day: Day = "2013-12-31"

    /// The replayed network.
    static let network: Network = {
        do {
            return try CedreStore.network2013().network(through: day)
        } catch {
            preconditionFailure("the 2013 fixture does not import: \(error)")
        }
    }()

    /// The register on the report's day.
    static var register: CertificationRegister { CertificationRegister(network: network, on: day) }

    /// The four reports as `cedre report … --as-of 2013-12-31` builds them.
    static let status = StatusReport(register: register)
    static let certifications = CertificationsReport(network: network, year: 2013, asOf: day)
    static let findings = FindingsReport(network: network, on: day)
    static let audits = AuditProgramme(
        network: network, from: "2013-01-01", to: day, asOf: day, departements: CedreFixtures.departements)
}
