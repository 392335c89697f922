import CedreCore
import CedreFixtures
import CedreGeneration
import CedreJSON
import Testing

/// A replay reads payloads in their flat form (`JSONParser.flatObject`): what it reads must be
/// what the full parser reads, and nearly every payload cedre writes must be flat.
@Suite struct FlatPayloadTests {
    @Test func everyKindOfFactReadsTheSameFlatAsParsed() throws {
        var flat = 0
        for fact in ChainGoldenTests.samples {
            let text = fact.payload.canonicalJSON
            let parsed = try JSONParser.parse(text)
            if let read = JSONParser.flatObject(text) {
                #expect(read == parsed, "\(text)")
                flat += 1
            }
            #expect(try Fact(kind: fact.kind, payload: FactPayload(json: JSONParser.flatObject(text) ?? parsed)) == fact)
        }
        // Only texts with escapes and the payloads holding objects (corrections, campaigns) are not
        #expect(flat >= ChainGoldenTests.samples.count * 3 / 4)
    }

    @Test func aGeneratedNetworksPayloadsAreFlat() throws {
        let generated = NetworkGenerator(seed: 11, departements: CedreFixtures.departements).generate(members: 150, years: 2012...2016)
        var flat = 0
        for item in generated.facts {
            let text = item.fact.payload.canonicalJSON
            let read = try #require(JSONParser.flatObject(text), "\(text)")
            #expect(read == (try JSONParser.parse(text)))
            flat += 1
        }
        #expect(flat == generated.facts.count)
    }
}
