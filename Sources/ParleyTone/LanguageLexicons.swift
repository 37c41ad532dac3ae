import ParleyText

/// A register cue from `formality.map`: its kind and weight (> 0 formal, < 0 familiar).
struct FormalityCue: Sendable {
    var kind: FormalityCueKind
    var weight: Double
}

/// A conflict cue from `conflict.map`: its kind and the raw tension it adds.
struct ConflictCue: Sendable {
    var kind: ConflictCueKind
    var weight: Double
}

/// One language's tone lexicons, as phrase tables over the shared word ids. A class, so that the
/// analysis passes it around without copying (and retaining) each table.
final class LanguageLexicons: Sendable {
    let sentiment: PhraseTable<Double>
    let modifiers: PhraseTable<SentimentModifier>
    let formality: PhraseTable<FormalityCue>
    /// The `address` entries of `formality.map` (tu, vous…), matched on their own: they also count
    /// inside longer cues ("pourriez-vous").
    let address: PhraseTable<FormalityCue>
    let urgency: PhraseTable<Double>
    let conflict: PhraseTable<ConflictCue>
    let dates: PhraseTable<DateWord>

    init(
        sentiment: PhraseTable<Double>, modifiers: PhraseTable<SentimentModifier>, formality: PhraseTable<FormalityCue>,
        address: PhraseTable<FormalityCue>, urgency: PhraseTable<Double>, conflict: PhraseTable<ConflictCue>,
        dates: PhraseTable<DateWord>
    ) {
        self.sentiment = sentiment
        self.modifiers = modifiers
        self.formality = formality
        self.address = address
        self.urgency = urgency
        self.conflict = conflict
        self.dates = dates
    }

    static func load(_ language: ToneLanguage, from directory: String, loader: inout LexiconLoader) -> LanguageLexicons {
        typealias Field = LexiconLoader.FieldError
        let sentiment = loader.phrases(directory + "/sentiment.map", trailing: 1, usage: "'<word or phrase> <valence -4..4>'") {
            (fields: [String]) throws(Field) -> Double in try LexiconLoader.number(fields[0], field: 0, in: -4...4)
        }
        let modifiers = loader.phrases(directory + "/sentiment-modifiers.map", trailing: 1, usage: "'<word or phrase> <kind>'") {
            (fields: [String]) throws(Field) -> SentimentModifier in
            try LexiconLoader.keyword(fields[0], field: 0, as: SentimentModifier.self)
        }
        let formality = loader.phrases(directory + "/formality.map", trailing: 2, usage: "'<word or phrase> <cue kind> <weight>'") {
            (fields: [String]) throws(Field) -> FormalityCue in
            let kind = try LexiconLoader.keyword(fields[0], field: 0, as: FormalityCueKind.self)
            guard kind != .emoji && kind != .punctuation else { throw Field(field: 0, message: "'\(fields[0])' is computed, not listed") }
            return FormalityCue(kind: kind, weight: try LexiconLoader.number(fields[1], field: 1, in: -5...5))
        }
        var cues = PhraseTableBuilder<FormalityCue>()
        var address = PhraseTableBuilder<FormalityCue>()
        for entry in formality.entries {
            if entry.payload.kind == .address {
                address.add(words: entry.words, payload: entry.payload, source: entry.source)
            } else {
                cues.add(words: entry.words, payload: entry.payload, source: entry.source)
            }
        }

        let urgency = loader.phrases(directory + "/urgency.map", trailing: 1, usage: "'<word or phrase> <weight>'") {
            (fields: [String]) throws(Field) -> Double in try LexiconLoader.number(fields[0], field: 0, in: 0...5)
        }
        let conflict = loader.phrases(directory + "/conflict.map", trailing: 2, usage: "'<word or phrase> <cue kind> <weight>'") {
            (fields: [String]) throws(Field) -> ConflictCue in
            let kind = try LexiconLoader.keyword(fields[0], field: 0, as: ConflictCueKind.self)
            guard kind != .shouting else { throw Field(field: 0, message: "'shouting' is computed, not listed") }
            return ConflictCue(kind: kind, weight: try LexiconLoader.number(fields[1], field: 1, in: 0...5))
        }
        let dates = loader.phrases(directory + "/dates.map", trailing: 2, usage: "'<word or phrase> <kind> <value>'") {
            (fields: [String]) throws(Field) -> DateWord in try DateWord.decode(kind: fields[0], value: fields[1])
        }
        return LanguageLexicons(
            sentiment: sentiment, modifiers: modifiers, formality: PhraseTable(cues),
            address: PhraseTable(address), urgency: urgency,
            conflict: conflict, dates: dates)
    }
}

extension DateWord {
    /// Reads `kind value` from `dates.map` (see the header of `Lexicons/fr/dates.map`).
    static func decode(kind: String, value: String) throws(LexiconLoader.FieldError) -> DateWord {
        func integer(_ range: ClosedRange<Int>) throws(LexiconLoader.FieldError) -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw LexiconLoader.FieldError(field: 1, message: "'\(value)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        }
        func hours(_ text: Substring) throws(LexiconLoader.FieldError) -> (Int, Int) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), 0 <= start, start < end, end <= 24 else {
                throw LexiconLoader.FieldError(field: 1, message: "'\(text)' is not an hour range like 8-12")
            }
            return (start, end)
        }
        func unit() throws(LexiconLoader.FieldError) -> DateUnit {
            guard let unit = DateUnit(rawValue: value) else {
                throw LexiconLoader.FieldError(field: 1, message: "unknown unit '\(value)' (known: minute, hour, day, week, month)")
            }
            return unit
        }
        switch kind {
        case "weekday": return .weekday(try integer(1...7))
        case "month": return .month(try integer(1...12))
        case "day": return .day(try integer(-7...7))
        case "part":
            let (start, end) = try hours(Substring(value))
            return .part(start: start, end: end)
        case "day-part":
            let pieces = value.split(separator: "@")
            guard pieces.count == 2, let offset = Int(pieces[0]) else {
                throw LexiconLoader.FieldError(field: 1, message: "'\(value)' is not like 0@18-23 (day offset @ hours)")
            }
            let (start, end) = try hours(pieces[1])
            return .dayPart(offset: offset, start: start, end: end)
        case "time":
            let pieces = value.split(separator: ":")
            guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0...23).contains(hour), (0...59).contains(minute) else {
                throw LexiconLoader.FieldError(field: 1, message: "'\(value)' is not a time like 12:00")
            }
            return .time(hour: hour, minute: minute)
        case "weekend": return .weekend(try integer(0...4))
        case "end-of": return .endOf(try unit())
        case "unit": return .unit(try unit())
        case "count": return .count(try integer(0...1000))
        case "marker":
            guard let marker = DeadlineMarker(rawValue: value) else {
                throw LexiconLoader.FieldError(field: 1, message: "unknown marker '\(value)' (known: before, by, in)")
            }
            return .marker(marker)
        case "next": return .next(try integer(0...1))
        case "hour-mark": return .hourMark
        case "meridiem":
            guard value == "am" || value == "pm" else {
                throw LexiconLoader.FieldError(field: 1, message: "'\(value)' is not am or pm")
            }
            return .meridiem(value == "pm" ? 12 : 0)
        case "filler": return .filler
        default:
            throw LexiconLoader.FieldError(
                field: 0,
                message:
                    "unknown kind '\(kind)' (known: weekday, month, day, day-part, part, time, weekend, end-of, unit, count, marker, next, hour-mark, meridiem, filler)"
            )
        }
    }
}
