import Foundation

/// Everything a cross-audit campaign is planned from (rules 13 and 15–20): who is audited and by
/// when, who may audit, the links and history that bear on impartiality, and which policies hold.
///
/// The problem is a value the planner reads and never changes, so a plan can be replayed from the
/// same problem and seed, and a test can build one without a store.
public struct CrossAuditProblem: Sendable {
    /// A member company: one to cross-audit this campaign, or one that only lends its auditors.
    public struct Member: Hashable, Sendable {
        public var id: MemberID
        /// Where travel to and from it is measured (its département's chef-lieu).
        public var departement: String
        /// The GES it belongs to; a GES itself has none and is matched through its own id.
        public var group: MemberID?
        /// Rule 13: the day of its external audit this year; its cross-audit must come strictly before.
        /// Nil means no external audit this year: the cross-audit may be on any working day of the year.
        public var externalAuditOn: Day?
        /// Whether it is cross-audited in this campaign (false for a company that only supplies auditors).
        public var needsCrossAudit: Bool

        public init(
            id: MemberID, departement: String, group: MemberID? = nil, externalAuditOn: Day? = nil,
            needsCrossAudit: Bool = true
        ) {
            self.id = id
            self.departement = departement
            self.group = group
            self.externalAuditOn = externalAuditOn
            self.needsCrossAudit = needsCrossAudit
        }
    }

    /// A trained cross-auditor, employed by a member company.
    public struct Auditor: Hashable, Sendable {
        public var id: AuditorID
        public var name: String
        /// The company the auditor works for: rule 15 and travel start from it.
        public var member: MemberID
        /// The schemes the auditor is trained for; others' campaigns do not consider them.
        public var schemes: Set<SchemeID>
        /// Rule 16: the day of the cross-auditor training.
        public var trainedOn: Day
        /// Rule 16: the qualification is valid this many months after the training day.
        public var validityMonths: Int

        public init(
            id: AuditorID, name: String, member: MemberID, schemes: Set<SchemeID>, trainedOn: Day, validityMonths: Int
        ) {
            self.id = id
            self.name = name
            self.member = member
            self.schemes = schemes
            self.trainedOn = trainedOn
            self.validityMonths = validityMonths
        }

        /// The last day the qualification is valid.
        public var qualifiedUntil: Day { trainedOn.adding(months: validityMonths) }
    }

    /// Two members, in no particular order (a declared client or supplier link goes both ways).
    public struct MemberPair: Hashable, Sendable {
        public let first: MemberID
        public let second: MemberID

        /// The pair of `one` and `other`, stored in sorted order so that (a, b) equals (b, a).
        public init(_ one: MemberID, _ other: MemberID) {
            first = min(one, other)
            second = max(one, other)
        }
    }

    /// Rule 17: who audited whom in the previous campaign.
    public struct PreviousAudit: Hashable, Sendable {
        public var audited: MemberID
        public var auditing: MemberID

        public init(audited: MemberID, auditing: MemberID) {
            self.audited = audited
            self.auditing = auditing
        }
    }

    /// An audit the plan keeps as it is (a manual swap a re-plan keeps): its member is not planned
    /// again, its auditor's day and load are taken, and rule 18 sees its pair.
    public struct FixedAudit: Hashable, Sendable {
        public var member: MemberID
        public var auditor: AuditorID
        /// The auditor's company.
        public var auditorMember: MemberID
        public var day: Day

        public init(member: MemberID, auditor: AuditorID, auditorMember: MemberID, day: Day) {
            self.member = member
            self.auditor = auditor
            self.auditorMember = auditorMember
            self.day = day
        }
    }

    public let scheme: SchemeID
    /// The calendar year of the campaign: every cross-audit falls on a working day of it.
    public let year: Int
    /// The members, audited or only auditing, in the order plans list them.
    public let members: [Member]
    public let auditors: [Auditor]
    /// Rule 15: members with a declared client or supplier link.
    public let declaredLinks: Set<MemberPair>
    /// Rule 17: the previous campaign's pairs.
    public let previousCampaign: Set<PreviousAudit>
    /// The hard policies in force; a policy left out is switched off for this campaign.
    public private(set) var policies: Set<ImpartialityPolicy>
    /// Rule 19: the most audits one auditor does in the campaign, when `capacity` is in force.
    public private(set) var capacity: Int
    /// Where each département's chef-lieu is, for travel distances.
    public let departements: DepartementDirectory
    /// Rule 20: the public holidays no cross-audit falls on, with `workingDay` in force.
    public let holidays: HolidayCalendar
    /// Audits kept as they are; the planner plans the other members around them.
    public private(set) var fixed: [FixedAudit]

    /// A problem whose members, auditors and départements are consistent, or the first
    /// inconsistency found.
    public init(
        scheme: SchemeID, year: Int, members: [Member], auditors: [Auditor], declaredLinks: Set<MemberPair> = [],
        previousCampaign: Set<PreviousAudit> = [], policies: Set<ImpartialityPolicy> = Set(ImpartialityPolicy.allCases),
        capacity: Int = 2, departements: DepartementDirectory, holidays: HolidayCalendar = .france, fixed: [FixedAudit] = []
    ) throws(CrossAuditProblemError) {
        var known = Set<MemberID>()
        for member in members {
            guard known.insert(member.id).inserted else { throw .duplicateMember(member.id) }
            guard departements[member.departement] != nil else {
                throw .unknownDepartement(member.departement, member: member.id)
            }
        }
        var auditorIDs = Set<AuditorID>()
        for auditor in auditors {
            guard auditorIDs.insert(auditor.id).inserted else { throw .duplicateAuditor(auditor.id) }
            guard known.contains(auditor.member) else { throw .unknownAuditorCompany(auditor.id, member: auditor.member) }
        }
        guard capacity >= 1 else { throw .capacityBelowOne(capacity) }
        self.scheme = scheme
        self.year = year
        self.members = members
        self.auditors = auditors
        self.declaredLinks = declaredLinks
        self.previousCampaign = previousCampaign
        self.policies = policies
        self.capacity = capacity
        self.departements = departements
        self.holidays = holidays
        self.fixed = fixed
    }

    /// The same campaign with other policies in force or another capacity: what a relaxation
    /// proposes, or what `--policy NAME=VALUE` asks for.
    public func with(policies: Set<ImpartialityPolicy>, capacity: Int? = nil) -> CrossAuditProblem {
        var copy = self
        copy.policies = policies
        copy.capacity = max(1, capacity ?? self.capacity)
        return copy
    }

    /// The same campaign planned around these audits, kept as they are.
    public func with(fixed audits: [FixedAudit]) -> CrossAuditProblem {
        var copy = self
        copy.fixed = audits
        return copy
    }
}
