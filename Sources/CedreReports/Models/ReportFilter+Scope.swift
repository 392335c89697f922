import CedreCore
import Foundation

extension ReportFilter {
    /// « Périmètre : région Pays de la Loire · référentiel CEDRE · type AI », or nil for the
    /// whole network: a restricted report says so before any number.
    func scope(schemeNames: [SchemeID: String], words: Vocabulary) -> String? {
        var parts: [String] = []
        if let region { parts.append("\(words.label(.region)) \(region)") }
        if let scheme { parts.append("\(words.label(.scheme)) \(schemeNames[scheme] ?? scheme.rawValue)") }
        if let types { parts.append("\(words.label(.type)) \(words.type(CompanyType.code(for: types)))") }
        guard !parts.isEmpty else { return nil }
        return "\(words.label(.scope))\(words.language == .fr ? "\u{00A0}:" : ":") " + parts.joined(separator: " · ")
    }
}
