import CedreCore
import Foundation

/// A recorded campaign as `campaign show` and `campaign export` write it: every cross-audit
/// with its auditor, day and travel, the members left out, the overrides, and the policies
/// every swap is checked against.
public struct CampaignSheet: Encodable, Equatable, Sendable {
    public struct Line: Encodable, Equatable, Sendable {
        public let member: MemberID
        public let auditor: AuditorID
        public let auditorName: String
        public let auditorMember: MemberID
        public let day: Day
        public let distanceKm: Double
        /// The reason given when this assignment was kept although it breaks a policy.
        public let override: String?
    }

    public let scheme: SchemeID
    public let year: Int
    public let state: Campaign.State
    public let seed: UInt64?
    /// The policies of the plan (the scheme's defaults for a plan recorded without them).
    public let policies: CampaignPolicies?
    public let assignments: [Line]
    public let unassigned: [MemberID]
    public let totalDistanceKm: Double

    public init(campaign: Campaign, network: Network, departements: DepartementDirectory) {
        scheme = campaign.scheme
        year = campaign.year
        state = campaign.state
        seed = campaign.seed
        policies = network.catalog[campaign.scheme].map(campaign.policies(under:))
        assignments = campaign.assignments.map { assignment in
            let auditor = network.auditors[assignment.auditor]
            let company = auditor?.member ?? ""
            let distance = network.members[assignment.member].flatMap { audited in
                network.members[company].flatMap {
                    departements.distanceKilometres(from: audited.member.departement, to: $0.member.departement)
                }
            } ?? 0
            return Line(
                member: assignment.member, auditor: assignment.auditor, auditorName: auditor?.name ?? "",
                auditorMember: company, day: assignment.day, distanceKm: (distance * 1000).rounded() / 1000,
                override: campaign.overrides.last { $0.assignment == assignment }?.override)
        }
        unassigned = campaign.unassigned
        totalDistanceKm = (assignments.map(\.distanceKm).reduce(0, +) * 1000).rounded() / 1000
    }

    /// The cross-audits of one auditor only.
    public func only(auditor: AuditorID) -> [Line] {
        assignments.filter { $0.auditor == auditor }
    }

    /// One row per cross-audit, with headers in the vocabulary's language.
    public func table(_ lines: [Line], _ words: Vocabulary) -> Table {
        Table(
            columns: words.columns([.day, .member, .auditor, .auditorsMember, .distance, .override]),
            alignments: [.left, .left, .left, .left, .right, .left],
            rows: lines.sorted { ($0.day, $0.member) < ($1.day, $1.member) }.map {
                [words.day($0.day), $0.member.rawValue, "\($0.auditorName) (\($0.auditor))", $0.auditorMember.rawValue,
                 words.decimal($0.distanceKm), $0.override ?? ""]
            })
    }

    /// What `campaign show` prints, fitted to `style`: state, counts, policies, the cross-audits
    /// and the members left out.
    public func text(_ language: ReportLanguage, style: TerminalStyle = .plain) -> String {
        let words = Vocabulary(language)
        let crossAudits = words.counted(assignments.count, ("audit croisé", "audits croisés"), ("cross-audit", "cross-audits"))
        let stateWords = words.campaignState(state)
        var text = style.wrap(words.say(
            "\(scheme) \(year) : \(stateWords), \(crossAudits), \(words.kilometres(totalDistanceKm))",
            "\(scheme) \(year): \(stateWords), \(crossAudits), \(words.kilometres(totalDistanceKm))")) + "\n"
        if let policies { text += style.wrap(words.say("règles : ", "policies: ") + words.policies(policies)) + "\n" }
        text += "\n" + table(assignments, words).text(style: style)
        if !unassigned.isEmpty {
            text += "\n" + style.wrap(words.say("laissés de côté : ", "left out: ") + unassigned.map(\.rawValue).joined(separator: ", ")) + "\n"
        }
        return text
    }

    /// The cross-audits as a calendar: one event per member, with a UID that stays the same
    /// when the assignment is swapped, so a re-imported calendar updates rather than doubles.
    public func calendar(
        _ lines: [Line], stamp: Day, departements: DepartementDirectory, network: Network, language: ReportLanguage
    ) -> ICalendar {
        let words = Vocabulary(language)
        return ICalendar(
            name: words.say("Audits croisés \(scheme) \(year)", "Cross-audits \(scheme) \(year)"), stamp: stamp,
            events: lines.sorted { ($0.day, $0.member) < ($1.day, $1.member) }.map { line in
                let audited = network.members[line.member]
                return ICalendar.Event(
                    uid: "cross-audit-\(scheme)-\(year)-\(line.member)@cedre", day: line.day,
                    summary: words.labelled(words.say("audit croisé", "cross-audit"), audited?.member.name ?? line.member.rawValue),
                    description: words.labelled(words.column(.auditor), "\(line.auditorName) (\(line.auditorMember))") + "\n"
                        + words.labelled(words.column(.scheme), scheme.rawValue),
                    location: audited.flatMap { departements[$0.member.departement]?.chefLieu } ?? "",
                    status: state == .planned ? "TENTATIVE" : "CONFIRMED")
            })
    }
}
