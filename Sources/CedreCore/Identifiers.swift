import Foundation

/// A string-backed identifier whose type says what it names, so an audit id cannot be
/// passed where a member id is expected.
public protocol Identifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String
{
    init(rawValue: String)
}

extension Identifier {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A member company or federation body, as the federation names it (`solipass`).
public struct MemberID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A certification scheme (`cedre`, `cedre-iso`).
public struct SchemeID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// An audit, numbered by the year of its scheduled day (`A-2013-0001`).
public struct AuditID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A finding, numbered by the year it was raised (`F-2013-0001`).
public struct FindingID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A trained cross-auditor.
public struct AuditorID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A requirement of the referential (`4.2`, `CEDRE 3.1`).
public struct RequirementID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// One member under one scheme: the unit a certification, its audits and findings belong to.
public struct CertificationKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var member: MemberID
    public var scheme: SchemeID

    public init(member: MemberID, scheme: SchemeID) {
        self.member = member
        self.scheme = scheme
    }

    public var description: String { "\(member)/\(scheme)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.member, lhs.scheme) < (rhs.member, rhs.scheme)
    }
}

/// A grade of the scheme's grading scale (`major`, `minor`, `observation`, or `NCmaj`…).
public struct GradeID: Identifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
