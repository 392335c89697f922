import CedreCore
import CedreFixtures
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// The CEDRE ISO group of the 2013 fixture: central function + 18 sites.
@Suite struct GroupStoreTests {
    private func network2013() throws -> CedreStore {
        try CedreStore.network2013()
    }

    @Test func theRegistryListsTheNineteenGroupCertificatesActive() throws {
        let store = try network2013()
        let register = CertificationRegister(network: try store.network(through: "2013-12-31"), on: "2013-12-31")
        let group = register.registry.filter { $0.scheme == "cedre-iso" }
        #expect(group.count == 19)
        #expect(group.allSatisfy { $0.status == .active && $0.expiresOn == "2016-12-12" })
        #expect(group.contains { $0.certificate == "CEDRE-ISO-2013-solipass-tierce" })
        #expect(register.registry.filter { $0.status == .active }.count == 115)
    }

    @Test func aRecordedSampleReplaysToTheSameSites() throws {
        let store = try network2013()
        let network = try store.network(through: "2014-01-01")
        let group = try #require(network.groupCertificate("cedre-iso"))
        #expect(group.sites.count == 18)
        let sample = try #require(group.drawSample(audit: .surveillance, seed: 2014, mode: .sampling, on: "2014-01-01"))
        #expect(sample.sites == 18 && sample.sampleSize == 3)
        #expect(sample.sample.first == SiteSample.Selection(member: "coorace-national", reason: .centralFunction))
        #expect(sample.sample.dropFirst().contains { $0.reason == .drawnAtRandom })
        try store.record([DatedFact(.sampleDrawn(SampleRecord(
            scheme: "cedre-iso", central: "coorace-national", year: 2014, audit: .surveillance, mode: .sampling, seed: 2014,
            sites: sample.members)), on: "2014-01-01")], context: .tests(today: "2014-01-01"))
        let recorded = try #require(try store.network().samples.first)
        let replayed = try store.network(through: "2014-01-01").groupCertificate("cedre-iso")?
            .drawSample(audit: recorded.audit, seed: recorded.seed, mode: recorded.mode, on: "2014-01-01")
        #expect(replayed?.members == recorded.sites)
        #expect(try store.verify().problem == nil)
    }

    @Test func aLateMajorAtASiteBeforeTheGroupDecisionIsRefused() throws {
        let store = try network2013()
        let site = CertificationKey.cedreISO("solipass-tierce")
        let late = [
            DatedFact(.auditPlanned(site, "A-2013-0900", kind: .special, scheduledOn: "2013-11-05", auditors: []), on: "2013-11-01"),
            DatedFact(.auditConducted(site, "A-2013-0900"), on: "2013-11-05"),
            DatedFact(.findingRaised(site, "F-2013-0900", audit: "A-2013-0900", grade: "major", requirement: "7.5", statement: "late"), on: "2013-11-05"),
        ]
        do {
            try store.record(late, context: .tests(today: "2014-02-01"))
            Issue.record("a late major before the group decision must be refused")
        } catch let error as StoreError {
            guard case .lateFactConflict(_, _, let conflicting, _) = error else {
                Issue.record("expected a conflict, got \(error)")
                return
            }
            #expect(conflicting.kind == "certification.decided")
            #expect(conflicting.on == "2013-12-12")
        }
    }

    @Test func aSurveillanceMajorAtASiteSuspendsTheGroupAndNothingGetsRoundIt() throws {
        let store = try network2013()
        let site = CertificationKey.cedreISO("solipass-tierce")
        try store.record([
            (.auditPlanned(site, "A-2014-0500", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), "2014-09-01"),
            (.auditConducted(site, "A-2014-0500"), "2014-10-01"),
            (.findingRaised(site, "F-2014-0500", audit: "A-2014-0500", grade: "major", requirement: "7.5", statement: ""), "2014-10-01"),
        ], context: .tests(today: "2014-12-31"))
        #expect(throws: StoreError.refused(.exclusionWouldHideMajorFindings(site, findings: ["F-2014-0500"]))) {
            try store.record([DatedFact(.membershipExcluded(site, reason: "drop it"), on: "2014-10-05")], context: .tests(today: "2014-12-31"))
        }
        let group = try #require(try store.network(through: "2014-10-10").groupCertificate("cedre-iso"))
        let decision = try #require(group.surveillanceDecision(on: "2014-10-10"))
        #expect(decision == .certificationSuspended(.cedreISO("coorace-national"), reason: .groupMajorFinding))
        try store.record([DatedFact(decision, on: "2014-10-10")], context: .tests(today: "2014-12-31"))
        let register = CertificationRegister(network: try store.network(through: "2014-10-11"), on: "2014-10-11")
        #expect(register.registry.filter { $0.scheme == "cedre-iso" }.allSatisfy { $0.status == .suspended })
        #expect(try store.verify().problem == nil)
    }
}
