import CedreCore
import CedreFixtures
import CedreReports
import CedreTestSupport
import Foundation
import Testing

/// The audit programme and its calendar (RFC 5545).
@Suite struct AuditProgrammeTests {
    @Test func the2013ProgrammeHoldsEveryAuditOfTheYearByDay() {
        let programme = Network2013.audits
        #expect(programme.audits.count == 115)
        #expect(programme.byKind.map(\.kind) == [.initial, .surveillance, .recertification, .crossAudit])
        #expect(programme.byKind.map(\.audits) == [18, 50, 29, 18])
        #expect(programme.byMonth.map(\.audits).reduce(0, +) == 115)
        #expect(programme.audits.map(\.day) == programme.audits.map(\.day).sorted())
        #expect(programme.audits.allSatisfy { $0.day.year == 2013 && !$0.location.isEmpty })
    }

    @Test func bothEndsOfTheRangeAreIncluded() {
        let all = Network2013.audits.audits
        let first = all[0].day
        let last = all[all.count - 1].day
        let programme = AuditProgramme(
            network: Network2013.network, from: first, to: last, asOf: Network2013.day, departements: CedreFixtures.departements)
        #expect(programme.audits.count == all.count)
        let inner = AuditProgramme(
            network: Network2013.network, from: first.adding(days: 1), to: last.adding(days: -1), asOf: Network2013.day,
            departements: CedreFixtures.departements)
        #expect(inner.audits.count == all.filter { $0.day != first && $0.day != last }.count)
    }

    @Test func theCalendarHasOneEventPerAuditWithStableUIDs() {
        let text = Network2013.audits.ics(.fr)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n").dropLast()
        #expect(Array(lines.prefix(5)) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cedre//audit programme//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ])
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 115)
        #expect(uids == Network2013.audits.audits.map { "UID:\($0.id)@cedre" })
        #expect(Set(uids).count == uids.count)
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20131231T000000Z" })
        #expect(text == Network2013.audits.ics(.fr))
    }

    @Test func calendarLinesEndWithCRLFAndFoldAt75OctetsBetweenCharacters() throws {
        let text = Network2013.audits.ics(.fr)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        var physical: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a CR not followed by LF at octet \(index)")
                physical.append([])
                index += 2
                continue
            }
            #expect(bytes[index] != 10, "a bare LF at octet \(index)")
            physical[physical.count - 1].append(bytes[index])
            index += 1
        }
        for line in physical {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold cut a UTF-8 sequence")
        }
        #expect(physical.contains { $0.first == 32 }, "the 2013 calendar has folded lines")
    }

    @Test func calendarTextEscapesCommasSemicolonsBackslashesAndNewlines() {
        let calendar = ICalendar(name: "a, b", stamp: "2013-12-31", events: [
            ICalendar.Event(
                uid: "A-2013-0001@cedre", day: "2013-12-12", summary: "Audit; initial, CEDRE \\ test",
                description: "line one\nline two", location: "Angers (49)", status: "CONFIRMED"),
        ])
        let text = calendar.text()
        #expect(text.contains("X-WR-CALNAME:a\\, b\r\n"))
        #expect(text.contains("SUMMARY:Audit\\; initial\\, CEDRE \\\\ test\r\n"))
        #expect(text.contains("DESCRIPTION:line one\\nline two\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20131212\r\nDTEND;VALUE=DATE:20131213\r\n"))
    }

    @Test func aLongAccentedLineFoldsWithoutSplittingACharacter() {
        let calendar = ICalendar(name: "x", stamp: "2013-12-31", events: [
            ICalendar.Event(
                uid: "u", day: "2013-12-12", summary: String(repeating: "é", count: 80), description: "", location: "",
                status: "TENTATIVE"),
        ])
        let summary = calendar.text().components(separatedBy: "\r\n").drop { !$0.hasPrefix("SUMMARY:") }.prefix(3)
        // "SUMMARY:" is 8 octets, then 33 "é" of 2 octets = 74 ≤ 75; the continuation holds 37, then 10
        #expect(summary.map { $0.utf8.count } == [74, 75, 21])
    }
}
