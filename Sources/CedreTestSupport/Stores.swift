import CedreCore
import CedreStore
import Foundation

extension RecordingContext {
    /// A context recording as `tests` on `today`, at a fixed moment.
    public static func tests(today: Day = "2026-01-01") -> RecordingContext {
        RecordingContext(actor: "tests", today: today, now: Date(timeIntervalSince1970: 1_700_000_000))
    }
}

extension Member {
    /// A member of type `type` in `departement`, its region derived from the département table.
    public static func sample(_ id: MemberID, type: CompanyType = .ai, departement: String = "49", group: MemberID? = nil) -> Member {
        Member(id: id, name: id.rawValue.uppercased(), types: [type], departement: departement,
               region: "Pays de la Loire", group: group)
    }
}

extension CedreStore {
    /// Records facts one command at a time, as officers would, each on its own day.
    public func record(_ facts: [(Fact, Day)], context: RecordingContext = .tests()) throws {
        for (fact, day) in facts {
            try record([DatedFact(fact, on: day)], context: context)
        }
    }
}
