import ParleyText

/// Clock times in the target's convention: French `21h`, `19h30` ↔ English `9 pm`, `7:30 pm`. Only a
/// number token shaped like a French time and introduced by a word that marks a time of day (`à`,
/// `vers`, `dès`, `avant`, `après`, `entre`, `et`) is rewritten, so durations (`un set de 3h`) stay as written.
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
