import CedreCore
import Testing

/// A network's standing keeps its dossiers sorted by member and finds a member's without a
/// dictionary: by one pass beside the members, or by a binary search.
@Suite struct NetworkStandingTests {
    private static let day = Day("2013-12-31")

    private static func record(_ id: String) -> MemberRecord {
        MemberRecord(
            member: Member(id: MemberID(rawValue: id), name: id, types: [.ai], departement: "49", region: "Pays de la Loire"),
            joinedOn: nil)
    }

    private static func dossier(_ member: String, _ scheme: String) -> NetworkStanding.DossierStanding {
        NetworkStanding.DossierStanding(
            key: CertificationKey(member: MemberID(rawValue: member), scheme: SchemeID(rawValue: scheme)), standing: .certified,
            suspendedOn: nil, suspensionReason: nil, notices: [])
    }

    /// Members given out of order; dossiers out of order, two of a member the log does not know
    /// ("a", "c") and none for "e".
    private static let standing = NetworkStanding(
        day: day, schemes: [],
        members: ["e", "d", "b"].map(record),
        dossiers: [dossier("d", "cedre"), dossier("b", "iso-9001"), dossier("c", "cedre"), dossier("b", "cedre"), dossier("a", "cedre")],
        milestones: [])

    @Test func eachMemberComesInIdOrderWithItsOwnDossiersByScheme() {
        var seen: [String] = []
        Self.standing.forEachMember { record, dossiers in
            seen.append("\(record.member.id): " + dossiers.map(\.key.description).joined(separator: ", "))
        }
        #expect(seen == ["b: b/cedre, b/iso-9001", "d: d/cedre", "e: "])
    }

    @Test func aMembersDossiersAreFoundWhetherTheLogKnowsItOrNot() {
        #expect(Self.standing.dossiers(of: MemberID(rawValue: "b")).map(\.key.scheme) == [SchemeID(rawValue: "cedre"), SchemeID(rawValue: "iso-9001")])
        #expect(Self.standing.dossiers(of: MemberID(rawValue: "c")).map(\.key.description) == ["c/cedre"])
        #expect(Self.standing.dossiers(of: MemberID(rawValue: "a")).map(\.key.description) == ["a/cedre"])
        #expect(Self.standing.dossiers(of: MemberID(rawValue: "bb")).isEmpty)
        #expect(Self.standing.dossiers(of: MemberID(rawValue: "z")).isEmpty)
        #expect(Self.standing.allDossiers.map(\.key.description) == ["a/cedre", "b/cedre", "b/iso-9001", "c/cedre", "d/cedre"])
    }

    @Test func aMemberIsFoundByItsIdAndAnUnknownOneIsNot() {
        #expect(Self.standing.record(of: MemberID(rawValue: "d"))?.member.name == "d")
        #expect(Self.standing.record(of: MemberID(rawValue: "b"))?.member.name == "b")
        #expect(Self.standing.record(of: MemberID(rawValue: "e"))?.member.name == "e")
        #expect(Self.standing.record(of: MemberID(rawValue: "a")) == nil)
        #expect(Self.standing.record(of: MemberID(rawValue: "c")) == nil)
        #expect(Self.standing.record(of: MemberID(rawValue: "f")) == nil)
    }
}
