import CedreCore
import Foundation

/// Who a report line is about, with what a reader needs to place it: name, region,
/// département and type.
public struct MemberReference: Encodable, Equatable, Sendable {
    /// The member's id.
    public let id: MemberID
    /// The name as the federation writes it.
    public let name: String
    /// The federation region (`P.A.C.A.`).
    public let region: String
    /// The département code (`49`, `2A`).
    public let departement: String
    /// The types as files write them: `AI`, `AI+ACI`.
    public let type: String

    /// The reference of `member`.
    public init(_ member: Member) {
        id = member.id
        name = member.name
        region = member.region
        departement = member.departement
        type = member.typeCode
    }

    /// Report order: by name as French readers sort, then by id so the order is total.
    public static func precedes(_ first: MemberReference, _ second: MemberReference) -> Bool {
        switch Collation.compare(first.name, second.name) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: first.id < second.id
        }
    }
}
