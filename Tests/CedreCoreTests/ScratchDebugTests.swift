import CedreCore
import Foundation
import Testing

@Suite struct ScratchDebugTests {
    @Test(arguments: [UInt64(1), 2]) func dump(seed: UInt64) throws {
        let generated = NetworkGenerator(seed: seed, departements: NetworkGeneratorTests.departements).generate(members: 10000, years: 2010...2016)
        var network = Network(catalog: .bundled)
        for (member, joined) in generated.members { try network.apply(.memberAdded(member, joined: joined), on: joined ?? generated.lastDay) }
        for item in generated.facts { try network.apply(item.fact, on: item.day) }
        let standings = CertificationRegister(network: network, on: generated.lastDay).allStatuses.map(\.standing)
        print("OK", seed, generated.facts.count, Double(generated.facts.count) / 10000, Dictionary(grouping: standings, by: { $0 }).mapValues(\.count).sorted { $0.value > $1.value })
        print("KINDS", Dictionary(grouping: generated.facts, by: { $0.fact.kind.rawValue }).mapValues(\.count).sorted { $0.value > $1.value })
    }
}
