import CedreCore
import CedreReports
import CedreTestSupport
import Testing

/// "Les entreprises renouvelées ou certifiées en 2013" (DESIGN §7): the yearly list and its figures.
@Suite struct CertificationsReportTests {
    /// The activity report's list (p.6), region by region, as cedre prints it: the printed
    /// lines with the deviations docs/reports.md names (every line carries its département,
    /// "SEWEP AI (59)" is "SEWEP (59) - AI", "Coup d'Main (75)" gets its type, the stray " -"
    /// of "Entraide partage et travail - (31)" goes, and the order is alphabetical).
    static let activityReportList: [(String, [String])] = [
        ("Basse-Normandie", [
            "AIDER (50) - AI", "AIRE Côte de Nacre (14) - GES", "AIRE - AI", "AIRE ENVIRONNEMENT - ACI",
            "Bac du pré bocage (14) - AI", "Bac du pré bocage (14) - ACI", "Bac du pré bocage (14) - ETTI", "OSE (50) - AI",
            "OSE Environnement (50) - ACI", "Passerelles (50) - AI",
        ]),
        ("Bretagne", ["Start'Air (35) - AI"]),
        ("Centre-Limousin", [
            "Aider (45) - AI", "COORACE Centre-Limousin (18)", "Éclair au service du quotidien (41) - AI",
            "Solidarité Emploi Gâtinais (45) - AI",
        ]),
        ("Franche-Comté", [
            "Intermed' (25) - GES", "Intermed' - AI", "Intermed' Limpio - EI", "Noveo - Des services, des emplois (70) - AI",
        ]),
        ("Haute-Normandie", ["AGIRE 76 (76) - AI", "Les ateliers de la solidarité - ADS Emploi (27) - AI"]),
        ("Ile-de-France", [
            "Abeilles aide et entraide (91) - AI", "ACTYV (78) - AI", "Chantiers Yvelines (78) - AI", "COORACE national (75)",
            "Coup d'Main (75) - AI", "La rose des vents - Partage 77 (77) - AI & ACI", "Tremplin 95 (95) - AI",
        ]),
        ("Lorraine", ["Ecoval (54) - AI", "Tremplin 57 (57) - AI"]),
        ("Midi-Pyrénées", [
            "Agriservices (81) - AI", "Ailes (31) - AI", "AMIE (31) - AI", "COORACE Midi-Pyrénées (31)",
            "Défi Emploi (65) - AI", "Emploi Services (46) - AI", "Energie M4 (32) - AI",
            "Entraide partage et travail (31) - AI", "Le tremplin (31) - AI",
        ]),
        ("Nord-Pas-de-Calais", ["SEWEP (59) - AI"]),
        ("P.A.C.A.", ["Partage et travail Sainte Victoire (13) - AI"]),
        ("Pays de la Loire", [
            "ACTIF Emploi (85) - AI", "Association tremplin-intermédiaire cantonale (85) - AI", "Coup de pouce (85) - AI",
            "REEL (85) - GES", "REEL - AI", "REEL - ACI", "REEL - EI", "SOLIPASS (49) - ACI", "SOLIPASS Châteauneuf (49) - AI",
            "SOLIPASS Tierce (49) - AI", "Tremplin Travail (49) - AI",
        ]),
        ("Poitou-Charentes", [
            "IPSO² (79) - AI", "POE (79) - AI", "VIVRACTIF (17) - GES", "VIVRACTIF - ACI", "VIVRACTIF - EI",
        ]),
        ("Rhône-Alpes", [
            "Les associations d'économie solidaire du pays Voiironnais - Adéquation (38) - AI",
            "Les associations d'économie solidaire du pays Voiironnais - Bleu Ciel (38) - EI",
            "Les associations d'économie solidaire du pays Voiironnais - Les emplois verts (38) - ACI",
            "Unis vers l'emploi (69) - GES", "Ariel Services - AI", "Buer Services - EI", "Est Emploi Services - ETTI",
            "Solidarité Services - AI",
        ]),
    ]

    @Test func the2013ListReproducesTheActivityReport() {
        let report = Network2013.certifications
        #expect(report.regions.map(\.name) == CertificationsReportTests.activityReportList.map(\.0))
        for (region, expected) in zip(report.regions, CertificationsReportTests.activityReportList) {
            #expect(region.entries.map(\.line) == expected.1, "\(region.name)")
        }
    }

    @Test func the2013FiguresAreTheReports() {
        // 19 CEDRE ISO, 17 new, 29 renewed; 115 certified (96 + 19) of 511 members; 250 engaged
        let figures = Network2013.certifications.figures
        #expect(figures.joinedGroup == 19)
        #expect(figures.newlyCertified == 17)
        #expect(figures.renewed == 29)
        #expect(figures.certified == 115)
        #expect(figures.certifiedByScheme.map(\.certified) == [96, 19])
        #expect(figures.members == 511)
        #expect(figures.engaged == 250)
        #expect(figures.certifiedShare == 115.0 / 511.0)
        #expect(Network2013.certifications.entries.count == 65)
    }

    @Test func theGroupCertificateJoinsItsCentralFunctionAndItsSites() {
        let joined = Network2013.certifications.entries.filter { $0.kind == .joinedGroup }
        #expect(joined.count == 19)
        #expect(joined.allSatisfy { $0.scheme == "cedre-iso" && $0.on == "2013-12-12" })
        #expect(joined.contains { $0.member.id == "coorace-national" })
    }

    @Test func companiesOfAListedGESFollowItWithoutTheirDepartement() {
        let basseNormandie = Network2013.certifications.regions.first { $0.name == "Basse-Normandie" }?.entries ?? []
        let aire = basseNormandie.filter { $0.member.id == "aire" || $0.member.id == "aire-environnement" }
        #expect(aire.map(\.underGroup) == ["aire-cote-de-nacre", "aire-cote-de-nacre"])
        #expect(aire.map(\.line) == ["AIRE - AI", "AIRE ENVIRONNEMENT - ACI"])
    }

    @Test func companiesOfAnUnlistedGESKeepTheirDepartement() {
        // Groupe SOLIPASS itself holds no certificate: its companies stand alone
        let solipass = Network2013.certifications.entries.filter { $0.member.id.rawValue.hasPrefix("solipass") }
        #expect(solipass.allSatisfy { $0.underGroup == nil && $0.line.contains("(49)") })
    }

    @Test func aRestorationCountsAsARenewal() throws {
        // Given a certificate of 2013-05-02 that expired and was restored within six months (rule 3)
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        try small.apply(small.audit(.cedre("solipass"), .surveillance, on: "2014-04-10"))
        try small.apply(small.audit(.cedre("solipass"), .surveillance, on: "2015-04-10"))
        try small.apply(small.audit(.cedre("solipass"), .recertification, on: "2016-06-01"))
        try small.apply([(.certificationDecided(.cedre("solipass")), "2016-07-01")])
        // When 2016 is reported
        let report = CertificationsReport(network: small.network, year: 2016, asOf: "2016-12-31")
        // Then it is a renewal
        #expect(report.entries.map(\.kind) == [.renewed])
        #expect(report.figures.renewed == 1)
        #expect(report.entries.map(\.line) == ["SOLIPASS (49) - AI"])
    }

    @Test func anEarlierAsOfCountsTheFiguresOnThatDay() {
        let report = CertificationsReport(network: Network2013.network, year: 2013, asOf: "2013-06-30")
        #expect(report.asOf == "2013-06-30")
        #expect(report.figures.joinedGroup == 0)
        #expect(report.entries.allSatisfy { $0.on <= "2013-06-30" })
    }
}
