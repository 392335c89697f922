import Foundation

extension GroupCertificate {
    /// Rules 11–12: the sites an external audit of `audit` kind visits, drawn on `day` with `seed`.
    ///
    /// The central function is always visited; the sites in scope are those that are members
    /// (or, for an initial audit, candidates too). A recorded draw is replayed by calling this
    /// again with the facts up to the day it was drawn and the same seed.
    public func drawSample(audit: SiteSample.AuditKind, seed: UInt64, mode: SiteSampler.Mode, on day: Day) -> SiteSample? {
        guard let central, let rules = scheme.group?.sampling else { return nil }
        return SiteSampler.draw(
            audit: audit, centralFunction: central.key.member, sites: samplingSites(for: audit, on: day), rules: rules,
            seed: seed, mode: mode, visitedAtFirstSurveillance: visitedBySurveillance(on: day))
    }

    /// Each site in scope with what the sampler prefers: not yet visited in the cycle, open findings.
    public func samplingSites(for audit: SiteSample.AuditKind, on day: Day) -> [SiteSampler.Site] {
        let cycleStart = central?.certification?.advance(to: day).certifiedOn
        let inScope: Set<GroupMembership.State> = audit == .initial ? [.candidate, .member, .suspended] : [.member, .suspended]
        return sites.compactMap { site in
            guard let state = site.membership?.state, inScope.contains(state) else { return nil }
            let visited = site.audits.contains { audit in
                guard audit.kind.isExternal, let conducted = audit.conductedOn, let cycleStart else { return false }
                return conducted >= cycleStart && conducted <= day
            }
            let open = site.findings.contains { $0.isOpen && $0.raisedOn <= day }
            return SiteSampler.Site(member: site.key.member, isVisitedInCycle: visited, hasOpenFindings: open)
        }
    }

    /// The sites a surveillance audit of the current cycle already visited: the second
    /// surveillance of a non-sampling cycle goes elsewhere first.
    public func visitedBySurveillance(on day: Day) -> Set<MemberID> {
        guard let cycleStart = central?.certification?.advance(to: day).certifiedOn else { return [] }
        return Set(sites.filter { site in
            site.audits.contains { audit in
                audit.kind == .surveillance && audit.conductedOn.map { $0 >= cycleStart && $0 <= day } == true
            }
        }.map(\.key.member))
    }
}
