import CedreCore
import Foundation

/// The proportions of a generated network, taken from the 2013 network
/// (`Fixtures/network-2013`, 511 members) so that large synthetic networks look like the
/// federation, only bigger.
enum NetworkMix {
    /// Company types, in members of the 2013 network (federation bodies apart).
    static let companyTypes: [(value: [CompanyType], weight: Int)] = [
        ([.ai], 288), ([.aci], 92), ([.ei], 46), ([.etti], 31), ([.ges], 31), ([.ai, .aci], 4),
    ]

    /// The share of members that are regional federation bodies (18 of 511), at most one a region.
    static let regionalBodyShare = 18.0 / 511.0

    /// The share of companies that belong to a GES (65 of the 461 companies that are not GES).
    static let groupedShare = 65.0 / 461.0

    /// The sites of the CEDRE ISO 9001 group certificate (18 of 511), capped: a multi-site
    /// certificate covers tens of sites, not thousands.
    static let groupSiteShare = 18.0 / 511.0
    static let maximumGroupSites = 60

    /// Members by département in the 2013 network: where generated members are placed.
    static let departements: [(value: String, weight: Int)] = [
        ("01", 5), ("03", 2), ("04", 3), ("05", 2), ("06", 2), ("07", 13), ("08", 1), ("09", 2), ("11", 2),
        ("13", 8), ("14", 13), ("15", 5), ("16", 4), ("17", 13), ("18", 4), ("21", 3), ("22", 5), ("23", 3),
        ("24", 5), ("25", 11), ("26", 12), ("27", 8), ("28", 2), ("29", 2), ("2A", 3), ("2B", 4), ("30", 3),
        ("31", 7), ("32", 2), ("33", 6), ("34", 3), ("35", 8), ("36", 3), ("37", 2), ("38", 15), ("39", 5),
        ("40", 8), ("41", 3), ("42", 6), ("43", 4), ("44", 10), ("45", 5), ("46", 5), ("47", 4), ("49", 17),
        ("50", 7), ("51", 4), ("52", 1), ("53", 8), ("54", 11), ("55", 7), ("56", 7), ("57", 3), ("58", 5),
        ("59", 10), ("60", 1), ("61", 2), ("62", 9), ("63", 3), ("64", 5), ("65", 3), ("66", 3), ("67", 8),
        ("68", 3), ("69", 10), ("70", 9), ("71", 1), ("72", 6), ("73", 5), ("74", 3), ("75", 5), ("76", 8),
        ("77", 9), ("78", 6), ("79", 10), ("80", 2), ("81", 3), ("82", 6), ("83", 1), ("84", 2), ("85", 13),
        ("86", 8), ("87", 3), ("88", 2), ("89", 4), ("90", 5), ("91", 3), ("92", 3), ("93", 5), ("94", 2),
        ("95", 4), ("971", 6), ("972", 2), ("973", 1), ("974", 4), ("976", 7),
    ]

    /// Finding grades of the 2013 network: 6 major, 99 minor, 67 observations, 41 opportunities.
    static let grades: [(value: GradeID, weight: Int)] = [
        ("major", 6), ("minor", 99), ("observation", 67), ("opportunity", 41),
    ]

    /// Grades a cross-audit or a group site raises: nothing that blocks a group decision.
    static let notedGrades: [(value: GradeID, weight: Int)] = [("observation", 67), ("opportunity", 41)]

    /// Findings per external audit (213 findings for 259 external audits in 2013, often none).
    static let findingsPerAudit: [(value: Int, weight: Int)] = [(0, 40), (1, 30), (2, 18), (3, 12)]

    /// Requirements of the referential that findings name, as often as in 2013.
    static let requirements: [(value: RequirementID, weight: Int)] = [
        ("5.3", 28), ("8.4", 25), ("8.2", 24), ("7.5", 23), ("6.3", 21), ("7.2", 14), ("7.1", 12), ("7.4", 12),
        ("8.5", 10), ("5.5", 9), ("4.2", 9), ("6.2", 6), ("5.6", 6), ("4.1", 5),
    ]

    static let statements: [GradeID: [String]] = [
        "major": [
            "Aucun engagement réciproque n'est formalisé avec les salarié-e-s en parcours.",
            "Les dossiers des salarié-e-s en parcours ne permettent pas de suivre leur parcours.",
        ],
        "minor": [
            "Plusieurs procédures en usage ne sont pas à jour dans le classeur qualité.",
            "Le plan de formation des permanent-e-s n'est pas suivi.",
            "Des entretiens de suivi manquent dans les dossiers des salarié-e-s en parcours.",
            "L'efficacité des actions correctives n'est pas vérifiée.",
            "La satisfaction des client-e-s n'a pas été mesurée depuis deux ans.",
        ],
        "observation": [
            "Le tableau de bord qualité gagnerait à intégrer les heures de formation.",
            "Le local d'accueil ne permet pas toujours des entretiens confidentiels.",
            "Les comptes rendus des réunions d'équipe ne mentionnent pas les décisions prises.",
        ],
        "opportunity": [
            "Formaliser un partenariat avec les employeurs du territoire pour les sorties en emploi.",
            "Associer les salarié-e-s en parcours à l'enquête de satisfaction.",
        ],
    ]

    static let plans = [
        "Relance des signatures manquantes et contrôle mensuel par la direction.",
        "Vérification d'efficacité ajoutée à la fiche d'action corrective.",
        "Procédures revues en comité qualité et classeur mis à jour.",
    ]

    static let correction = "Correction immédiate faite pendant l'audit."
    static let revisedPlan = "Plan revu après vérification : contrôle hebdomadaire jusqu'à stabilisation."
    static let postponement = "Indisponibilité de l'entreprise auditée."
    static let cancellation = "Auditeur indisponible ; audit reprogrammé."
    static let notCrossAudited = "Site non audité en audit croisé avant l'audit externe du groupe (règle 13)."
    /// Certification-body auditors named on external audits.
    static let externalAuditors = 60
}
