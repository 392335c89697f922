import Foundation

extension Certification {
    /// The certificate's expiry day, the last day it is valid (rule 1).
    public var expiresOn: Day? { currentDecision?.expiresOn }

    /// The decision day of the current cycle.
    public var certifiedOn: Day? { currentDecision?.on }

    /// The certification as the calendar leaves it on `day`: expired after its expiry day,
    /// lapsed after the restore window, withdrawn after a suspension's maximum.
    ///
    /// Pure: the value itself is not changed, and facts are never invented.
    public func advance(to day: Day) -> Certification {
        var copy = self
        copy.settle(to: day)
        return copy
    }

    /// Applies every calendar move due on or before `day`.
    mutating func settle(to day: Day) {
        guard day > settledOn else { return }
        while let move = nextCalendarMove(), move.on <= day {
            if move.event == .suspensionMaximumReached {
                recordWithdrawalBySuspension(on: move.on)
            }
            enter(move)
        }
        markSettled(day)
    }

    /// The next move the calendar will make if no fact intervenes: of the calendar's rules the
    /// table allows in the current state, the one due first (the expiry when two fall on one day).
    ///
    /// A move's day is worked out only when the table allows the move in the current state:
    /// every replayed day asks (65,046 times in a rebuild of 5,000 members), and a window's
    /// end is a month calculation.
    public func nextCalendarMove() -> Move? {
        var next: Move?
        func consider(_ event: EventKind, on day: () -> Day?) {
            guard let to = Self.transitions.target(from: state, on: event, by: .calendar), let day = day(),
                  next.map({ day < $0.on }) ?? true
            else { return }
            next = Move(from: state, event: event, to: to, on: day)
        }
        consider(.certificateExpired) { expiresOn?.adding(days: 1) }
        consider(.suspensionMaximumReached) { suspensionEndsBy?.adding(days: 1) }
        consider(.restoreWindowClosed) { restorableUntil?.adding(days: 1) }
        return next
    }

    /// Rule 3: the last day a recertification decision can restore an expired certificate.
    public var restorableUntil: Day? {
        expiresOn?.adding(months: rules.restoreWindowMonths)
    }

    /// Rule 4: the last day of a suspension in force; withdrawn the day after.
    public var suspensionEndsBy: Day? {
        suspension?.on.adding(months: rules.maximumSuspensionMonths)
    }

    /// Rule 5: the day by which the recertification audit should be planned, while it is not.
    public var recertificationPlanningDueBy: Day? {
        guard state == .certified || state == .suspended, recertificationPlannedOn == nil, let expiresOn else {
            return nil
        }
        return expiresOn.adding(months: -rules.recertificationPlanningMonths)
    }

    /// Rule 2: the last day for the next surveillance audit of the cycle, if one is required.
    ///
    /// The first is due within `firstSurveillanceWithinMonths` of the decision; then one is
    /// needed in each later calendar year of the cycle except the expiry (recertification) year.
    public var nextSurveillanceDueBy: Day? {
        guard state == .certified || state == .suspended, let decision = currentDecision else { return nil }
        let recertificationYear = decision.expiresOn.year
        guard let last = surveillanceAudits.last else {
            let due = decision.on.adding(months: rules.firstSurveillanceWithinMonths)
            return due.year < recertificationYear ? due : nil
        }
        guard rules.surveillanceEachCalendarYear else {
            let due = last.adding(months: rules.firstSurveillanceWithinMonths)
            return due < decision.expiresOn ? due : nil
        }
        let year = max(last.year, decision.on.year) + 1
        return year < recertificationYear ? Day.lastDay(ofYear: year) : nil
    }
}
