import CedreCore
import CedreFixtures
import Testing

/// Names as people type them (issue 14, item 6): regions, member types and schemes are read
/// ignoring case, accents, hyphens and spaces, with the usual short forms and the names
/// reports print, by one matcher every option goes through.
@Suite struct TypedNameTests {
    let departements = CedreFixtures.departements

    @Test func caseAccentsHyphensSpacesAndDotsDoNotTellNamesApart() {
        #expect(TypedName("Île-de-France") == TypedName("ile de france"))
        #expect(TypedName("P.A.C.A.") == TypedName("paca"))
        #expect(TypedName("Provence-Alpes-Côte d'Azur") == TypedName("provence alpes cote dazur"))
        #expect(TypedName("cedre-iso") == TypedName("CEDRE ISO"))
        #expect(TypedName("CEDRE ISO 9001") != TypedName("cedre-iso"))
        #expect(TypedName("Centre") != TypedName("Centre-Limousin"))
    }

    @Test func asciiTextIsKeyedAsFoundationsFoldingKeysIt() {
        // Given every ASCII character, alone and between letters, and names as typed
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let texts = characters + characters.map { "a\($0)Z" } + ["cedre-iso", "CEDRE ISO 9001", "P.A.C.A.", "Pays de la Loire", "AI+ACI", ""]
        for text in texts {
            // Then the ASCII key is the one the folding gives: a non-ASCII character the key
            // drops (an em dash) sends the same text through Foundation's folding
            #expect(TypedName(text) == TypedName(text + "\u{2014}"), "\(text.debugDescription)")
        }
    }

    @Test func aSlugIsOneShellWordThatReadsBackAsTheSameName() throws {
        #expect(TypedName.slug("Ile-de-France") == "ile-de-france")
        #expect(TypedName.slug("P.A.C.A.") == "paca")
        #expect(TypedName.slug("La Réunion - Mayotte") == "la-reunion-mayotte")
        #expect(TypedName.slug("Pays de la Loire") == "pays-de-la-loire")
        for region in departements.federationRegions {
            #expect(try departements.region(named: TypedName.slug(region)) == region)
        }
    }

    @Test func regionsAreReadByTheirReportNameTheir2013RegionsAndShortForms() throws {
        #expect(try departements.region(named: "paca") == "P.A.C.A.")
        #expect(try departements.region(named: "PACA") == "P.A.C.A.")
        #expect(try departements.region(named: "Provence-Alpes-Côte d'Azur") == "P.A.C.A.")
        #expect(try departements.region(named: "ile de france") == "Ile-de-France")
        #expect(try departements.region(named: "Île-de-France") == "Ile-de-France")
        #expect(try departements.region(named: "IDF") == "Ile-de-France")
        #expect(try departements.region(named: "pays de la loire") == "Pays de la Loire")
        #expect(try departements.region(named: "rhone-alpes") == "Rhône-Alpes")
        // A 2013 region a regional body covers with another stands for the body's region.
        #expect(try departements.region(named: "Limousin") == "Centre-Limousin")
        #expect(try departements.region(named: "Mayotte") == "La Réunion - Mayotte")
        // A region no département gives is read when members carry it.
        #expect(try departements.region(named: "hors region", others: ["Hors-Région"]) == "Hors-Région")
    }

    @Test func anUnknownRegionIsRefusedWithTheRegionsThatExist() {
        #expect(throws: UnknownName.self) { try departements.region(named: "Atlantide") }
        do throws(UnknownName) {
            _ = try departements.region(named: "Atlantide")
        } catch {
            #expect(error.kind == .region)
            #expect(error.known.count == 25)
            #expect(error.known.contains("P.A.C.A."))
            #expect(error.description.hasPrefix("no region is named 'Atlantide'; use one of Alsace, "))
        }
    }

    @Test func memberTypesAreReadByCodeOrFullNameAlsoSeveralJoinedByPlus() throws {
        #expect(try CompanyType.matching("ai") == [.ai])
        #expect(try CompanyType.matching("AI") == [.ai])
        #expect(try CompanyType.matching("ai+aci") == [.ai, .aci])
        #expect(try CompanyType.matching("AI + ACI") == [.ai, .aci])
        #expect(try CompanyType.matching("Entreprise d'insertion") == [.ei])
        #expect(try CompanyType.matching("etti") == [.etti])
        #expect(try CompanyType.matching("Régional") == [.regional])
        #expect(try CompanyType.matching("fédération nationale") == [.national])
        #expect(throws: UnknownName(.type, typed: "XYZ", known: ["AI", "ACI", "EI", "ETTI", "GES", "national", "regional"])) {
            try CompanyType.matching("XYZ")
        }
        #expect(throws: UnknownName.self) { try CompanyType.matching("ai+ai") }
        #expect(throws: UnknownName.self) { try CompanyType.matching("ai+") }
        // Stored facts keep their strict codes.
        #expect(CompanyType.parse("ai") == nil)
    }

    @Test func schemesAreReadByIdOrByTheNameReportsPrint() throws {
        let catalog = SchemeCatalog.bundled
        #expect(try catalog.scheme(named: "cedre") == "cedre")
        #expect(try catalog.scheme(named: "CEDRE") == "cedre")
        #expect(try catalog.scheme(named: "cedre-iso") == "cedre-iso")
        #expect(try catalog.scheme(named: "CEDRE ISO") == "cedre-iso")
        #expect(try catalog.scheme(named: "CEDRE ISO 9001") == "cedre-iso")
        #expect(try catalog.scheme(named: "cedre iso 9001") == "cedre-iso")
        #expect(throws: UnknownName(.scheme, typed: "iso", known: ["cedre (CEDRE)", "cedre-iso (CEDRE ISO 9001)"])) {
            try catalog.scheme(named: "iso")
        }
    }

    @Test func aNameTwoValuesShareNamesNeither() {
        let matcher = NameMatcher([(value: 1, names: ["Saint-Denis"]), (value: 2, names: ["saint denis", "Réunion"])])
        #expect(matcher.value(named: "saint denis") == nil)
        #expect(matcher.value(named: "reunion") == 2)
        #expect(matcher.shownNames == ["Saint-Denis", "saint denis"])
    }

    @Test func aMemberIsAddedWithItsTypeAndRegionAsTheOfficerTypesThem() throws {
        let member = try MemberProfile.validate(
            id: "reel", name: "REEL", type: "ai+aci", departement: "13", region: "paca", group: nil, source: nil,
            departements: departements)
        #expect(member.types == [.ai, .aci])
        #expect(member.region == "P.A.C.A.")
        #expect(throws: FieldIssue.self) {
            try MemberProfile.validate(
                id: "reel", name: "REEL", type: "AI", departement: "13", region: "idf", group: nil, source: nil,
                departements: departements)
        }
    }
}
