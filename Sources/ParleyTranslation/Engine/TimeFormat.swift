import ParleyText

/// Clock times in the target's convention: French `21h`, `19h30` ↔ English `9 pm`, `7:30 pm`. A number
/// token shaped like a French time is rewritten only when a word that marks a time of day introduces it
/// (`à`, `vers`, `dès`, `avant`, `après`, `entre`, `et`), so durations (`un set de 3h`) stay as written;
/// English `3pm` is always a time. English ordinals become French ones (`the 19th` → `le 19`).
enum TimeFormat {
    static let timeMarkers: Set<String> = ["à", "a", "vers", "dès", "des", "avant", "après", "apres", "entre", "et", "jusqu'à"]

    /// `21h` → `9 pm`, `19h30` → `7:30 pm`, `12h` → `12 pm`, `0h15` → `12:15 am`; nil for anything else.
    static func english(fromFrench text: String) -> String? {
        let parts = text.lowercased().split(separator: "h", omittingEmptySubsequences: false)
        guard parts.count == 2, let hour = Int(parts[0]), parts[0].count <= 2, hour < 24 else { return nil }
        let minutes = parts[1]
        guard minutes.isEmpty || (minutes.count == 2 && Int(minutes).map { $0 < 60 } == true) else { return nil }
        let clock = hour % 12 == 0 ? 12 : hour % 12
        return "\(clock)\(minutes.isEmpty ? "" : ":" + minutes) \(hour < 12 ? "am" : "pm")"
    }

    /// `3pm` → `15h`, `7:30pm` → `19h30`, `12am` → `0h`; nil for anything else.
    static func french(fromEnglish text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasSuffix("am") || lower.hasSuffix("pm") else { return nil }
        let clock = lower.dropLast(2)
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 2, let hour = Int(parts[0]), (1...12).contains(hour) else { return nil }
        var minutes = ""
        if parts.count == 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), value < 60 else { return nil }
            minutes = String(parts[1])
        }
        let hour24 = hour % 12 + (lower.hasSuffix("pm") ? 12 : 0)
        return "\(hour24)h\(minutes == "00" ? "" : minutes)"
    }

    /// An English ordinal number in French: `19th` → `19`, `1st` → `1er`; nil for anything else.
    static func frenchOrdinal(fromEnglish text: String) -> String? {
        let lower = text.lowercased()
        guard let suffix = ["st", "nd", "rd", "th"].first(where: { lower.hasSuffix($0) }) else { return nil }
        let digits = lower.dropLast(suffix.count)
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits == "1" ? "1er" : String(digits)
    }

    /// The English form of number token `index` of `message` when it is a French clock time, else nil.
    static func englishTime(at index: Int, in message: Message) -> String? {
        guard let time = english(fromFrench: message.text(of: message.tokens[index])) else { return nil }
        var previous = index - 1
        while previous >= 0 && message.tokens[previous].kind == .whitespace { previous -= 1 }
        guard previous >= 0, message.tokens[previous].kind == .word,
            timeMarkers.contains(message.text(of: message.tokens[previous]).lowercased()) else { return nil }
        return time
    }
}
