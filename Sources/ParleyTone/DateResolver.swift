import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns date expressions into instants, in a time zone, from a reference time. Uses Foundation's
/// Calendar (daylight-saving changes, month lengths, leap years); it only runs when the grammar found
/// a date expression, so messages without dates never touch Foundation.
struct DateResolver {
    /// The hour a day-precision deadline ends ("d'ici vendredi" = by Friday, end of day).
    static let endOfDay = (hour: 23, minute: 59)
    /// "Fin de semaine"/"end of the week" in the trade means Friday, working hours' end.
    static let endOfWeek = (weekday: 5, hour: 18)
    /// "EOD": end of the working day.
    static let endOfWorkingDay = 18

    let calendar: Calendar
    let reference: Date
    /// The reference's day: its start, the next day's start and its ISO weekday (Monday 1 … Sunday 7).
    let day: Day

    /// A calendar day in the resolver's time zone.
    struct Day: Sendable {
        var start: Date
        var next: Date
        var weekday: Int

        /// Whether an instant falls on this day.
        func contains(_ instant: Date) -> Bool { instant >= start && instant < next }
    }

    /// - Parameter day: the reference's day when the caller already knows it (messages of one day
    ///   share it; computing it costs two calendar calls).
    init(reference: Double, calendar: Calendar, day: Day? = nil) {
        self.calendar = calendar
        let instant = Date(timeIntervalSince1970: reference)
        self.reference = instant
        if let day, day.contains(instant) {
            self.day = day
        } else {
            let start = calendar.startOfDay(for: instant)
            let next = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
            self.day = Day(start: start, next: next, weekday: (calendar.component(.weekday, from: instant) + 5) % 7 + 1)
        }
    }

    /// A Gregorian calendar in a time zone; nil for an unknown zone. Costly: ``ToneAnalyzer`` keeps one.
    static func calendar(timeZone identifier: String) -> Calendar? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        return calendar
    }

    func resolve(_ expression: DateExpression, span: TextSpan) -> DateMention? {
        let today = day.start
        let weekday = day.weekday
        var day: Date
        switch expression.anchor {
        case .today:
            day = today
            if let hour = expression.hour, let instant = at(day, hour: hour, minute: expression.minute), instant < reference {
                day = add(.day, 1, to: day)  // "avant 18h" said at 19h: tomorrow
            }
        case .dayOffset(let offset):
            day = add(.day, offset, to: today)
        case .weekday(let target):
            var delta = (target - weekday + 7) % 7
            if delta == 0 { delta = 7 }  // "vendredi" said on a Friday means next Friday; today is "aujourd'hui"
            day = add(.day, delta, to: today)
        case .weekend(let weeks):
            // Saturday of this weekend (yesterday when today is Sunday).
            let delta = weekday == 7 ? -1 : 6 - weekday
            let saturday = add(.day, delta + 7 * weeks, to: today)
            let sunday = add(.day, 1, to: saturday)
            guard let end = at(sunday, hour: Self.endOfDay.hour, minute: Self.endOfDay.minute) else { return nil }
            return mention(expression, span: span, start: saturday, end: end, precision: .day)
        case .endOf(let unit):
            switch unit {
            case .month:
                let components = calendar.dateComponents([.year, .month], from: reference)
                guard let first = calendar.date(from: components) else { return nil }
                day = add(.day, -1, to: add(.month, 1, to: first))
            case .week:
                let delta = weekday <= Self.endOfWeek.weekday ? Self.endOfWeek.weekday - weekday : Self.endOfWeek.weekday + 7 - weekday
                day = add(.day, delta, to: today)
                guard let instant = at(day, hour: Self.endOfWeek.hour, minute: 0) else { return nil }
                return mention(expression, span: span, start: day, end: instant, precision: .day)
            default:
                guard let instant = at(today, hour: Self.endOfWorkingDay, minute: 0) else { return nil }
                return mention(expression, span: span, start: instant, end: instant, precision: .time)
            }
        case .date(let dayOfMonth, let month, let year):
            let current = calendar.component(.year, from: reference)
            guard var found = date(year: year ?? current, month: month, day: dayOfMonth) else { return nil }
            if year == nil && found < today {
                guard let next = date(year: current + 1, month: month, day: dayOfMonth) else { return nil }
                found = next  // "le 3 janvier" said in December: next year
            }
            day = found
        case .dayOfMonth(let dayOfMonth):
            let components = calendar.dateComponents([.year, .month], from: reference)
            guard let year = components.year, let month = components.month else { return nil }
            if let found = date(year: year, month: month, day: dayOfMonth), found >= today {
                day = found
            } else {
                let next = month == 12 ? (year + 1, 1) : (year, month + 1)
                guard let found = date(year: next.0, month: next.1, day: dayOfMonth) else { return nil }
                day = found
            }
        case .duration(let amount, let unit):
            let instant: Date
            switch unit {
            case .minute: instant = reference.addingTimeInterval(Double(amount) * 60)
            case .hour: instant = reference.addingTimeInterval(Double(amount) * 3600)
            case .day: instant = add(.day, amount, to: reference)
            case .week: instant = add(.day, 7 * amount, to: reference)
            case .month: instant = add(.month, amount, to: reference)
            }
            let precision: DateMention.Precision = unit == .minute || unit == .hour ? .time : .day
            return mention(expression, span: span, start: instant, end: instant, precision: precision)
        }

        if let hour = expression.hour {
            guard let instant = at(day, hour: hour, minute: expression.minute) else { return nil }
            return mention(expression, span: span, start: instant, end: instant, precision: .time)
        }
        if let part = expression.part {
            guard let start = at(day, hour: part.start, minute: 0),
                let end = part.end >= 24 ? at(day, hour: Self.endOfDay.hour, minute: Self.endOfDay.minute) : at(day, hour: part.end, minute: 0)
            else { return nil }
            return mention(expression, span: span, start: start, end: end, precision: .part)
        }
        guard let end = at(day, hour: Self.endOfDay.hour, minute: Self.endOfDay.minute) else { return nil }
        return mention(expression, span: span, start: day, end: end, precision: .day)
    }

    private func mention(_ expression: DateExpression, span: TextSpan, start: Date, end: Date, precision: DateMention.Precision) -> DateMention {
        DateMention(span: span, marker: expression.marker, start: start.timeIntervalSince1970, end: end.timeIntervalSince1970, precision: precision)
    }

    private func add(_ component: Calendar.Component, _ amount: Int, to date: Date) -> Date {
        calendar.date(byAdding: component, value: amount, to: date) ?? date
    }

    /// The wall-clock time `hour:minute` on the day of `date`, in the resolver's time zone (a time that
    /// does not exist because clocks jump forward moves forward with them).
    private func at(_ date: Date, hour: Int, minute: Int) -> Date? {
        var components = calendar.dateComponents([.year, .month, .day], from: date)
        components.hour = hour
        components.minute = minute
        components.second = 0
        return calendar.date(from: components)
    }

    /// A calendar date at midnight; nil when it does not exist (31 February).
    private func date(year: Int, month: Int, day: Int) -> Date? {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard let result = calendar.date(from: components),
            calendar.component(.day, from: result) == day, calendar.component(.month, from: result) == month
        else { return nil }
        return calendar.startOfDay(for: result)
    }

    /// ISO 8601 with the zone's offset at that instant: `2026-03-29T18:00:00+02:00`.
    static func iso8601(_ seconds: Double, timeZone identifier: String) -> String {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = Date(timeIntervalSince1970: seconds)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        return "\(c.year!)-\(two(c.month!))-\(two(c.day!))T\(two(c.hour!)):\(two(c.minute!)):\(two(c.second!))\(sign)\(two(hours)):\(two(minutes))"
    }
}
