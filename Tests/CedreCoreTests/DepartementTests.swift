import CedreCore
import CedreFixtures
import Testing

/// The départements' chefs-lieux keep their article (issue 14, item 7): the official file
/// drops it, the fixture's generator restores it.
@Suite struct DepartementTests {
    @Test func chefsLieuxKeepTheirArticle() {
        let departements = CedreFixtures.departements
        #expect(departements["17"]?.chefLieu == "La Rochelle")
        #expect(departements["43"]?.chefLieu == "Le Puy-en-Velay")
        #expect(departements["72"]?.chefLieu == "Le Mans")
        #expect(departements["85"]?.chefLieu == "La Roche-sur-Yon")
        #expect(departements["49"]?.chefLieu == "Angers")
        #expect(departements.departements.count == 101)
    }
}
