import Foundation

/// A set of impartiality policies as bits: the planner asks "is this policy on?" millions of
/// times, and a `Set` of string-backed cases hashes a string each time.
struct PolicyMask: Equatable, Sendable {
    private(set) var bits: UInt8

    init(_ policies: Set<ImpartialityPolicy>) {
        bits = policies.reduce(0) { $0 | Self.bit($1) }
    }

    func contains(_ policy: ImpartialityPolicy) -> Bool { bits & Self.bit(policy) != 0 }

    /// The same set without `policy`.
    func removing(_ policy: ImpartialityPolicy) -> PolicyMask {
        var copy = self
        copy.bits &= ~Self.bit(policy)
        return copy
    }

    private static func bit(_ policy: ImpartialityPolicy) -> UInt8 {
        switch policy {
        case .ownCompany: 1
        case .sameGroup: 2
        case .declaredLink: 4
        case .qualification: 8
        case .rotation: 16
        case .reciprocal: 32
        case .capacity: 64
        case .workingDay: 128
        }
    }
}
