import CedreCore
import CedreTestSupport
import Foundation

/// A network of a few members built fact by fact, for the rules the 2013 fixture never
/// reaches (suspensions, expiries, overdue findings, members that left).
struct SmallNetwork {
    private(set) var network = Network(catalog: .bundled)
    private var audits = 0

    /// Adds `member` to the federation.
    mutating func add(_ member: Member, joined: Day? = nil) throws {
        try network.apply(.memberAdded(member, joined: joined), on: joined ?? "2000-01-01")
    }

    /// Applies facts in order, each on its day.
    mutating func apply(_ facts: [(Fact, Day)]) throws {
        for (fact, day) in facts {
            try network.apply(fact, on: day)
        }
    }

    /// The facts of a first CEDRE certificate decided on `decision`: engaged four months
    /// before, initial audit a month before.
    mutating func certification(of member: MemberID, decidedOn decision: Day) -> [(Fact, Day)] {
        let key = CertificationKey.cedre(member)
        let audit = nextAudit(decision.year)
        let auditDay = decision.adding(days: -30)
        return [
            (.certificationEngaged(key), decision.adding(months: -4)),
            (.auditPlanned(key, audit, kind: .initial, scheduledOn: auditDay, auditors: ["Auditrice A"]), decision.adding(months: -3)),
            (.auditConducted(key, audit), auditDay),
            (.certificationDecided(key), decision),
        ]
    }

    /// A held audit of `kind` on `day`.
    mutating func audit(_ key: CertificationKey, _ kind: Audit.Kind, on day: Day) -> [(Fact, Day)] {
        let audit = nextAudit(day.year)
        return [
            (.auditPlanned(key, audit, kind: kind, scheduledOn: day, auditors: []), day.adding(days: -20)),
            (.auditConducted(key, audit), day),
        ]
    }

    /// The id the next audit gets: `A-YYYY-NNNN`.
    mutating func nextAudit(_ year: Int) -> AuditID {
        audits += 1
        return AuditID(rawValue: "A-\(year)-" + audits.zeroPadded(to: 4))
    }
}
