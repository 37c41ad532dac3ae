/// Reads the dates a search term can carry from digits: `15/03`, `15/03/2025`, `15.03.25`,
/// `2025-03-15`, and the day and year around a month name (`1er mars 2025`). No allocation.
enum DateReader {
    private static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    private static let ordinalSuffixes: [StaticString] = ["", "er", "e", "eme", "st", "nd", "rd", "th"]

    /// A numeric date: day/month[/year] (or month/day when `monthFirst` and the reading is
    /// ambiguous), or year-month-day. Separators `/`, `.`, `-`.
    static func numeric(_ text: UnsafeBufferPointer<UInt8>, monthFirst: Bool) -> (year: Int?, month: Int, day: Int)? {
        var fields: (Int, Int, Int, Int) = (0, 0, 0, 0)   // up to three numbers; .3 = count
        var lengths: (Int, Int, Int) = (0, 0, 0)
        var separator: UInt8 = 0
        var current = 0
        var length = 0
        var count = 0
        func store() -> Bool {
            guard length > 0, count < 3 else { return false }
            switch count {
            case 0: fields.0 = current; lengths.0 = length
            case 1: fields.1 = current; lengths.1 = length
            default: fields.2 = current; lengths.2 = length
            }
            count += 1
            current = 0
            length = 0
            return true
        }
        for byte in text {
            if byte >= 0x30 && byte <= 0x39 {
                guard length < 4 else { return nil }
                current = current * 10 + Int(byte - 0x30)
                length += 1
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                if separator == 0 { separator = byte } else if separator != byte { return nil }
                guard store() else { return nil }
            } else {
                return nil
            }
        }
        guard store(), count >= 2 else { return nil }
        if lengths.0 == 4 {
            guard count == 3, lengths.1 <= 2, lengths.2 <= 2 else { return nil }
            return (fields.0, fields.1, fields.2)
        }
        guard lengths.0 <= 2, lengths.1 <= 2 else { return nil }
        var year: Int?
        if count == 3 {
            guard lengths.2 == 2 || lengths.2 == 4 else { return nil }
            year = lengths.2 == 2 ? 2000 + fields.2 : fields.2
        } else if separator == UInt8(ascii: ".") {
            return nil  // 15.03 reads as a decimal number more often than as a date
        }
        let (first, second) = (fields.0, fields.1)
        let monthFirstReading = first <= 12 && second > 12 || (monthFirst && first <= 12 && second <= 12)
        return monthFirstReading ? (year, first, second) : (year, second, first)
    }

    /// A day number: `1`–`31`, optionally followed by an ordinal suffix (`1er`, `2nd`, `3rd`, `15th`, `2e`).
    static func day(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        var index = 0
        while index < text.count, text[index] >= 0x30, text[index] <= 0x39 {
            value = value * 10 + Int(text[index] - 0x30)
            digits += 1
            index += 1
        }
        guard digits >= 1, digits <= 2, value >= 1, value <= 31 else { return nil }
        let suffix = UnsafeBufferPointer(rebasing: text[index...])
        for candidate in ordinalSuffixes where candidate.utf8CodeUnitCount == suffix.count {
            if candidate.withUTF8Buffer({ $0.elementsEqual(suffix) }) { return value }
        }
        return nil
    }

    /// A four-digit year from 1900 to 2199.
    static func year(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count == 4 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return (1900...2199).contains(value) ? value : nil
    }

    static func isValid(month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth[month - 1]
    }

    /// Appends `YYYY-MM-DD`, or `--MM-DD` without a year (ISO 8601).
    static func writeISO(year: Int?, month: Int, day: Int, into output: inout [UInt8]) {
        func two(_ value: Int) {
            output.append(UInt8(0x30 + value / 10))
            output.append(UInt8(0x30 + value % 10))
        }
        if let year {
            two(year / 100)
            two(year % 100)
        } else {
            output.append(UInt8(ascii: "-"))
        }
        output.append(UInt8(ascii: "-"))
        two(month)
        output.append(UInt8(ascii: "-"))
        two(day)
    }
}
