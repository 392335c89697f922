import CedreCore
import Foundation
import GRDB

/// Cross-audit campaign use cases: each reads the log, lets the domain decide and records what it
/// decided in one transaction, so a plan or a swap is judged against the log it is written to.
extension CedreStore {
    /// Plans `scheme`'s campaign of `year` with the scheme's policies switched by `policySwitches`
    /// (`reciprocal=off`, `capacity=3`), around the previous plan's manual swaps unless `keepSwaps`
    /// is false, and records the plan and the swaps it keeps, on `context.today`; with `commit:
    /// false`, decides the same and records nothing. `deliver` writes the plan before the commit.
    @discardableResult
    public func planCampaign(
        _ scheme: SchemeID, year: Int, policySwitches: [String], seed: UInt64, keepSwaps: Bool,
        departements: DepartementDirectory, commit: Bool, context: RecordingContext,
        deliver: (CampaignPlanning) throws -> Void = { _ in }
    ) throws -> CampaignPlanning {
        guard let definition = catalog[scheme] else { throw StoreError.refused(.unknownScheme(scheme, suggestion: NearestName.among(catalog.ids, to: scheme))) }
        let policies = try CampaignPolicies.defaults(of: definition).switching(policySwitches)
        let decide = { (db: Database) throws -> CampaignPlanning in
            let (network, register) = try campaignNetworks(year: year, today: context.today, in: db)
            return try network.planCampaign(
                scheme: definition, year: year, policies: policies, seed: seed, keepSwaps: keepSwaps,
                departements: departements, startOfYear: register)
        }
        guard commit else {
            let planning = try writer.read(decide)
            try deliver(planning)
            return planning
        }
        return try recordDecision(context: context, deliver: deliver) { db in
            let planning = try decide(db)
            return (planning.facts, planning)
        }
    }

    /// Decides an officer's swap against the policies the campaign was planned with and records it
    /// on `context.today`; a refused swap writes nothing.
    public func swapCampaignAssignment(
        _ request: Campaign.SwapRequest, scheme: SchemeID, year: Int, departements: DepartementDirectory,
        context: RecordingContext
    ) throws -> Campaign.SwapDecision {
        guard let definition = catalog[scheme] else { throw StoreError.refused(.unknownScheme(scheme, suggestion: NearestName.among(catalog.ids, to: scheme))) }
        return try recordDecision(context: context) { db in
            let (network, register) = try campaignNetworks(year: year, today: context.today, in: db)
            let decision = try network.decideSwap(
                request, scheme: definition, year: year, departements: departements, startOfYear: register)
            return ([decision.fact], decision)
        }
    }

    /// Publishes `scheme`'s planned campaign of `year` on `context.today`: each cross-audit
    /// becomes a planned audit of its member, with a new audit id, in one transaction; returns
    /// how many were planned.
    public func publishCampaign(_ scheme: SchemeID, year: Int, context: RecordingContext) throws -> Int {
        let day = context.today
        return try decide(context: context) { db, allocator in
            let network = try Replay.network(through: day, catalog: catalog, in: db)
            guard let campaign = network.campaign(scheme, year: year) else { throw StoreError.notFound(.campaign(scheme, year: year)) }
            var facts = [DatedFact(.campaignPublished(scheme: scheme, year: year), on: day)]
            for assignment in campaign.assignments {
                let id = try allocator.nextAudit(year: assignment.day.year)
                let key = CertificationKey(member: assignment.member, scheme: scheme)
                let names = [network.auditors[assignment.auditor]?.name ?? assignment.auditor.rawValue]
                facts.append(DatedFact(
                    .auditPlanned(key, id, kind: .crossAudit, scheduledOn: assignment.day, auditors: names),
                    on: min(day, assignment.day)))
            }
            return (facts, campaign.assignments.count)
        }.outcome
    }

    /// Every auditor id the log knows, read from the auditors' streams (`auditor/<id>`).
    public func auditorLookup() throws -> AuditorLookup {
        try writer.read { db in try Self.auditorLookup(in: db) }
    }

    /// Every auditor id the log knows, inside a transaction of `db`.
    static func auditorLookup(in db: Database) throws -> AuditorLookup {
        AuditorLookup(try auditorStreams(in: db).compactMap { stream in
            if case .auditor(let id) = stream { id } else { nil }
        })
    }

    /// The auditors' streams, `auditor/<id>`.
    static func auditorStreams(in db: Database) throws -> [LogStream] {
        try String.fetchAll(db, sql: "SELECT DISTINCT stream FROM event WHERE stream >= 'auditor/' AND stream < 'auditor0'")
            .compactMap(LogStream.init)
    }

    /// The network as of today, and the register of the campaign's first day, which says whom the
    /// campaign cross-audits.
    private func campaignNetworks(year: Int, today: Day, in db: Database) throws -> (Network, CertificationRegister) {
        let startOfYear = Day.firstDay(ofYear: year)
        let networks = try Replay.networks(through: [today, startOfYear], catalog: catalog, in: db)
        return (networks[0], CertificationRegister(network: networks[1], on: startOfYear))
    }

    /// Reads, decides and records on `context.today` in one write transaction: all of a use
    /// case, or nothing.
    private func recordDecision<Outcome>(
        context: RecordingContext, deliver: (Outcome) throws -> Void = { _ in },
        _ decide: (Database) throws -> (facts: [Fact], outcome: Outcome)
    ) throws -> Outcome {
        try self.decide(context: context, deliver: deliver) { db, _ in
            let (facts, outcome) = try decide(db)
            return (facts.map { DatedFact($0, on: context.today) }, outcome)
        }.outcome
    }
}
