import CedreCore
import Foundation

/// The words of lists and shows: column headers, member fields, link kinds.
extension Vocabulary {
    /// A column of a list (`member list`, `audit list`, `log`…), as its header prints it.
    public enum Column: Sendable {
        case id, name, type, departement, region, group, member, scheme, kind, state, scheduled, conducted, auditors
        case audit, grade, requirement, deadline, overdue, trainedOn, qualifiedUntil, status, role, standing, joined
        case finding, site, raised, answered, awaiting, day, stream, actor, recorded, correction, auditor
        case auditorsMember, distance, override, reason, event

        var words: (fr: String, en: String) {
            switch self {
            case .id: ("id", "id")
            case .name: ("nom", "name")
            case .type: ("type", "type")
            case .departement: ("dépt", "dept")
            case .region: ("région", "region")
            case .group: ("groupe", "group")
            case .member: ("adhérent", "member")
            case .scheme: ("référentiel", "scheme")
            case .kind: ("type d'audit", "kind")
            case .state: ("état", "state")
            case .scheduled: ("prévu le", "scheduled")
            case .conducted: ("réalisé le", "conducted")
            case .auditors: ("auditeurs", "auditors")
            case .audit: ("audit", "audit")
            case .grade: ("gravité", "grade")
            case .requirement: ("exigence", "requirement")
            case .deadline: ("échéance", "deadline")
            case .overdue: ("en retard", "overdue")
            case .trainedOn: ("formé le", "trained on")
            case .qualifiedUntil: ("qualifié jusqu'au", "qualified until")
            case .status: ("statut", "status")
            case .role: ("rôle", "role")
            case .standing: ("situation", "standing")
            case .joined: ("entré le", "joined")
            case .finding: ("écart", "finding")
            case .site: ("site", "site")
            case .raised: ("relevé le", "raised")
            case .answered: ("réponses", "answered")
            case .awaiting: ("en attente de", "awaiting")
            case .day: ("date", "day")
            case .stream: ("dossier", "stream")
            case .actor: ("auteur", "actor")
            case .recorded: ("enregistré le", "recorded")
            case .correction: ("correction", "correction")
            case .auditor: ("auditeur", "auditor")
            case .auditorsMember: ("entreprise de l'auditeur", "auditor's member")
            case .distance: ("km", "km")
            case .override: ("dérogation", "override")
            case .reason: ("motif", "reason")
            case .event: ("événement", "kind")
            }
        }
    }

    /// The header of a list column.
    public func column(_ column: Column) -> String {
        language == .fr ? column.words.fr : column.words.en
    }

    /// The headers of several columns.
    public func columns(_ columns: [Column]) -> [String] {
        columns.map(column)
    }

    /// A field of a member record, as an amendment names it: « nom », « département ».
    public func memberField(_ field: String) -> String {
        switch field {
        case "name": say("nom", "name")
        case "type": say("type", "type")
        case "departement": say("département", "département")
        case "region": say("région", "region")
        case "group": say("groupe", "group")
        default: field
        }
    }

    /// A declared link between two members (rule 15): « fournisseur ».
    public func linkKind(_ kind: MemberLink.Kind) -> String {
        switch kind {
        case .supplier: say("fournisseur", "supplier")
        case .client: say("client", "client")
        case .partner: say("partenaire", "partner")
        }
    }

    /// Whether a qualification still holds on the day asked: « valide », « expirée ».
    public func qualification(valid: Bool) -> String {
        valid ? say("valide", "valid") : say("expirée", "expired")
    }
}

/// The words of site sampling (rule 12).
extension Vocabulary {
    /// The kind of an external audit that visits a sample of sites: « audit de surveillance ».
    public func sampleAudit(_ kind: SiteSample.AuditKind) -> String {
        switch kind {
        case .initial: auditKind(.initial)
        case .surveillance: auditKind(.surveillance)
        case .recertification: auditKind(.recertification)
        }
    }

    /// Why a site is in the sample: « tiré au sort », « pas encore visité dans le cycle ».
    public func sampleReason(_ reason: SampleReason) -> String {
        switch reason {
        case .centralFunction: say("fonction centrale (règle 11)", "central function (rule 11)")
        case .drawnAtRandom: say("tiré au sort", "drawn at random")
        case .notVisited: say("pas encore visité dans le cycle", "not visited yet in the cycle")
        case .openFindings: say("écarts ouverts", "open findings")
        }
    }
}
