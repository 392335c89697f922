import CedreCore
import Foundation

/// The languages reports speak: French by default, English on request.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fr, en
}

/// Words, numbers and dates as officers write them, in each language.
///
/// Every word a report prints comes from here, so a report is wholly French or wholly
/// English; region and member names are printed as the federation writes them in both.
public struct Vocabulary: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    private static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// « 31 décembre 2013 », « 1er mars 2014 » or "31 December 2013".
    public func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        switch language {
        case .fr: return "\(dayOfMonth == 1 ? "1er" : String(dayOfMonth)) \(Vocabulary.frenchMonths[month - 1]) \(year)"
        case .en: return "\(dayOfMonth) \(Vocabulary.englishMonths[month - 1]) \(year)"
        }
    }

    /// A short day for table cells: « 12/12/2013 » or "2013-12-12".
    public func shortDate(_ day: Day) -> String {
        switch language {
        case .fr: day.numeric(.dayFirst, separator: "/")
        case .en: day.description
        }
    }

    /// « novembre 2013 » or "November 2013", from `2013-11`.
    public func month(_ yearMonth: String) -> String {
        let parts = yearMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return yearMonth }
        let names = language == .fr ? Vocabulary.frenchMonths : Vocabulary.englishMonths
        return "\(names[parts[1] - 1]) \(parts[0])"
    }

    /// « 1 234 » (narrow no-break space) or "1,234".
    public func number(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        let separator = language == .fr ? "\u{202F}" : ","
        return (value < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    /// « 22,5 % » or "22.5%", one decimal.
    public func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        let whole = tenths / 10
        let decimal = tenths % 10
        switch language {
        case .fr: return "\(whole),\(decimal)\u{202F}%"
        case .en: return "\(whole).\(decimal)%"
        }
    }

    /// The word for a standing.
    public func standing(_ standing: Standing) -> String {
        switch (standing, language) {
        case (.candidate, .fr): "candidat"
        case (.candidate, .en): "candidate"
        case (.engaged, .fr): "engagé"
        case (.engaged, .en): "engaged"
        case (.initialAuditPlanned, .fr): "audit initial planifié"
        case (.initialAuditPlanned, .en): "initial audit planned"
        case (.audited, .fr): "audité"
        case (.audited, .en): "audited"
        case (.certified, .fr): "certifié"
        case (.certified, .en): "certified"
        case (.suspended, .fr): "suspendu"
        case (.suspended, .en): "suspended"
        case (.expired, .fr): "expiré"
        case (.expired, .en): "expired"
        case (.lapsed, .fr): "échu"
        case (.lapsed, .en): "lapsed"
        case (.withdrawn, .fr): "retiré"
        case (.withdrawn, .en): "withdrawn"
        }
    }

    /// A company type, or several (`AI+ACI` is « AI & ACI », as the report prints it).
    public func type(_ code: String) -> String {
        switch code {
        case CompanyType.national.rawValue: language == .fr ? "fédération nationale" : "national federation"
        case CompanyType.regional.rawValue: language == .fr ? "COORACE régional" : "regional body"
        default: code.replacingOccurrences(of: "+", with: " & ")
        }
    }

    /// The kind of an audit.
    public func auditKind(_ kind: Audit.Kind) -> String {
        switch (kind, language) {
        case (.initial, .fr): "audit initial"
        case (.initial, .en): "initial audit"
        case (.stage1, .fr): "audit initial, étape 1"
        case (.stage1, .en): "stage 1 audit"
        case (.stage2, .fr): "audit initial, étape 2"
        case (.stage2, .en): "stage 2 audit"
        case (.surveillance, .fr): "audit de surveillance"
        case (.surveillance, .en): "surveillance audit"
        case (.recertification, .fr): "audit de renouvellement"
        case (.recertification, .en): "recertification audit"
        case (.special, .fr): "audit spécial"
        case (.special, .en): "special audit"
        case (.crossAudit, .fr): "audit croisé"
        case (.crossAudit, .en): "cross-audit"
        }
    }

    /// The state of an audit.
    public func auditState(_ state: Audit.State) -> String {
        switch (state, language) {
        case (.planned, .fr): "planifié"
        case (.planned, .en): "planned"
        case (.postponed, .fr): "reporté"
        case (.postponed, .en): "postponed"
        case (.confirmed, .fr): "confirmé"
        case (.confirmed, .en): "confirmed"
        case (.conducted, .fr): "réalisé"
        case (.conducted, .en): "conducted"
        case (.reported, .fr): "rapport remis"
        case (.reported, .en): "reported"
        case (.closed, .fr): "clos"
        case (.closed, .en): "closed"
        case (.cancelled, .fr): "annulé"
        case (.cancelled, .en): "cancelled"
        }
    }

    /// The state of a finding: « plan accepté ».
    public func findingState(_ state: Finding.State) -> String {
        switch (state, language) {
        case (.open, .fr): return "ouvert"
        case (.open, .en): return "open"
        case (.planProposed, .fr): return "plan proposé"
        case (.planProposed, .en): return "plan proposed"
        case (.planAccepted, .fr): return "plan accepté"
        case (.planAccepted, .en): return "plan accepted"
        case (.implemented, .fr): return "mis en œuvre"
        case (.implemented, .en): return "implemented"
        case (.verifiedEffective, .fr): return "efficacité vérifiée"
        case (.verifiedEffective, .en): return "verified effective"
        case (.ineffective, .fr): return "inefficace"
        case (.ineffective, .en): return "ineffective"
        case (.noted, .fr): return "noté"
        case (.noted, .en): return "noted"
        }
    }

    /// What a milestone of the yearly list is, under a scheme: « renouvellement CEDRE ».
    public func milestone(_ kind: CertificationMilestone.Kind, scheme: String) -> String {
        switch (kind, language) {
        case (.newlyCertified, .fr): "nouvelle certification \(scheme)"
        case (.newlyCertified, .en): "new \(scheme) certificate"
        case (.renewed, .fr): "renouvellement \(scheme)"
        case (.renewed, .en): "\(scheme) renewal"
        case (.joinedGroup, .fr): "certification de groupe \(scheme)"
        case (.joinedGroup, .en): "joined the \(scheme) group"
        }
    }

    /// An item of the status lists, by its kebab-case id (obligation, notice rule or suspension reason).
    public func subject(_ id: String) -> String {
        let words: (fr: String, en: String)
        switch id {
        case "surveillance-audit": words = ("audit de surveillance", "surveillance audit")
        case "recertification-planning": words = ("planification du renouvellement", "recertification planning")
        case "certificate-expiry": words = ("fin de validité du certificat", "certificate expiry")
        case "restore-window": words = ("fin du délai de rétablissement", "end of the restore window")
        case "suspension-maximum": words = ("fin de la suspension maximale", "end of the maximum suspension")
        case "finding-deadline": words = ("échéance d'un écart", "finding deadline")
        case "referential-transition": words = ("dernier audit sous l'ancien référentiel", "last audit under the old referential")
        case "surveillance-overdue": words = ("audit de surveillance en retard", "surveillance audit overdue")
        case "recertification-not-planned": words = ("renouvellement non planifié", "recertification not planned")
        case "major-finding-overdue": words = ("non-conformité majeure en retard", "major nonconformity overdue")
        case "certificate-expired": words = ("certificat expiré, à rétablir", "certificate expired, to restore")
        case "member-request": words = ("à la demande de l'adhérent", "at the member's request")
        case "group-major-finding": words = ("non-conformité majeure dans le groupe", "major nonconformity in the group")
        case "membership": words = ("adhésion au groupe suspendue", "group membership suspended")
        case "group-certificate": words = ("certificat de groupe suspendu", "group certificate suspended")
        case "cross-audit-missing": words = ("site sans audit croisé avant l'audit externe", "site not cross-audited before the external audit")
        case "certification-lapsed": words = ("délai de rétablissement dépassé", "restore window closed")
        case "suspension-expired": words = ("suspension au-delà de sa durée maximale", "suspension past its maximum")
        case "minor-finding-escalated": words = ("non-conformité mineure escaladée", "minor nonconformity escalated")
        case "other": words = ("autre motif", "other reason")
        default: words = (id, id)
        }
        return language == .fr ? words.fr : words.en
    }

    /// An age band of the findings report: « 31 à 90 jours », « plus de 180 jours ».
    public func ageBand(from minimum: Int, to maximum: Int?) -> String {
        guard let maximum else {
            return language == .fr ? "plus de \(number(minimum - 1)) jours" : "over \(number(minimum - 1)) days"
        }
        return language == .fr ? "\(number(minimum)) à \(number(maximum)) jours" : "\(number(minimum))–\(number(maximum)) days"
    }

    /// « des 511 adhérents » or "of the 511 members".
    public func ofMembers(_ count: Int) -> String {
        language == .fr ? "des \(number(count)) adhérents" : "of the \(number(count)) members"
    }

    /// `text` with its first letter in capitals: « Audit de surveillance ».
    public func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// « Référentiel : CEDRE » or "Scheme: CEDRE": a labelled value in running text.
    public func labelled(_ label: String, _ value: String) -> String {
        capitalized(label) + (language == .fr ? "\u{00A0}: " : ": ") + value
    }

    /// « oui » or "yes".
    public func yes(_ value: Bool) -> String {
        switch (value, language) {
        case (true, .fr): "oui"
        case (false, .fr): "non"
        case (true, .en): "yes"
        case (false, .en): "no"
        }
    }

    /// A label of the reports, by key.
    public func label(_ key: Label) -> String {
        language == .fr ? key.words.fr : key.words.en
    }

    /// The reports' fixed words.
    public enum Label: CaseIterable, Sendable {
        case statusTitle, members, certified, engaged, suspended, expired, lapsed, withdrawn, noCertification
        case byScheme, byRegion, byType, scheme, region, type, certifiedShare
        case scope, statesByRegion, certificationsByYear, year, newlyCertified, renewed, joinedGroup
        case dueBy, overdue, suspendedCertificates, expiringBy, member, departement, subject, deadline, lateSince
        case suspendedSince, lastValidDay, nothing, finding
        case certificationsTitle, certifiedOn, engagedInApproach, listNote, total
        case findingsTitle, open, grade, age, byGrade, byAge, byMember, findings, audit, requirement, state
        case auditedOn, escalated, totalOpen
        case auditsTitle, to, audits, conducted, byKind, byMonth, day, kind, auditors, location, month
        case generatedBy, shareNote, htmlReport, demoDatabase
        case inTime, findingsByRegion, listedByRegion, auditsByMonth, certificationsByKindAndYear

        var words: (fr: String, en: String) {
            switch self {
            case .statusTitle: ("État de la certification du réseau au", "Network certification status as of")
            case .members: ("adhérents", "members")
            case .certified: ("certifiés", "certified")
            case .engaged: ("engagés", "engaged")
            case .suspended: ("suspendus", "suspended")
            case .expired: ("expirés", "expired")
            case .lapsed: ("échus", "lapsed")
            case .withdrawn: ("retirés", "withdrawn")
            case .noCertification: ("sans démarche", "not engaged")
            case .byScheme: ("Par référentiel", "By scheme")
            case .byRegion: ("Par région", "By region")
            case .byType: ("Par type d'entreprise", "By company type")
            case .scheme: ("référentiel", "scheme")
            case .region: ("région", "region")
            case .type: ("type", "type")
            case .certifiedShare: ("des adhérents certifiés", "of members certified")
            case .scope: ("Périmètre", "Scope")
            case .statesByRegion: ("États par région", "States by region")
            case .certificationsByYear: ("Certifications par année", "Certifications by year")
            case .year: ("année", "year")
            case .newlyCertified: ("nouvellement certifiés", "newly certified")
            case .renewed: ("renouvelés", "renewed")
            case .joinedGroup: ("entrés dans une certification de groupe", "joined a group certificate")
            case .dueBy: ("À échéance d'ici le", "Due by")
            case .overdue: ("En retard", "Overdue")
            case .suspendedCertificates: ("Certificats suspendus", "Suspended certificates")
            case .expiringBy: ("Certificats arrivant à expiration d'ici le", "Certificates expiring by")
            case .member: ("adhérent", "member")
            case .departement: ("dépt", "dept")
            case .subject: ("objet", "what")
            case .deadline: ("échéance", "deadline")
            case .lateSince: ("en retard depuis le", "late since")
            case .suspendedSince: ("suspendu depuis le", "suspended since")
            case .lastValidDay: ("dernier jour de validité", "last valid day")
            case .nothing: ("Aucun.", "None.")
            case .finding: ("écart", "finding")
            case .certificationsTitle: ("Les entreprises renouvelées ou certifiées en", "Members renewed or certified in")
            case .certifiedOn: ("certifiés au", "certified on")
            case .total: ("total", "total")
            case .engagedInApproach: ("engagés dans la démarche", "engaged in the approach")
            case .listNote: (
                "Chaque ligne : nom (département) - type ; les entreprises d'un GES listé la même année suivent leur GES, sans département.",
                "Each line: name (département) - type; the companies of a GES listed the same year follow their GES, without département.")
            case .findingsTitle: ("Écarts ouverts au", "Open findings as of")
            case .open: ("ouverts", "open")
            case .grade: ("gravité", "grade")
            case .age: ("ancienneté de l'audit", "age of the audit")
            case .byGrade: ("Par gravité", "By grade")
            case .byAge: ("Par ancienneté de l'audit", "By age of the audit")
            case .byMember: ("Par adhérent", "By member")
            case .findings: ("Écarts", "Findings")
            case .audit: ("audit", "audit")
            case .requirement: ("exigence", "requirement")
            case .state: ("état", "state")
            case .auditedOn: ("audit du", "audited on")
            case .escalated: ("escaladé", "escalated")
            case .totalOpen: ("écarts ouverts", "open findings")
            case .auditsTitle: ("Programme des audits du", "Audit programme from")
            case .to: ("au", "to")
            case .audits: ("audits", "audits")
            case .conducted: ("réalisés", "conducted")
            case .byKind: ("Par type d'audit", "By kind of audit")
            case .byMonth: ("Par mois", "By month")
            case .day: ("date", "date")
            case .kind: ("type d'audit", "kind")
            case .auditors: ("auditeurs", "auditors")
            case .location: ("lieu", "location")
            case .month: ("mois", "month")
            case .generatedBy: ("Produit par cedre à partir du journal des faits.", "Produced by cedre from the event log.")
            case .inTime: ("dans les délais", "in time")
            case .findingsByRegion: ("Écarts ouverts par région", "Open findings by region")
            case .listedByRegion: ("Entreprises de la liste par région", "Listed members by region")
            case .auditsByMonth: ("Audits par mois", "Audits per month")
            case .certificationsByKindAndYear: ("Certifications par année et par catégorie", "Certifications per year, by category")
            case .htmlReport: ("rapport HTML", "HTML report")
            case .demoDatabase: ("base de démonstration", "demo database")
            case .shareNote: (
                "La part est calculée : certifiés ÷ adhérents comptés ce jour-là.",
                "The share is computed: certified ÷ members counted that day.")
            }
        }
    }
}
