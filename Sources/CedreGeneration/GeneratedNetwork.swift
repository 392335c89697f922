import CedreCore
import Foundation

/// A synthetic federation: members, the facts of their certifications, and the cross-auditors
/// and declared links the planner works with.
///
/// Made by `NetworkGenerator` for tests and benchmarks; every fact replays legally through
/// `Network`, in day order, after the members are added.
public struct GeneratedNetwork: Sendable {
    /// A trained cross-auditor: a person of a member company (rule 16's training date).
    ///
    /// Plain values for now: auditors are not facts of the log yet.
    public struct Auditor: Equatable, Sendable {
        public let id: AuditorID
        public let member: MemberID
        public let name: String
        public let trainedOn: Day

        public init(id: AuditorID, member: MemberID, name: String, trainedOn: Day) {
            self.id = id
            self.member = member
            self.name = name
            self.trainedOn = trainedOn
        }
    }

    /// A declared client/supplier link between two members (rule 15): neither audits the other.
    public struct Link: Equatable, Sendable {
        public let member: MemberID
        public let partner: MemberID

        public init(member: MemberID, partner: MemberID) {
            self.member = member
            self.partner = partner
        }
    }

    /// Every member, GES before the companies that name them, with the day it joined.
    public let members: [(member: Member, joined: Day?)]
    /// Every certification fact (and `member.left`), in day order then in the order they happened.
    public let facts: [DatedFact]
    public let auditors: [Auditor]
    public let links: [Link]
    /// The years the facts cover.
    public let years: ClosedRange<Int>

    public init(
        members: [(member: Member, joined: Day?)], facts: [DatedFact], auditors: [Auditor], links: [Link],
        years: ClosedRange<Int>
    ) {
        self.members = members
        self.facts = facts
        self.auditors = auditors
        self.links = links
        self.years = years
    }

    /// The last day a fact may fall on: 31 December of the last year; import with this `--as-of` or later.
    public var lastDay: Day { Day.lastDay(ofYear: years.upperBound) }
}
