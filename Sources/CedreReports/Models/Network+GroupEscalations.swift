import CedreCore
import Foundation

extension Network {
    /// Rule 8 (group part): the minors each group certificate has made major by `day`, so a
    /// report grades a site's finding as the group's decision does.
    func groupEscalations(on day: Day) -> [FindingID: FindingStatus.Escalation] {
        var escalations: [FindingID: FindingStatus.Escalation] = [:]
        for scheme in catalog.schemes where scheme.kind == .group {
            let group = GroupCertificate(scheme: scheme, dossiers: dossiers.values)
            escalations.merge(group.escalations(on: day)) { first, _ in first }
        }
        return escalations
    }
}
