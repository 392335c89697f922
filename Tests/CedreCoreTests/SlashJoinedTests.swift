import Testing

@testable import CedreCore

/// `String(slashJoining:)`, which writes every certification stream's text and every notice's
/// subject: what an interpolation of the parts with slashes gives, the nil parts left out.
struct SlashJoinedTests {
    @Test func thePartsArePartedBySlashesAndTheNilOnesLeftOut() {
        #expect(String(slashJoining: "certification", "solipass", "cedre") == "certification/solipass/cedre")
        #expect(String(slashJoining: "certification", "solipass", "cedre", nil, "surveillanceAudit")
            == "certification/solipass/cedre/surveillanceAudit")
        #expect(String(slashJoining: nil, "a", nil) == "a")
        #expect(String(slashJoining: nil, nil) == "")
    }

    @Test func anEmptyPartKeepsItsSlashes() {
        #expect(String(slashJoining: "", "b") == "/b")
        #expect(String(slashJoining: "a", "", "c") == "a//c")
        #expect(String(slashJoining: "a", "") == "a/")
    }

    @Test func textsBeyondASCIIAreCopiedWhole() {
        #expect(String(slashJoining: "certification", "société-été", "cedre", "F-2013-0002")
            == "certification/société-été/cedre/F-2013-0002")
    }

    @Test func aNoticesSubjectExtendsItsStreamsText() {
        let key = CertificationKey(member: MemberID(rawValue: "solipass"), scheme: SchemeID(rawValue: "cedre"))
        #expect(LogStream.certification(key).description == "certification/solipass/cedre")
        #expect(Notice.subject(of: key) == "certification/solipass/cedre")
        #expect(Notice.subject(of: key, "F-2013-0002") == "certification/solipass/cedre/F-2013-0002")
        #expect(Notice.subject(of: key, nil, "certificateExpiry") == "certification/solipass/cedre/certificateExpiry")
        #expect(Notice.subject(of: key, "F-2013-0002", "findingDeadline")
            == "certification/solipass/cedre/F-2013-0002/findingDeadline")
    }
}
