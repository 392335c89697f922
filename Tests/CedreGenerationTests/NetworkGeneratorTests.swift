import CedreCore
import CedreFixtures
import CedreGeneration
import CedreTestSupport
import Foundation
import Testing

/// DESIGN §8: the seeded generator of large networks makes legal, reproducible networks that
/// look like the 2013 federation.
@Suite struct NetworkGeneratorTests {
    /// The départements cedre ships.
    static let departements = CedreFixtures.departements

    static let network = NetworkGenerator(seed: 2013, departements: departements).generate(members: 300, years: 2010...2016)

    /// Adds the members, then replays every fact in day order, as the store does.
    private func replay(_ generated: GeneratedNetwork) throws -> Network {
        var network = Network(catalog: .bundled)
        for (member, joined) in generated.members {
            try network.apply(.memberAdded(member, joined: joined), on: joined ?? generated.lastDay)
        }
        for item in generated.facts {
            try network.apply(item.fact, on: item.day)
        }
        return network
    }

    @Test func everyGeneratedFactReplaysLegallyThroughTheNetwork() throws {
        // Given a generated network of 300 members over seven years
        let generated = Self.network

        // When its members are added and its facts replayed in day order
        let network = try replay(generated)

        // Then every fact is accepted, inside the years asked for
        #expect(network.members.count == 300)
        #expect(generated.facts.allSatisfy { (2010...2016).contains($0.day.year) })
        #expect(zip(generated.facts, generated.facts.dropFirst()).allSatisfy { $0.day <= $1.day })
    }

    @Test(arguments: [UInt64(1), 7, 42, 99]) func otherSeedsAndSizesReplayLegallyToo(seed: UInt64) throws {
        let generated = NetworkGenerator(seed: seed, departements: Self.departements).generate(members: 800, years: 2008...2019)
        let network = try replay(generated)
        #expect(network.members.count == 800)
    }

    /// A minor finding verified ineffective is open again until its revised plan is accepted,
    /// and holds its audit open till then. In this network (the benchmark's at 20,000 members,
    /// seed 2, 2011–2018) the generator closed A-2018-1757 on the day F-2018-1679 was verified
    /// ineffective, and the import refused the whole file. A long test (3.6 s of CPU in a debug
    /// build, the network's 235,788 facts replayed): CI runs it.
    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped))
    func anAuditClosesOnlyOnceItsFindingsRevisedPlansAreAccepted() throws {
        let generated = NetworkGenerator(seed: 2, departements: Self.departements).generate(members: 20_000, years: 2011...2018)
        let network = try replay(generated)
        #expect(network.members.count == 20_000)
    }

    @Test func theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        // Given two generations with the seed 2013 and one with the seed 2014
        let again = NetworkGenerator(seed: 2013, departements: Self.departements).generate(members: 300, years: 2010...2016)
        let other = NetworkGenerator(seed: 2014, departements: Self.departements).generate(members: 300, years: 2010...2016)

        // Then the first two are identical, member by member and fact by fact
        #expect(again.members.map(\.member) == Self.network.members.map(\.member))
        #expect(again.members.map(\.joined) == Self.network.members.map(\.joined))
        #expect(again.facts == Self.network.facts)
        #expect(again.auditors == Self.network.auditors)
        #expect(again.links == Self.network.links)
        // And the third differs
        #expect(other.facts != Self.network.facts)
    }

    @Test func theTypeMixFollowsTheTwoThousandThirteenNetwork() {
        // Given 5,000 generated members
        let members = NetworkGenerator(seed: 5, departements: Self.departements).generate(members: 5000, years: 2012...2013)
            .members.map(\.member)

        // Then types come in the 2013 shares (AI 56 %, ACI 18 %, EI 9 %, ETTI 6 %, GES 6 %), within 2 points
        func share(_ code: String) -> Double {
            Double(members.filter { $0.typeCode == code }.count) / Double(members.count)
        }
        #expect(abs(share("AI") - 0.56) < 0.02)
        #expect(abs(share("ACI") - 0.18) < 0.02)
        #expect(abs(share("EI") - 0.09) < 0.02)
        #expect(abs(share("ETTI") - 0.06) < 0.02)
        #expect(abs(share("GES") - 0.06) < 0.02)
        #expect(share("national") == 1.0 / 5000)
        // And every company of a GES names a GES listed before it
        var seen: Set<MemberID> = []
        for member in members {
            if let group = member.group { #expect(seen.contains(group)) }
            if member.types.contains(.ges) { seen.insert(member.id) }
        }
        #expect(Double(members.filter { $0.group != nil }.count) / Double(members.count) > 0.1)
        // And regions are weighted as in 2013: Rhône-Alpes first, Pays de la Loire second
        let byRegion = Dictionary(grouping: members, by: \.region).mapValues(\.count).sorted { $0.value > $1.value }
        #expect(byRegion.prefix(2).map(\.key) == ["Rhône-Alpes", "Pays de la Loire"])
        // And every member's region is its département's federation region
        #expect(members.allSatisfy { Self.departements[$0.departement]?.federationRegion == $0.region })
    }

    @Test func certificationsEndInEveryStandingWithAboutTenFactsAMember() throws {
        // Given 2,000 members over seven years, replayed and read on the last day
        let generated = NetworkGenerator(seed: 11, departements: Self.departements).generate(members: 2000, years: 2010...2016)
        let network = try replay(generated)
        let standings = CertificationRegister(network: network, on: generated.lastDay).allStatuses.map(\.standing)
        func count(_ standing: Standing) -> Int { standings.filter { $0 == standing }.count }

        // Then about ten facts a member were generated
        let perMember = Double(generated.facts.count) / 2000
        #expect((8...13).contains(perMember), "\(perMember) facts a member")
        // And certificates are in every standing, certified the most common after engaged
        #expect(count(.certified) > 300)
        #expect(count(.engaged) > 300)
        for standing in [Standing.initialAuditPlanned, .audited, .suspended, .expired, .lapsed, .withdrawn] {
            #expect(count(standing) > 0, "no certificate is \(standing)")
        }
        // And findings of every grade were raised, nonconformities closed, observations noted
        let findings = network.dossiers.values.flatMap(\.findings)
        for grade in ["major", "minor", "observation", "opportunity"] {
            #expect(findings.contains { $0.grade.rawValue == grade })
        }
        #expect(findings.contains { $0.state == .verifiedEffective })
        #expect(findings.contains { $0.state == .noted })
        // And the group certificate has sites that joined, and cross-auditors and links exist
        #expect(network.dossiers.values.contains { $0.membership?.state == .member })
        #expect(!generated.auditors.isEmpty && !generated.links.isEmpty)
    }

    @Test func theFilesAreTheImportFormats() throws {
        // Given the generated network of 300 members
        let generated = Self.network

        // When it is written as files
        let csv = generated.membersCSV()
        var lines: [String] = []
        generated.writeEvents(linesPerChunk: 1000) { chunk in
            lines += String(decoding: chunk, as: UTF8.self).split(separator: "\n").map(String.init)
        }

        // Then the CSV has the import header and one row per member, marked synthetic
        let rows = csv.split(separator: "\r\n")
        #expect(rows.first == "id,name,type,departement,region,group,joined,source")
        #expect(rows.count == 301)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",synthetic") })
        // And each JSON line is one fact with its kind, day and payload, keys sorted
        #expect(lines.count == generated.facts.count)
        let first = try #require(generated.facts.first)
        #expect(lines.first?.hasPrefix("{\"kind\":\"\(first.fact.kind.rawValue)\",\"on\":\"\(first.day)\",\"payload\":{") == true)
        let decoded = try JSONDecoder().decode(Line.self, from: Data(lines[lines.count / 2].utf8))
        let middle = generated.facts[lines.count / 2]
        #expect(try Fact(kind: try #require(Fact.Kind(rawValue: decoded.kind)), payload: decoded.payload) == middle.fact)
    }

    private struct Line: Decodable {
        let kind: String
        let on: String
        let payload: FactPayload
    }
}
