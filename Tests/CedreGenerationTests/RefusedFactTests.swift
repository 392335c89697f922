import CedreCore
import CedreGeneration
import Testing

/// A dossier applies its facts in place: a fact it refuses must leave it exactly as it was,
/// whatever machine refused and after whatever part of the fact was already taken.
@Suite struct RefusedFactTests {
    @Test func aRefusedFactLeavesTheDossierAsItWas() throws {
        // Given the dossiers of a generated network, each with its facts in day order
        let generated = NetworkGeneratorTests.network
        var streams: [CertificationKey: [DatedFact]] = [:]
        for item in generated.facts {
            if let key = item.fact.key { streams[key, default: []].append(item) }
        }
        var generator = SeededGenerator(seed: 2013)
        var refused = 0
        for key in streams.keys.sorted() {
            let facts = streams[key] ?? []
            let scheme = try #require(SchemeCatalog.bundled[key.scheme])
            var dossier = Dossier(key: key, scheme: scheme)
            for item in facts {
                // When, before each fact, a fact of the same dossier is tried out of its place
                let tried = facts[Int.random(in: 0..<facts.count, using: &generator)]
                var attempt = dossier
                do {
                    try attempt.apply(tried.fact, on: item.day)
                } catch {
                    // Then a refusal leaves every machine, audit and finding as it was
                    #expect(attempt == dossier, "\(tried.fact) refused with \(error) changed \(key)")
                    refused += 1
                }
                try dossier.apply(item.fact, on: item.day)
            }
        }
        #expect(refused > 1_000)
    }
}
