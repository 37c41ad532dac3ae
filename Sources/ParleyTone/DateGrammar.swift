import ParleyText

/// Finds date and time expressions in a message's units with the words of `dates.map`:
/// "avant demain 18h", "d'ici vendredi", "le 15 mars", "dans 3 jours", "by Friday 6pm",
/// "tomorrow morning", "ce week-end", "avant le 3/12". No Foundation: resolution to instants is
/// ``DateResolver``'s job, and runs only when something was found.
struct DateGrammar {
    /// What a number unit looks like.
    enum NumberShape: Equatable {
        case integer(Int)
        /// "15th", "1er", "3e".
        case ordinal(Int)
        /// "18h", "18h30", "18:30", "6pm", "6:30am".
        case time(hour: Int, minute: Int)
        /// "3/12", "3/12/2026" (day/month, or month/day in English when only that reading is valid).
        case numericDate(first: Int, second: Int, year: Int?)
    }

    let message: Message
    let view: MessageView
    let dates: PhraseTable<DateWord>
    let language: ToneLanguage

    /// Every expression found, in text order.
    func expressions() -> [DateExpression] {
        // Look every unit up once; most messages have no date word and no number, and stop here.
        let count = view.ids.count
        view.dateEntries.removeAll(keepingCapacity: true)
        view.dateLengths.removeAll(keepingCapacity: true)
        var any = false
        let bit = PhraseStarts.bit(.dates, language)
        for position in 0..<count {
            if view.starts[position] & bit != 0, let match = dates.match(view.ids, at: position) {
                view.dateEntries.append(Int32(match.entry))
                view.dateLengths.append(Int32(match.length))
                any = true
            } else {
                view.dateEntries.append(-1)
                view.dateLengths.append(0)
                any = any || message.folded.units[position].kind == .number
            }
        }
        guard any else { return [] }
        var found: [DateExpression] = []
        var position = 0
        while position < count {
            if let expression = parse(at: position) {
                found.append(expression)
                position = expression.units.upperBound
            } else {
                position += 1
            }
        }
        return found
    }

    // MARK: reading units

    /// The date word at a unit, from the look-ups ``expressions()`` made once.
    private func word(_ position: Int) -> (word: DateWord, length: Int)? {
        guard position < view.dateEntries.count else { return nil }
        let entry = view.dateEntries[position]
        guard entry >= 0 else { return nil }
        return (dates[Int(entry)].payload, Int(view.dateLengths[position]))
    }

    /// The separator typed between unit `position` and the next one ("/" or ":"), if it is exactly one byte.
    private func separator(after position: Int) -> UInt8? {
        let units = message.folded.units
        guard position + 1 < units.count else { return nil }
        let gap = units[position].span.utf8.upperBound..<units[position + 1].span.utf8.lowerBound
        guard gap.count == 1 else { return nil }
        return message.original[gap.lowerBound]
    }

    /// The shape of a number unit, joining "18" ":" "30" and "3" "/" "12" when the segmenter split them.
    /// Returns the shape and the number of units it covers.
    func number(at position: Int) -> (shape: NumberShape, length: Int)? {
        let units = message.folded.units
        guard position < units.count else { return nil }
        let unit = units[position]
        guard unit.kind == .number || unit.kind == .word else { return nil }
        guard let shape = Self.shape(message.folded.bytes[unit.folded]) else { return nil }
        if case .integer(let first) = shape, let gap = separator(after: position),
            position + 1 < units.count, units[position + 1].kind == .number,
            let next = Self.shape(message.folded.bytes[units[position + 1].folded])
        {
            switch (gap, next) {
            case (UInt8(ascii: ":"), .integer(let minute)) where first < 24 && minute < 60:
                return (.time(hour: first, minute: minute), 2)
            case (UInt8(ascii: "/"), .integer(let second)):
                if separator(after: position + 1) == UInt8(ascii: "/"),
                    position + 2 < units.count, case .integer(let year)? = Self.shape(message.folded.bytes[units[position + 2].folded])
                {
                    return (.numericDate(first: first, second: second, year: year), 3)
                }
                return (.numericDate(first: first, second: second, year: nil), 2)
            default: break
            }
        }
        return (shape, 1)
    }

    /// Parses "18h30", "6pm", "15th", "3/12/2026"… from folded bytes; nil for anything else.
    /// - Complexity: O(length); no allocation.
    static func shape(_ bytes: ArraySlice<UInt8>) -> NumberShape? {
        var iterator = bytes
        func digits() -> Int? {
            var value = 0
            var count = 0
            while let byte = iterator.first, byte >= 48, byte <= 57, count < 5 {
                value = value * 10 + Int(byte - 48)
                iterator = iterator.dropFirst()
                count += 1
            }
            return count == 0 ? nil : value
        }
        func rest(is suffix: String) -> Bool { iterator.elementsEqual(suffix.utf8) }
        guard let first = digits() else { return nil }
        if iterator.isEmpty { return .integer(first) }
        switch iterator.first! {
        case UInt8(ascii: "h"):
            iterator = iterator.dropFirst()
            let minute = digits() ?? 0
            guard iterator.isEmpty, first < 24, minute < 60 else { return nil }
            return .time(hour: first, minute: minute)
        case UInt8(ascii: ":"), UInt8(ascii: "."):
            iterator = iterator.dropFirst()
            guard let minute = digits(), first < 24, minute < 60 else { return nil }
            if iterator.isEmpty { return .time(hour: first, minute: minute) }
            if rest(is: "pm"), first <= 12 { return .time(hour: first % 12 + 12, minute: minute) }
            if rest(is: "am"), first <= 12 { return .time(hour: first % 12, minute: minute) }
            return nil
        case UInt8(ascii: "/"):
            iterator = iterator.dropFirst()
            guard let second = digits() else { return nil }
            if iterator.isEmpty { return .numericDate(first: first, second: second, year: nil) }
            guard iterator.first == UInt8(ascii: "/") else { return nil }
            iterator = iterator.dropFirst()
            guard let year = digits(), iterator.isEmpty else { return nil }
            return .numericDate(first: first, second: second, year: year)
        default:
            if rest(is: "pm"), first >= 1, first <= 12 { return .time(hour: first % 12 + 12, minute: 0) }
            if rest(is: "am"), first >= 1, first <= 12 { return .time(hour: first % 12, minute: 0) }
            for suffix in ["er", "re", "e", "eme", "st", "nd", "rd", "th"] where rest(is: suffix) {
                return first >= 1 && first <= 31 ? .ordinal(first) : nil
            }
            return nil
        }
    }

    // MARK: the grammar

    private func skipFillers(_ position: inout Int) {
        while let (word, length) = word(position), word == .filler { position += length }
    }

    /// A time after a day: "18h", "à 18h", "6pm", "6 pm", "18 h", "midi", "matin".
    private func time(at start: Int, into expression: inout DateExpression) -> Int {
        var position = start
        skipFillers(&position)
        if let (word, length) = word(position) {
            switch word {
            case .time(let hour, let minute):
                expression.hour = hour
                expression.minute = minute
                return position + length
            case .part(let first, let last):
                expression.part = (first, last)
                // "demain matin 10h": a time may follow the part.
                var after = position + length
                if let (shape, used) = number(at: after), case .time(let hour, let minute) = shape {
                    expression.hour = hour
                    expression.minute = minute
                    after += used
                }
                return after
            default:
                break
            }
        }
        guard let (shape, used) = number(at: position) else { return start }
        switch shape {
        case .time(let hour, let minute):
            expression.hour = hour
            expression.minute = minute
            return position + used
        case .integer(let hour) where hour <= 24:
            // "18 h", "6 pm"
            if let (word, length) = word(position + used) {
                if word == .hourMark && hour < 24 {
                    expression.hour = hour
                    return position + used + length
                }
                if case .meridiem(let offset) = word, hour >= 1, hour <= 12 {
                    expression.hour = hour % 12 + offset
                    return position + used + length
                }
                if case .unit(.hour) = word, language == .fr, hour < 24 {  // "à 18 heures"
                    expression.hour = hour
                    return position + used + length
                }
            }
            return start
        default:
            return start
        }
    }

    private func year(at position: Int) -> (Int, Int)? {
        guard let (shape, used) = number(at: position), case .integer(let year) = shape, (2000...2100).contains(year) else { return nil }
        return (year, used)
    }

    func parse(at start: Int) -> DateExpression? {
        // An expression starts with a date word or a number.
        guard start < view.dateEntries.count,
            view.dateEntries[start] >= 0 || message.folded.units[start].kind == .number
        else { return nil }
        var position = start
        var marker: DeadlineMarker? = nil
        if let (word, length) = word(position), case .marker(let kind) = word {
            marker = kind
            position += length
        }
        skipFillers(&position)
        var expression = DateExpression(anchor: .today, marker: marker, units: start..<start)

        if marker == .in {
            // "dans 3 jours", "in two weeks", "dans une heure"
            var amount: Int? = nil
            var used = 0
            if let (shape, length) = number(at: position), case .integer(let value) = shape {
                amount = value
                used = length
            } else if let (word, length) = word(position), case .count(let value) = word {
                amount = value
                used = length
            }
            if amount == nil, let (value, unit) = compactDuration(at: position) {
                // "sous 48h", "dans 2j", "within 24h"
                expression.anchor = .duration(value, unit)
                expression.units = start..<(position + 1)
                return expression
            }
            guard let amount, let (word, length) = word(position + used), case .unit(let unit) = word else { return nil }
            expression.anchor = .duration(amount, unit)
            expression.units = start..<(position + used + length)
            return expression
        }

        var next = 0
        if let (word, length) = word(position), case .next(let value) = word {
            next = value
            position += length
        }
        var end = position
        if let (word, length) = word(position) {
            switch word {
            case .day(let offset):
                expression.anchor = .dayOffset(offset)
                end = time(at: position + length, into: &expression)
            case .dayPart(let offset, let first, let last):
                expression.anchor = .dayOffset(offset)
                expression.part = (first, last)
                end = time(at: position + length, into: &expression)
            case .weekday(let weekday):
                expression.anchor = .weekday(weekday)
                end = position + length
                if let (following, size) = self.word(end), case .next = following { end += size }
                // "vendredi 15 mars": the explicit date wins over the weekday.
                if let explicit = parse(at: end), case .date = explicit.anchor, explicit.marker == nil {
                    var merged = explicit
                    merged.marker = marker
                    merged.units = start..<explicit.units.upperBound
                    return merged
                }
                end = time(at: end, into: &expression)
            case .weekend(let offset):
                expression.anchor = .weekend(offset + next)
                end = position + length
                if let (following, size) = self.word(end), case .next = following {
                    expression.anchor = .weekend(offset + 1)
                    end += size
                }
            case .endOf(let unit):
                expression.anchor = .endOf(unit)
                end = position + length
            case .month(let month):
                // "March 15", "March 15th, 2027"
                guard let (shape, used) = number(at: position + length) else { return nil }
                let day: Int
                switch shape {
                case .integer(let value), .ordinal(let value): day = value
                default: return nil
                }
                guard (1...31).contains(day) else { return nil }
                var year: Int? = nil
                end = position + length + used
                if let (value, size) = self.year(at: end) {
                    year = value
                    end += size
                }
                expression.anchor = .date(day: day, month: month, year: year)
                end = time(at: end, into: &expression)
            case .time(let hour, let minute):
                expression.hour = hour
                expression.minute = minute
                end = position + length
            case .part(let first, let last) where next == 0 && position > start:
                // "ce matin" is a day-part entry; a bare part needs a marker or "this": "by this evening".
                expression.anchor = .dayOffset(0)
                expression.part = (first, last)
                end = position + length
            default:
                break
            }
        }
        if end == position, let (shape, used) = number(at: position) {
            switch shape {
            case .numericDate(let first, let second, let year):
                guard let (day, month) = dayMonth(first, second) else { return nil }
                var fullYear = year
                if let value = year, value < 100 { fullYear = 2000 + value }
                expression.anchor = .date(day: day, month: month, year: fullYear)
                end = time(at: position + used, into: &expression)
            case .integer(let day), .ordinal(let day):
                if let (word, length) = word(position + used), case .month(let month) = word, (1...31).contains(day) {
                    expression.anchor = .date(day: day, month: month, year: nil)
                    end = position + used + length
                    if let (value, size) = year(at: end) {
                        expression.anchor = .date(day: day, month: month, year: value)
                        end += size
                    }
                    end = time(at: end, into: &expression)
                } else {
                    // "à 18 heures", "at 6 pm"; then "avant le 15", "by the 15th" (a bare number is a day
                    // of the month only after a marker or with an ordinal suffix).
                    let timed = time(at: position, into: &expression)
                    if timed > position {
                        end = timed
                    } else if (1...31).contains(day), marker != nil || isOrdinal(shape) {
                        expression.anchor = .dayOfMonth(day)
                        end = position + used
                    }
                }
            case .time(let hour, let minute):
                // "avant 18h", "à 18h", a bare "18h": today at that time.
                expression.hour = hour
                expression.minute = minute
                end = position + used
            }
        }
        guard end > position else { return nil }
        // "vendredi au plus tard", "Friday at the latest"
        if expression.marker == nil, let (word, length) = word(end), case .marker(.by) = word {
            expression.marker = .by
            end += length
        }
        expression.units = start..<end
        return expression
    }

    /// A number glued to a unit letter after "dans"/"in": "48h" (hours), "2j" or "3d" (days).
    private func compactDuration(at position: Int) -> (Int, DateUnit)? {
        let units = message.folded.units
        guard position < units.count, units[position].kind == .number else { return nil }
        let bytes = message.folded.bytes[units[position].folded]
        guard let last = bytes.last, bytes.count >= 2 else { return nil }
        let digits = bytes.dropLast()
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.count <= 4 else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        switch last {
        case UInt8(ascii: "h"): return (value, .hour)
        case UInt8(ascii: "j"), UInt8(ascii: "d"): return (value, .day)
        default: return nil
        }
    }

    private func isOrdinal(_ shape: NumberShape) -> Bool {
        if case .ordinal = shape { return true }
        return false
    }

    /// Day and month of a numeric date: day/month in French; in English day/month too (a European
    /// platform) unless only month/day is valid (12/25).
    private func dayMonth(_ first: Int, _ second: Int) -> (Int, Int)? {
        if (1...31).contains(first) && (1...12).contains(second) { return (first, second) }
        if language == .en && (1...12).contains(first) && (1...31).contains(second) { return (second, first) }
        return nil
    }
}
