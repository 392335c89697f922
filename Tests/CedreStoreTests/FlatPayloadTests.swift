import CedreCore
import CedreFixtures
import CedreGeneration
import CedreJSON
import Testing

/// A replay reads payloads in their flat form (`FactPayload.read(flatJSON:into:)`): what it
/// reads must be what the full parser reads, and nearly every payload cedre writes must be flat.
@Suite struct FlatPayloadTests {
    private static func flat(_ text: String) -> FactPayload? {
        var payload = FactPayload()
        return FactPayload.read(flatJSON: text, into: &payload) ? payload : nil
    }

    @Test func everyKindOfFactReadsTheSameFlatAsParsed() throws {
        var flat = 0
        for fact in ChainGoldenTests.samples {
            let text = fact.payload.canonicalJSON
            let parsed = try FactPayload(json: JSONParser.parse(text))
            if let read = Self.flat(text) {
                #expect(read == parsed, "\(text)")
                flat += 1
            }
            #expect(try Fact(kind: fact.kind, payload: Self.flat(text) ?? parsed) == fact)
        }
        // Only texts with escapes and the payloads holding objects (corrections, campaigns) are not
        #expect(flat >= ChainGoldenTests.samples.count * 3 / 4)
    }

    @Test func aGeneratedNetworksPayloadsAreFlat() throws {
        let generated = NetworkGenerator(seed: 11, departements: CedreFixtures.departements).generate(members: 150, years: 2012...2016)
        var flat = 0
        for item in generated.facts {
            let text = item.fact.payload.canonicalJSON
            let read = try #require(Self.flat(text), "\(text)")
            #expect(read == (try FactPayload(json: JSONParser.parse(text))))
            flat += 1
        }
        #expect(flat == generated.facts.count)
    }

    /// A flat payload with a member no fact has, or of the wrong type, is left to the full
    /// reader, which names the field.
    @Test func aFlatPayloadItCannotReadIsLeftToTheFullReader() throws {
        for text in [#"{"member":"solipass","unknown":"x"}"#, #"{"due":"2013-02-30"}"#, #"{"year":"2014"}"#, #"{"corrected":"x"}"#] {
            #expect(Self.flat(text) == nil, "\(text)")
            #expect(throws: FactPayloadError.self) { try FactPayload(json: JSONParser.parse(text)) }
        }
        #expect(Self.flat(#"{"due":"2013-02-28","year":2014}"#) != nil)
    }
}
