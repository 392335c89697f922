import Foundation

/// A change to a member's profile from a day on: a new name, type, département, region or
/// GES. Fields left nil are unchanged, so the monthly file amends only what differs.
public struct MemberAmendment: Equatable, Sendable {
    /// A member's GES, joined or left.
    public enum GroupChange: Equatable, Sendable {
        case joined(MemberID)
        case left
    }

    public var name: String?
    public var types: [CompanyType]?
    public var departement: String?
    public var region: String?
    public var group: GroupChange?

    public init(
        name: String? = nil, types: [CompanyType]? = nil, departement: String? = nil, region: String? = nil,
        group: GroupChange? = nil
    ) {
        self.name = name
        self.types = types
        self.departement = departement
        self.region = region
        self.group = group
    }

    /// The fields of `new` that differ from `old`; nil when nothing does.
    public init?(from old: Member, to new: Member) {
        self.init()
        if new.name != old.name { name = new.name }
        if new.types != old.types { types = new.types }
        if new.departement != old.departement { departement = new.departement }
        if new.region != old.region { region = new.region }
        if new.group != old.group { group = new.group.map(GroupChange.joined) ?? .left }
        if self == MemberAmendment() { return nil }
    }

    /// `member` with the amendment applied.
    public func applied(to member: Member) -> Member {
        var amended = member
        if let name { amended.name = name }
        if let types { amended.types = types }
        if let departement { amended.departement = departement }
        if let region { amended.region = region }
        switch group {
        case .joined(let id): amended.group = id
        case .left: amended.group = nil
        case nil: break
        }
        return amended
    }

    /// The names of the fields it changes, in the order files write them.
    public var changedFields: [String] {
        var fields: [String] = []
        if name != nil { fields.append("name") }
        if types != nil { fields.append("type") }
        if departement != nil { fields.append("departement") }
        if region != nil { fields.append("region") }
        if group != nil { fields.append("group") }
        return fields
    }
}
