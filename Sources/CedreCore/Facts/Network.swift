import Foundation

/// A member as the network knows it: its profile and its time in the federation.
public struct MemberRecord: Equatable, Sendable {
    public var member: Member
    /// The day it joined the federation; nil when unknown, and then counted as always a member.
    public var joinedOn: Day?
    public var leftOn: Day?

    public init(member: Member, joinedOn: Day?, leftOn: Day? = nil) {
        self.member = member
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// Whether the member belongs to the federation on `day`.
    public func isMember(on day: Day) -> Bool {
        day >= (joinedOn ?? day) && leftOn.map { day <= $0 } ?? true
    }
}

/// The federation as the facts describe it: members and their dossiers.
///
/// Replaying facts through a network, in day order, is how the store checks a new fact, how
/// `rebuild` recomputes projections and how `--as-of` sees the past. Members are added
/// before any other fact is replayed: the day a member joined the federation is often
/// unknown, and never limits what can be recorded about its certifications.
public struct Network: Sendable {
    public let catalog: SchemeCatalog
    public private(set) var members: [MemberID: MemberRecord] = [:]
    public private(set) var dossiers: [CertificationKey: Dossier] = [:]

    public init(catalog: SchemeCatalog) {
        self.catalog = catalog
    }

    /// Seeds the network with members known from elsewhere (a partial replay).
    public mutating func insert(_ record: MemberRecord) {
        members[record.member.id] = record
    }

    /// Applies one fact on `day`; a refused fact leaves the network unchanged.
    public mutating func apply(_ fact: Fact, on day: Day) throws(TransitionError) {
        switch fact {
        case .memberAdded(let member, let joined):
            guard members[member.id] == nil else { throw .duplicateMember(member.id) }
            members[member.id] = MemberRecord(member: member, joinedOn: joined)
        case .memberLeft(let id):
            try requireMember(id, on: day)
            members[id]?.leftOn = day
        default:
            guard let key = fact.key else { return }
            try requireMember(key.member, on: day)
            guard let scheme = catalog[key.scheme] else { throw .unknownScheme(key.scheme) }
            var dossier = dossiers[key] ?? Dossier(key: key, scheme: scheme)
            try dossier.apply(fact, on: day)
            dossiers[key] = dossier
        }
    }

    /// Whether `member`'s group, if it names one, is a GES of the network.
    public func groupIsKnown(of member: Member) -> Bool {
        guard let group = member.group else { return true }
        return group != member.id && members[group]?.member.types.contains(.ges) == true
    }

    private func requireMember(_ id: MemberID, on day: Day) throws(TransitionError) {
        guard let record = members[id] else { throw .unknownMember(id, on: day) }
        if let leftOn = record.leftOn, day > leftOn { throw .memberHasLeft(id, leftOn: leftOn, on: day) }
    }
}
