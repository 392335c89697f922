import CedreCore
import CedreTestSupport
import Testing

/// Rules 8 (group part), 9, 10, 13 and 14 on a small CEDRE ISO group: a central function and
/// three sites.
@Suite struct GroupRulesTests {
    let central = GroupScenario.central
    let sites = GroupScenario.sites

    /// The group certified on 2013-12-12, each site cross-audited and joined that day.
    private func network() throws -> Network {
        try GroupScenario.certified()
    }

    /// The group a network's rules read is the group of its dossiers in key order (the central
    /// function first), whatever order the sites and the central function started in.
    @Test func theGroupOfANetworkIsItsDossiersInKeyOrder() throws {
        var network = Network(catalog: .bundled)
        for id in ["site-c", "national", "site-a", "site-b", "aaa-site"] {
            try network.apply(.memberAdded(.sample(MemberID(rawValue: id)), joined: nil), on: "2012-01-01")
        }
        for site in [sites[2], sites[0], .cedreISO("aaa-site"), sites[1]] {
            try network.apply(.membershipApplied(site), on: "2012-03-01")
        }
        try network.apply(.certificationEngaged(central), on: "2012-06-01")
        let group = try #require(network.groupCertificate("cedre-iso"))
        let sorted = GroupCertificate(scheme: try #require(network.catalog["cedre-iso"]), dossiers: network.dossiers.values)
        #expect(group.dossiers.map(\.key) == sorted.dossiers.map(\.key))
        #expect(group.dossiers.map(\.key.member) == ["national", "aaa-site", "site-a", "site-b", "site-c"])
    }

    /// Rule 13: a cross-audit of every site on `day`.
    private func crossAuditEverySite(on day: Day, in network: inout Network) throws {
        for (index, site) in sites.enumerated() {
            let audit = AuditID(rawValue: "A-\(day.year)-090\(index)")
            try network.apply(.auditPlanned(site, audit, kind: .crossAudit, scheduledOn: day, auditors: []), on: day.adding(days: -20))
            try network.apply(.auditConducted(site, audit), on: day)
        }
    }

    private func surveillanceVisit(_ site: CertificationKey, _ audit: AuditID, on day: Day, in network: inout Network) throws {
        try network.apply(.auditPlanned(site, audit, kind: .surveillance, scheduledOn: day, auditors: []), on: day.adding(days: -30))
        try network.apply(.auditConducted(site, audit), on: day)
    }

    @Test func theFoundingSitesStandAsTheGroupCertificate() throws {
        let network = try network()
        let register = CertificationRegister(network: network, on: "2013-12-31")
        #expect(register.statuses(of: "site-b").first?.standing == .certified)
        #expect(register.statuses(of: "national").first?.certification?.expiresOn == "2016-12-12")
    }

    // MARK: Rule 13

    @Test func aCandidateJoinsOnlyAfterItsCrossAuditAndAnExternalAudit() throws {
        var network = try network()
        let newcomer = CertificationKey.cedreISO("site-d")
        try network.apply(.memberAdded(.sample("site-d"), joined: nil), on: "2014-01-01")
        try network.apply(.membershipApplied(newcomer), on: "2014-02-01")
        #expect(throws: TransitionError.joinRequirementsMissing(newcomer, missing: [.crossAudit, .externalAudit], on: "2014-03-01")) {
            try network.apply(.membershipJoined(newcomer), on: "2014-03-01")
        }
        try network.apply(.auditPlanned(newcomer, "A-2014-0100", kind: .crossAudit, scheduledOn: "2014-04-01", auditors: []), on: "2014-03-01")
        try network.apply(.auditConducted(newcomer, "A-2014-0100"), on: "2014-04-01")
        #expect(throws: TransitionError.joinRequirementsMissing(newcomer, missing: [.externalAudit], on: "2014-04-02")) {
            try network.apply(.membershipJoined(newcomer), on: "2014-04-02")
        }
        try surveillanceVisit(newcomer, "A-2014-0101", on: "2014-06-10", in: &network)
        try network.apply(.membershipJoined(newcomer), on: "2014-06-12")
        let register = CertificationRegister(network: network, on: "2014-06-12")
        #expect(register.statuses(of: "site-d").first?.standing == .certified)
        #expect(register.statuses(of: "site-d").first?.certification?.expiresOn == "2016-12-12")
    }

    @Test func rule13EverySiteIsCrossAuditedBeforeEachExternalAuditOfTheGroup() throws {
        // Given the group certified on 2013-12-12 after its initial audit of 2013-11-12, each
        // site cross-audited on 2013-09-10, before it
        var network = try network()

        // When the surveillance audit of 2014-10-01 is planned on 2014-06-01
        #expect(network.notices(on: "2014-05-31", horizon: 0).allSatisfy { $0.rule != .crossAuditMissing })
        try network.apply(.auditPlanned(central, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), on: "2014-06-01")

        // Then from that day each site lacks a cross-audit since the initial audit
        let missing = network.notices(on: "2014-06-01", horizon: 0).filter { $0.rule == .crossAuditMissing }
        #expect(missing.map(\.key) == sites)
        #expect(missing.map(\.due) == ["2014-06-01", "2014-06-01", "2014-06-01"])
        #expect(missing.first?.subject == "certification/site-a/cedre-iso/A-2014-0001")

        // And once site-a is cross-audited, only the two others remain
        try network.apply(.auditPlanned(sites[0], "A-2014-0101", kind: .crossAudit, scheduledOn: "2014-09-02", auditors: []), on: "2014-07-01")
        try network.apply(.auditConducted(sites[0], "A-2014-0101"), on: "2014-09-02")
        #expect(network.notices(on: "2014-09-02", horizon: 0).filter { $0.rule == .crossAuditMissing }.map(\.key) == [sites[1], sites[2]])

        // And the group is not maintained after the audit, naming the two sites
        try network.apply(.auditConducted(central, "A-2014-0001"), on: "2014-10-01")
        let refusal = TransitionError.crossAuditsMissing(central, audit: "A-2014-0001", sites: ["site-b", "site-c"], on: "2014-10-15")
        #expect(throws: refusal) { try network.apply(.certificationMaintained(central), on: "2014-10-15") }
    }

    @Test func rule13ACrossAuditAfterTheExternalAuditDoesNotCountForIt() throws {
        // Given the surveillance audit of 2014-10-01 held with no site cross-audited since 2013-11-12
        var network = try network()
        try network.apply(.auditPlanned(central, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), on: "2014-06-01")
        try network.apply(.auditConducted(central, "A-2014-0001"), on: "2014-10-01")

        // When every site is cross-audited the day after
        try crossAuditEverySite(on: "2014-10-02", in: &network)

        // Then the decision is still refused: the audit was held without them
        #expect(throws: TransitionError.crossAuditsMissing(central, audit: "A-2014-0001", sites: ["site-a", "site-b", "site-c"], on: "2014-10-15")) {
            try network.apply(.certificationMaintained(central), on: "2014-10-15")
        }

        // And a cross-audit on the audit's own day counts, as a site left out of the scope does not
        var held = try self.network()
        try held.apply(.auditPlanned(central, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), on: "2014-06-01")
        try held.apply(.membershipExcluded(sites[2], reason: "left the group"), on: "2014-09-01")
        try crossAuditEverySite(on: "2014-10-01", in: &held)
        try held.apply(.auditConducted(central, "A-2014-0001"), on: "2014-10-01")
        try held.apply(.certificationMaintained(central), on: "2014-10-15")
        #expect(held.dossiers[central]?.certification?.state == .certified)
    }

    @Test func rule13ExcludingTheSitesThatMissedItLetsTheGroupBeMaintained() throws {
        var network = try network()
        try network.apply(.auditPlanned(central, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), on: "2014-06-01")
        try network.apply(.auditPlanned(sites[0], "A-2014-0101", kind: .crossAudit, scheduledOn: "2014-09-02", auditors: []), on: "2014-07-01")
        try network.apply(.auditConducted(sites[0], "A-2014-0101"), on: "2014-09-02")
        try network.apply(.auditConducted(central, "A-2014-0001"), on: "2014-10-01")
        try network.apply(.membershipExcluded(sites[1], reason: "not cross-audited"), on: "2014-10-10")
        try network.apply(.membershipExcluded(sites[2], reason: "not cross-audited"), on: "2014-10-10")
        try network.apply(.certificationMaintained(central), on: "2014-10-15")
        #expect(network.dossiers[central]?.certification?.state == .certified)
        #expect(network.notices(on: "2014-10-15", horizon: 0).allSatisfy { $0.rule != .crossAuditMissing })
    }

    @Test func rule13HoldsOnlyWhenTheSchemeAsksForIt() throws {
        var catalog = Schemes.cedreISO
        catalog.group?.crossAuditBeforeExternalAudit = false
        var network = Network(catalog: SchemeCatalog([Schemes.cedre, catalog]))
        for id in ["national", "site-a"] {
            try network.apply(.memberAdded(.sample(MemberID(rawValue: id)), joined: nil), on: "2012-01-01")
        }
        try network.apply(.certificationEngaged(central), on: "2012-06-01")
        try network.apply(.membershipApplied(sites[0]), on: "2013-03-01")
        try network.apply(.auditPlanned(central, "A-2013-0001", kind: .initial, scheduledOn: "2013-11-12", auditors: []), on: "2013-09-01")
        try network.apply(.auditConducted(central, "A-2013-0001"), on: "2013-11-12")
        try network.apply(.certificationDecided(central), on: "2013-12-12")
        try network.apply(.membershipJoined(sites[0]), on: "2013-12-12")
        try network.apply(.auditPlanned(central, "A-2014-0001", kind: .surveillance, scheduledOn: "2014-10-01", auditors: []), on: "2014-06-01")
        try network.apply(.auditConducted(central, "A-2014-0001"), on: "2014-10-01")
        try network.apply(.certificationMaintained(central), on: "2014-10-15")
        #expect(network.notices(on: "2014-10-15", horizon: 0).allSatisfy { $0.rule != .crossAuditMissing })
    }

    // MARK: Rule 9

    private func majorAtSiteB(in network: inout Network) throws {
        try surveillanceVisit(sites[1], "A-2014-0002", on: "2014-10-01", in: &network)
        try network.apply(.findingRaised(sites[1], "F-2014-0001", audit: "A-2014-0002", grade: "major", requirement: "7.5", statement: ""), on: "2014-10-01")
    }

    @Test func anUnresolvedMajorAtOneSiteSuspendsTheGroupAtSurveillance() throws {
        var network = try network()
        try majorAtSiteB(in: &network)
        let group = try #require(network.groupCertificate("cedre-iso"))
        #expect(group.blockingFindings(on: "2014-10-05").map(\.finding) == ["F-2014-0001"])
        #expect(group.surveillanceDecision(on: "2014-10-05") == .certificationSuspended(central, reason: .groupMajorFinding))
        #expect(throws: TransitionError.self) { try network.apply(.certificationMaintained(central), on: "2014-10-05") }
        try network.apply(.certificationSuspended(central, reason: .groupMajorFinding), on: "2014-10-05")
        let register = CertificationRegister(network: network, on: "2014-10-06")
        #expect(sites.allSatisfy { register.statuses(of: $0.member).first?.standing == .suspended })
    }

    @Test func anUnresolvedMajorAtOneSiteRefusesTheRenewal() throws {
        var network = try network()
        try majorAtSiteB(in: &network)
        try network.apply(.auditPlanned(central, "A-2016-0001", kind: .recertification, scheduledOn: "2016-10-01", auditors: []), on: "2016-06-01")
        try network.apply(.auditConducted(central, "A-2016-0001"), on: "2016-10-01")
        do {
            try network.apply(.certificationDecided(central), on: "2016-11-01")
            Issue.record("the renewal must be refused")
        } catch {
            guard case .groupBlockedByFindings(_, let findings, _) = error else {
                Issue.record("expected a group refusal, got \(error)")
                return
            }
            #expect(findings.map(\.member) == ["site-b"])
        }
    }

    @Test func aSiteCannotBeDroppedToGetRoundAMajorFinding() throws {
        var network = try network()
        try majorAtSiteB(in: &network)
        #expect(throws: TransitionError.exclusionWouldHideMajorFindings(sites[1], findings: ["F-2014-0001"])) {
            try network.apply(.membershipExcluded(sites[1], reason: "to renew without it"), on: "2014-10-10")
        }
    }

    // MARK: Rule 10

    @Test func aFindingAtOneSiteOpensAnInvestigationOverEverySite() throws {
        var network = try network()
        try majorAtSiteB(in: &network)
        var investigation = try #require(network.groupCertificate("cedre-iso")?.investigations(on: "2014-10-02").first)
        #expect(investigation.site == "site-b")
        #expect(investigation.awaiting == ["site-a", "site-c"])
        try network.apply(.findingAnswered(sites[0], "F-2014-0001", affected: false, statement: "other software"), on: "2014-10-15")
        try network.apply(.findingAnswered(sites[2], "F-2014-0001", affected: true, statement: "same calibration fixed"), on: "2014-10-20")
        investigation = try #require(network.groupCertificate("cedre-iso")?.investigations(on: "2014-10-20").first)
        #expect(!investigation.isOpen)
        #expect(investigation.answers.map(\.affected) == [false, true])
        #expect(throws: TransitionError.noSuchInvestigation("F-2014-0001", sites[1])) {
            try network.apply(.findingAnswered(sites[1], "F-2014-0001", affected: true, statement: ""), on: "2014-10-21")
        }
    }

    // MARK: Rule 8 (group part)

    @Test func aMinorFoundAtThreeQuartersOfTheAuditedSitesIsMajor() throws {
        var network = try network()
        for (index, site) in sites.enumerated() {
            try surveillanceVisit(site, AuditID(rawValue: "A-2014-000\(index + 1)"), on: Day("2014-10-01").adding(days: index), in: &network)
        }
        try network.apply(.findingRaised(sites[0], "F-2014-0001", audit: "A-2014-0001", grade: "minor", requirement: "8.2", statement: ""), on: "2014-10-01")
        var group = try #require(network.groupCertificate("cedre-iso"))
        #expect(group.escalations(on: "2014-10-05").isEmpty)
        try network.apply(.findingRaised(sites[1], "F-2014-0002", audit: "A-2014-0002", grade: "minor", requirement: "8.2", statement: ""), on: "2014-10-02")
        group = try #require(network.groupCertificate("cedre-iso"))
        #expect(group.escalations(on: "2014-10-05").isEmpty)
        try network.apply(.findingRaised(sites[2], "F-2014-0003", audit: "A-2014-0003", grade: "minor", requirement: "8.2", statement: ""), on: "2014-10-03")
        group = try #require(network.groupCertificate("cedre-iso"))
        let escalated = group.escalations(on: "2014-10-05")
        #expect(Set(escalated.keys) == ["F-2014-0001", "F-2014-0002", "F-2014-0003"])
        #expect(escalated["F-2014-0001"]?.on == "2014-10-03")
        #expect(escalated["F-2014-0001"]?.cause == .foundAtGroupSites(sites: 3, audited: 3))
        let status = network.findingStatuses(of: sites[0], on: "2014-10-05").first
        #expect(status?.grade == "major")
        // Rule 24: from the day of the audit that raised it, 2014-10-01 + 90 days
        #expect(status?.deadline == "2014-12-30")
    }

    // MARK: Rule 14

    @Test func certificatesUnderTheOldVersionExpireAtTheTransitionEnd() throws {
        var network = try network()
        try crossAuditEverySite(on: "2016-09-01", in: &network)
        try network.apply(.auditPlanned(central, "A-2016-0001", kind: .recertification, scheduledOn: "2016-10-01", auditors: [], referential: "iso-9001:2008"), on: "2016-06-01")
        try network.apply(.auditConducted(central, "A-2016-0001"), on: "2016-10-01")
        try network.apply(.certificationDecided(central), on: "2016-11-01")
        let certification = try #require(network.dossiers[central]?.certification)
        #expect(certification.expiresOn == "2018-09-15")
        #expect(certification.currentDecision?.referential == "iso-9001:2008")
        #expect(network.dossiers[central]?.referentialCutoff == "2018-03-15")
        let notices = network.notices(on: "2018-02-01", horizon: 60)
        #expect(notices.contains { $0.obligation == .referentialTransition && $0.due == "2018-03-15" })
    }

    @Test func noAuditUnderTheOldVersionAfterItsCutoff() throws {
        var network = try network()
        #expect(throws: TransitionError.referentialRetired("A-2018-0001", version: "iso-9001:2008", cutoff: "2018-03-15")) {
            try network.apply(.auditPlanned(central, "A-2018-0001", kind: .special, scheduledOn: "2018-03-16", auditors: [], referential: "iso-9001:2008"), on: "2018-01-10")
        }
        try network.apply(.auditPlanned(central, "A-2018-0001", kind: .special, scheduledOn: "2018-03-15", auditors: [], referential: "iso-9001:2008"), on: "2018-01-10")
        try network.apply(.auditPlanned(central, "A-2018-0002", kind: .special, scheduledOn: "2018-03-16", auditors: []), on: "2018-01-10")
        #expect(network.dossiers[central]?.audit("A-2018-0002")?.referential == "iso-9001:2015")
    }
}
