import CedreCore
import CedreFixtures
import CedreGeneration
import CedreStore
import CedreTestSupport
import Foundation
import Testing

/// DESIGN §5, "Reads answer from stored state": what the store answers from the calendars it
/// keeps is exactly what a full replay answers, for any day, after late facts and corrections.
@Suite struct StoredStateTests {
    /// A generated network of `members` over 2012–2016, recorded as an import would.
    static func store(seed: UInt64, members: Int) throws -> (CedreStore, GeneratedNetwork) {
        let generated = NetworkGenerator(seed: seed, departements: CedreFixtures.departements)
            .generate(members: members, years: 2012...2016)
        let store = try CedreStore.inMemory()
        let context = RecordingContext.tests(today: generated.lastDay)
        let additions = generated.members.map { DatedFact(.memberAdded($0.member, joined: $0.joined), on: $0.joined ?? "2012-01-01") }
        try store.recordBatch(additions, context: context)
        try store.recordBatch(generated.facts, context: context)
        return (store, generated)
    }

    /// Runs `body` with a copy of `store` in a database file of a folder of its own, removed after.
    static func inFile(_ store: CedreStore, _ body: (CedreStore) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cedre-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(try store.copy(toFile: folder.appendingPathComponent("cedre.sqlite").path))
    }

    /// Every answer the store gives from stored state or a view, on each of `days`, is the
    /// answer of a replay of the whole log through that day.
    /// The stored answers on each of `days` are the full replay's; the one-member views are
    /// compared for one member in `memberStride` (a different share each day), all when 1.
    private func expectSameStanding(
        _ store: CedreStore, on days: [Day], memberStride: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for day in days {
            let stored = try store.standing(on: day)
            let full = try store.network(through: day)
            let expected = NetworkStanding(register: CertificationRegister(network: full, on: day))
            try expectSameStandingWithoutNotices(store, on: day, as: stored, sourceLocation: sourceLocation)
            try expectSameMembers(store, on: day, as: full, stride: memberStride, sourceLocation: sourceLocation)
            try expectSameGroups(store, on: day, as: full, sourceLocation: sourceLocation)
            try expectSameAudits(store, on: day, as: full, sourceLocation: sourceLocation)
            try expectSameOpenFindings(store, on: day, as: full, sourceLocation: sourceLocation)
            #expect(try store.networkOfAuditors(through: day).auditors == full.auditors, "auditors on \(day)", sourceLocation: sourceLocation)
            #expect(stored.members == expected.members, "members on \(day)", sourceLocation: sourceLocation)
            #expect(stored.milestones == expected.milestones, "milestones on \(day)", sourceLocation: sourceLocation)
            let (a, b) = (stored.allDossiers, expected.allDossiers)
            #expect(a.count == b.count, "dossiers on \(day)", sourceLocation: sourceLocation)
            for (left, right) in zip(a, b) where left != right {
                Issue.record("\(left.key) on \(day): stored \(left) but replayed \(right)", sourceLocation: sourceLocation)
                break
            }
            try expectSameTally(store, on: day, as: expected, sourceLocation: sourceLocation)
        }
    }

    /// The standing read without its notices is the standing with none.
    private func expectSameStandingWithoutNotices(
        _ store: CedreStore, on day: Day, as stored: NetworkStanding, sourceLocation: SourceLocation
    ) throws {
        let countsOnly = try store.standing(on: day, notices: false)
        #expect(countsOnly.members == stored.members && countsOnly.milestones == stored.milestones, sourceLocation: sourceLocation)
        #expect(
            countsOnly.allDossiers.map { "\($0.key) \($0.standing) \(String(describing: $0.suspendedOn)) \($0.notices.count)" }
                == stored.allDossiers.map { "\($0.key) \($0.standing) \(String(describing: $0.suspendedOn)) 0" },
            "the standing without notices on \(day)", sourceLocation: sourceLocation)
    }

    /// What a view of one member reads (its record, its dossiers and what their rules read) is
    /// what the full replay gives, for one member in `stride` (which ones depends on the day).
    private func expectSameMembers(
        _ store: CedreStore, on day: Day, as full: Network, stride: Int = 1, sourceLocation: SourceLocation
    ) throws {
        let register = CertificationRegister(network: full, on: day)
        let share = abs(Day.firstDay(ofYear: 2000).days(to: day)) % stride
        for (index, id) in full.members.keys.sorted().enumerated() where index % stride == share {
            let unit = try store.network(of: id, through: day)
            #expect(unit.members[id] == full.members[id], "\(id)'s record on \(day)", sourceLocation: sourceLocation)
            let statuses = CertificationRegister(network: unit, on: day).statuses(of: id)
            guard statuses == register.statuses(of: id) else {
                Issue.record("\(id) on \(day): \(statuses) but replayed \(register.statuses(of: id))", sourceLocation: sourceLocation)
                continue
            }
            for status in statuses {
                let key = CertificationKey(member: id, scheme: status.scheme)
                guard let dossier = unit.dossiers[key], let replayed = full.dossiers[key] else { continue }
                #expect(dossier == replayed, "\(key)'s dossier on \(day)", sourceLocation: sourceLocation)
                #expect(
                    unit.findingContext(for: dossier, on: day) == full.findingContext(for: replayed, on: day),
                    "\(key)'s finding context on \(day)", sourceLocation: sourceLocation)
            }
        }
    }

    /// What a view of one group certificate reads (its dossiers, its investigations, each
    /// site's standing) is what the full replay gives.
    private func expectSameGroups(_ store: CedreStore, on day: Day, as full: Network, sourceLocation: SourceLocation) throws {
        let register = CertificationRegister(network: full, on: day)
        for scheme in full.catalog.schemes where scheme.kind == .group {
            let unit = try store.network(ofGroup: scheme.id, through: day)
            let (group, replayed) = (unit.groupCertificate(scheme.id), full.groupCertificate(scheme.id))
            #expect(group?.dossiers == replayed?.dossiers, "\(scheme.id)'s dossiers on \(day)", sourceLocation: sourceLocation)
            #expect(
                group?.investigations(on: day) == replayed?.investigations(on: day), "\(scheme.id)'s investigations on \(day)",
                sourceLocation: sourceLocation)
            let statuses = CertificationRegister(network: unit, on: day)
            for site in replayed?.dossiers.map(\.key.member) ?? [] {
                #expect(
                    statuses.statuses(of: site).filter { $0.scheme == scheme.id } == register.statuses(of: site).filter { $0.scheme == scheme.id },
                    "\(site) under \(scheme.id) on \(day)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The programme's view of the audits of a season holds every dossier with an audit in it,
    /// as the full replay gives it, with its member; the audit list's, every dossier with an
    /// audit scheduled in it.
    private func expectSameAudits(_ store: CedreStore, on day: Day, as full: Network, sourceLocation: SourceLocation) throws {
        for (from, to): (Day, Day) in [(day.adding(days: -120), day), (day.adding(days: -400), day.adding(days: -200)), ("2010-01-01", "2030-12-31")] {
            let view = try store.network(ofAuditsFrom: from, to: to, through: day)
            for (key, dossier) in full.dossiers
            where dossier.audits.contains(where: { ($0.conductedOn ?? $0.scheduledOn) >= from && ($0.conductedOn ?? $0.scheduledOn) <= to }) {
                #expect(view.dossiers[key] == dossier, "\(key) in the programme \(from)–\(to) on \(day)", sourceLocation: sourceLocation)
                #expect(view.members[key.member] == full.members[key.member], "\(key.member) on \(day)", sourceLocation: sourceLocation)
            }
            let scheduled = try store.network(ofAuditsScheduledFrom: from, to: to, through: day)
            for (key, dossier) in full.dossiers where dossier.audits.contains(where: { $0.scheduledOn >= from && $0.scheduledOn <= to }) {
                #expect(scheduled.dossiers[key] == dossier, "\(key) scheduled \(from)–\(to) on \(day)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The findings report's view holds every dossier with an open finding, as the full replay
    /// gives it, with its member and its group's context.
    private func expectSameOpenFindings(_ store: CedreStore, on day: Day, as full: Network, sourceLocation: SourceLocation) throws {
        let view = try store.networkOfOpenFindings(through: day)
        for (key, dossier) in full.dossiers where dossier.findings.contains(where: \.isOpen) {
            guard let viewed = view.dossiers[key] else {
                Issue.record("\(key), with an open finding, is missing from the view on \(day)", sourceLocation: sourceLocation)
                continue
            }
            #expect(viewed == dossier, "\(key) on \(day)", sourceLocation: sourceLocation)
            #expect(view.members[key.member] == full.members[key.member], "\(key.member) on \(day)", sourceLocation: sourceLocation)
            #expect(
                view.findingContext(for: viewed, on: day) == full.findingContext(for: dossier, on: day),
                "\(key)'s finding context on \(day)", sourceLocation: sourceLocation)
        }
    }

    /// The counts the store reads from rows (on a day no fact follows) or from its standing
    /// (before), with every notice rule listed, are those of the replayed standing.
    private func expectSameTally(
        _ store: CedreStore, on day: Day, as replayed: NetworkStanding, sourceLocation: SourceLocation
    ) throws {
        let rules = Set(NoticeRule.allCases)
        for horizon in [0, 60] {
            let tally = try store.tally(on: day, horizon: horizon, listing: rules)
            let expected = NetworkTally(standing: replayed, horizon: horizon, listing: rules)
            let members = differences(tally.members, expected.members)
            #expect(members.isEmpty, "member kinds counted otherwise on \(day): \(members)", sourceLocation: sourceLocation)
            let milestones = differences(tally.milestones, expected.milestones)
            #expect(milestones.isEmpty, "milestone kinds counted otherwise on \(day): \(milestones)", sourceLocation: sourceLocation)
            #expect(tally.listed == expected.listed, "listed members on \(day), horizon \(horizon)", sourceLocation: sourceLocation)
        }
    }

    /// The first kinds `stored` and `replayed` count differently, as `kind: stored vs replayed`.
    private func differences<Kind: Hashable>(_ stored: [Kind: Int], _ replayed: [Kind: Int]) -> [String] {
        Set(stored.keys).union(replayed.keys).filter { stored[$0] != replayed[$0] }.prefix(3)
            .map { "\($0): \(stored[$0] ?? 0) vs \(replayed[$0] ?? 0)" }
    }

    /// Days across the network's years, the day of its last fact, and years after.
    private func days(_ random: inout SeededGenerator) -> [Day] {
        let start = Day.firstDay(ofYear: 2011)
        return (0..<8).map { _ in start.adding(days: random.between(0, (365 * 8))) } + ["2016-12-31", "2026-12-02"]
    }

    @Test(arguments: [UInt64(3)])
    func answersFromStoredCalendarsAreTheAnswersOfAFullReplay(seed: UInt64) throws {
        try expectTheAnswersOfAFullReplay(seed: seed, memberStride: 4)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [UInt64(11)])
    func answersFromStoredCalendarsAreTheAnswersOfAFullReplayOnMoreSeeds(seed: UInt64) throws {
        try expectTheAnswersOfAFullReplay(seed: seed)
    }

    /// The quick variant views one member in four on each day; the long campaign views them all.
    private func expectTheAnswersOfAFullReplay(seed: UInt64, memberStride: Int = 1) throws {
        let (store, _) = try Self.store(seed: seed, members: 160)
        var random = SeededGenerator(seed: seed)
        try expectSameStanding(store, on: days(&random), memberStride: memberStride)
    }

    /// In a database file the status report's lists are read on a second connection while the
    /// first counts: the same answers as in memory, where one connection reads all, on days
    /// stored rows answer and on days before facts that are replayed.
    @Test func aFileAnswersWhatTheSameStoreInMemoryAnswers() throws {
        let (store, generated) = try Self.store(seed: 7, members: 60)
        let rules = Set(NoticeRule.allCases)
        var listed = 0
        try Self.inFile(store) { file in
            for day: Day in ["2012-09-30", "2014-06-30", generated.lastDay, generated.lastDay.adding(days: 200)] {
                #expect(try file.standing(on: day) == store.standing(on: day), "the standing on \(day)")
                for horizon in [0, 60] {
                    let inMemory = try store.tally(on: day, horizon: horizon, listing: rules)
                    listed += inMemory.listed.allDossiers.count
                    #expect(try file.tally(on: day, horizon: horizon, listing: rules) == inMemory, "\(day), horizon \(horizon)")
                }
            }
        }
        #expect(listed > 0)
    }

    /// In a database file a past day's events are read in parts that both connections take:
    /// ranges of ids when the day is late in the log (2015 here), the day index when it is far
    /// back (2013). Engagements of both years moved a month earlier by corrections whose rows
    /// come after every day asked: on the day before each was first said to be, the standing is
    /// the full replay's, where the dossier is engaged.
    @Test func aFileReadsAPastDaysEventsInPartsAsAFullReplayWould() throws {
        let (store, _) = try Self.store(seed: 13, members: 80)
        let events = try store.events().filter { $0.stream.hasPrefix("certification/") }
        let lastFact = Dictionary(events.map { ($0.stream, $0.occurredOn) }, uniquingKeysWith: max)
        let context = RecordingContext.tests(today: "2026-12-01")
        var days: [Day] = []
        for year in ["2013", "2015"] {
            let engagements = events.filter {
                $0.kind == "certification.engaged" && $0.occurredOn.description.hasPrefix(year) && lastFact[$0.stream]! > "2016-06-30"
            }
            #expect(engagements.count >= 2, "engagements in \(year) to move")
            for event in engagements.prefix(3) {
                try store.correct(event: event.id, on: event.occurredOn.adding(days: -30), setting: [], reason: "mistyped day", context: context)
                days.append(event.occurredOn.adding(days: -1))
            }
        }
        try Self.inFile(store) { file in
            for day in days {
                let standing = try file.standing(on: day)
                let expected = NetworkStanding(register: CertificationRegister(network: try store.network(through: day), on: day))
                #expect(standing.members == expected.members, "members on \(day)")
                #expect(standing.milestones == expected.milestones, "milestones on \(day)")
                #expect(standing.allDossiers == expected.allDossiers, "dossiers on \(day)")
            }
        }
    }

    /// A member renamed, linked and gone, group sites, a suspended and restored certificate,
    /// cross-auditors, a campaign: a view of one member on each day reads what the full replay
    /// gives, its profile as it was, and so do the auditors' and the campaign's views and the
    /// status report's counts.
    @Test func aViewOfOneMemberIsTheFullReplaysOnAnyDay() throws {
        let store = try CedreStore.inMemory()
        try store.record(CorrectionTests.everyKind(), context: .tests(today: "2015-12-31"))
        for day: Day in ["2013-01-01", "2013-01-05", "2013-01-06", "2013-06-10", "2014-12-31", "2015-02-01", "2015-02-02", "2026-12-02"] {
            let full = try store.network(through: day)
            try expectSameMembers(store, on: day, as: full, sourceLocation: #_sourceLocation)
            let expected = NetworkStanding(register: CertificationRegister(network: full, on: day))
            try expectSameTally(store, on: day, as: expected, sourceLocation: #_sourceLocation)
            #expect(try store.networkOfAuditors(through: day).auditors == full.auditors, "auditors on \(day)")
            let campaign = try store.network(ofCampaign: "cedre", year: 2014, through: day)
            #expect(campaign.campaign("cedre", year: 2014) == full.campaign("cedre", year: 2014), "the 2014 campaign on \(day)")
            #expect(campaign.auditors == full.auditors, "the campaign's auditors on \(day)")
            for assignment in full.campaign("cedre", year: 2014)?.assignments ?? [] {
                #expect(campaign.members[assignment.member] == full.members[assignment.member], "\(assignment.member) on \(day)")
            }
            let record = try #require(try store.network(of: "tremplin", through: day).members["tremplin"])
            #expect(record.member.name == (day < "2013-01-06" ? "TREMPLIN" : "TREMPLIN Anjou"), "tremplin's name on \(day)")
            #expect(record.isMember(on: day) == (day <= "2015-02-01"), "tremplin a member on \(day)")
        }
    }

    /// An audit held on another day than the one it was scheduled for is in the programme of
    /// the day it was held, and only there.
    @Test func theProgrammesViewFindsAnAuditByTheDayItWasHeld() throws {
        let store = try CedreStore.inMemory()
        let key = CertificationKey.cedre("solipass")
        try store.record([
            (.memberAdded(.sample("solipass"), joined: nil), "2013-01-01"),
            (.certificationEngaged(key), "2013-01-10"),
            (.auditPlanned(key, "A-2013-0001", kind: .initial, scheduledOn: "2013-03-01", auditors: []), "2013-02-01"),
            (.auditConducted(key, "A-2013-0001"), "2013-03-20"),
        ], context: .tests(today: "2013-12-31"))
        let held = try store.network(ofAuditsFrom: "2013-03-15", to: "2013-03-31", through: "2013-12-31")
        let replayed = try #require(try store.network(through: "2013-12-31").dossiers[key])
        #expect(held.dossiers[key] == replayed)
        #expect(try store.network(ofAuditsFrom: "2013-02-25", to: "2013-03-05", through: "2013-12-31").dossiers[key] == nil)
    }

    @Test(arguments: [UInt64(5)])
    func theyStayTheSameAfterRandomLateFactsAndCorrections(seed: UInt64) throws {
        try expectTheSameAfterLateFactsAndCorrections(seed: seed, memberStride: 4)
    }

    @Test(.tags(.long), .enabled(if: LongTests.enabled, LongTests.skipped), arguments: [UInt64(17)])
    func theyStayTheSameAfterRandomLateFactsAndCorrectionsOnMoreSeeds(seed: UInt64) throws {
        try expectTheSameAfterLateFactsAndCorrections(seed: seed)
    }

    private func expectTheSameAfterLateFactsAndCorrections(seed: UInt64, memberStride: Int = 1) throws {
        let (store, _) = try Self.store(seed: seed, members: 120)
        var random = SeededGenerator(seed: seed)
        let context = RecordingContext.tests(today: "2026-12-01")
        let events = try store.events().filter { $0.stream.hasPrefix("certification/") }
        var accepted = 0
        for _ in 0..<40 where try Self.changeAtRandom(store, of: events, &random, context: context) {
            accepted += 1
        }
        #expect(accepted > 5, "enough of the random changes are legal to test something")
        #expect(try store.verify().problem == nil)
        try expectSameStanding(store, on: days(&random), memberStride: memberStride)
    }
}

extension StoredStateTests {
    /// One of `events` voided, moved by up to 40 days, or followed by a suspension up to 200 days
    /// later, entered late; whether the store accepted it (a change that would break a stream is
    /// refused).
    static func changeAtRandom(
        _ store: CedreStore, of events: [LoggedEvent], _ random: inout SeededGenerator, context: RecordingContext
    ) throws -> Bool {
        let event = events[random.between(0, (events.count - 1))]
        do {
            switch random.between(0, 2) {
            case 0:
                try store.void(event: event.id, reason: "entered by mistake", context: context)
            case 1:
                let day = event.occurredOn.adding(days: random.between(-40, 40))
                try store.correct(event: event.id, on: day, setting: [], reason: "mistyped day", context: context)
            default:
                guard let key = LogStream(event.stream)?.certificationKey else { return false }
                let day = event.occurredOn.adding(days: random.between(1, 200))
                try store.record([DatedFact(.certificationSuspended(key, reason: .other), on: day)], context: context)
            }
            return true
        } catch is StoreError {
            return false
        }
    }
}

extension SeededGenerator {
    /// A whole number from `lower` to `upper`, both included.
    mutating func between(_ lower: Int, _ upper: Int) -> Int {
        lower + index(below: upper - lower + 1)
    }
}
