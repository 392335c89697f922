import Foundation

/// Gives each planned cross-audit its day: a working day of the campaign year in the member's
/// département (rule 20), strictly before the member's external audit (rule 13), inside the
/// auditor's qualification (rule 16), never two audits of one auditor on one day (fixed audits
/// included).
///
/// Audits are dated earliest deadline first (then fewest days first), each on the free day of its
/// window that the campaign has booked least so far, so that audits spread over the year; ties are
/// drawn from the seed. An auditor's windows all open on the same day, so this finds a free day
/// whenever the flow admitted the assignment, except, rarely, when an auditor's windows of a few
/// days cross a holiday of one member's département and not of another's: such an audit is left
/// out and explained.
struct CrossAuditCalendar {
    let instance: CrossAuditInstance

    /// The day of each audited member's cross-audit, or nil when it has no auditor.
    func schedule(_ auditorOf: [Int], seed: UInt64) -> [Day?] {
        var generator = SeededGenerator(seed: seed ^ 0xCA1E_DA25)
        let policies = instance.policies
        let yearStart = instance.firstDay.ordinal
        let yearLength = instance.lastDay.ordinal - yearStart + 1
        var audits: [(audited: Int, first: Day, last: Day, free: Int, draw: UInt64)] = []
        for audited in auditorOf.indices where auditorOf[audited] >= 0 {
            let auditor = auditorOf[audited]
            let window = instance.window(audited: audited, auditor: auditor, policies: policies)
            let free = instance.freeDays(audited: audited, auditor: auditor, policies: policies)
            audits.append((audited, window.first, window.last, free, generator.next()))
        }
        // Among equal deadlines, the window with fewer days first: a département with a holiday
        // more (Good Friday in Moselle) has a window inside its neighbour's.
        audits.sort { ($0.last, $0.free, $0.draw, $0.audited) < ($1.last, $1.free, $1.draw, $1.audited) }

        var days = Array<Day?>(repeating: nil, count: auditorOf.count)
        var booked = Array(repeating: 0, count: yearLength)
        var busy: [Int: Set<Int>] = [:]
        for auditor in 0..<instance.auditorCount where !instance.bookedDays(auditor: auditor).isEmpty {
            busy[auditor] = Set(instance.bookedDays(auditor: auditor).map { $0 - yearStart })
        }
        var leastBooked: [Int] = []
        for audit in audits {
            let auditor = auditorOf[audit.audited]
            let taken = busy[auditor] ?? []
            leastBooked.removeAll(keepingCapacity: true)
            var fewest = Int.max
            for day in instance.calendar(ofAudited: audit.audited).days(from: audit.first, through: audit.last) {
                let offset = day.ordinal - yearStart
                guard !taken.contains(offset) else { continue }
                if booked[offset] < fewest {
                    fewest = booked[offset]
                    leastBooked = [offset]
                } else if booked[offset] == fewest {
                    leastBooked.append(offset)
                }
            }
            guard !leastBooked.isEmpty else { continue }
            let offset = leastBooked[generator.index(below: leastBooked.count)]
            booked[offset] += 1
            busy[auditor, default: []].insert(offset)
            days[audit.audited] = Day(ordinal: yearStart + offset)
        }
        return days
    }
}
