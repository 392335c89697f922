import CedreCore
import Foundation

/// The languages reports speak: French by default, English on request.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fr, en
}

/// Words, numbers and dates as officers write them, in each language.
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

    /// « 31 décembre 2013 » or "31 December 2013".
    public func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        switch language {
        case .fr: return "\(dayOfMonth == 1 ? "1er" : String(dayOfMonth)) \(Vocabulary.frenchMonths[month - 1]) \(year)"
        case .en: return "\(dayOfMonth) \(Vocabulary.englishMonths[month - 1]) \(year)"
        }
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

    /// A label of the reports, by key.
    public func label(_ key: Label) -> String {
        language == .fr ? key.french : key.english
    }

    /// The reports' fixed words.
    public enum Label: CaseIterable, Sendable {
        case statusTitle, members, certified, engaged, suspended, expired, lapsed, withdrawn, noCertification
        case byScheme, byRegion, byType, scheme, region, type, certifiedShare

        var french: String {
            switch self {
            case .statusTitle: "État de la certification du réseau au"
            case .members: "adhérents"
            case .certified: "certifiés"
            case .engaged: "engagés"
            case .suspended: "suspendus"
            case .expired: "expirés"
            case .lapsed: "échus"
            case .withdrawn: "retirés"
            case .noCertification: "sans démarche"
            case .byScheme: "Par référentiel"
            case .byRegion: "Par région"
            case .byType: "Par type d'entreprise"
            case .scheme: "référentiel"
            case .region: "région"
            case .type: "type"
            case .certifiedShare: "part des adhérents certifiés"
            }
        }

        var english: String {
            switch self {
            case .statusTitle: "Network certification status as of"
            case .members: "members"
            case .certified: "certified"
            case .engaged: "engaged"
            case .suspended: "suspended"
            case .expired: "expired"
            case .lapsed: "lapsed"
            case .withdrawn: "withdrawn"
            case .noCertification: "not engaged"
            case .byScheme: "By scheme"
            case .byRegion: "By region"
            case .byType: "By company type"
            case .scheme: "scheme"
            case .region: "region"
            case .type: "type"
            case .certifiedShare: "share of members certified"
            }
        }
    }
}
