#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import ParleyText

/// Reads a deals CSV: `#` comment lines, a header naming the eight columns (in any order), then one
/// deal per line. Every bad field is a diagnostic with file:line:column.
public enum DealsFile {
    static let columns = ["genre", "venue_type", "capacity", "region", "weekday", "month", "fee", "outcome"]

    /// Reads and parses a deals file.
    /// - Complexity: O(size of the file); a few milliseconds for thousands of rows. Uses Foundation
    ///   to read the file: call at start-up or on reload.
    /// - Throws: ``DiagnosticList`` with every problem found.
    public static func read(_ path: String) throws(DiagnosticList) -> [Deal] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([Diagnostic(file: path, message: "cannot read deals file: \(error)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(file: path, message: "deals file is not valid UTF-8")])
        }
        return try parse(text, path: path)
    }

    /// Parses deals CSV text (no quoting: fields never contain commas).
    public static func parse(_ text: String, path: String) throws(DiagnosticList) -> [Deal] {
        var diagnostics: [Diagnostic] = []
        var deals: [Deal] = []
        var order: [Int]?  // column index of each of `columns`
        var headerCount = 0
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            // Fields with their 1-based character column.
            var fields: [(text: String, column: Int)] = []
            var column = 1
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                var trimmed = field
                while trimmed.first == " " || trimmed.first == "\t" { trimmed = trimmed.dropFirst() }
                while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
                fields.append((String(trimmed), column))
                column += field.count + 1
            }
            guard let order else {
                let names = fields.map { $0.text.lowercased() }
                var found: [Int] = []
                for name in columns {
                    if let index = names.firstIndex(of: name) {
                        found.append(index)
                    } else {
                        diagnostics.append(Diagnostic(file: path, line: number, column: 1, message: "header lacks the column '\(name)'"))
                    }
                }
                if found.count != columns.count { throw DiagnosticList(diagnostics) }
                order = found
                headerCount = fields.count
                continue
            }
            guard fields.count == headerCount else {
                diagnostics.append(
                    Diagnostic(file: path, line: number, column: 1, message: "expected \(headerCount) fields as in the header, found \(fields.count)"))
                continue
            }
            func field(_ name: String) -> (text: String, column: Int) { fields[order[columns.firstIndex(of: name)!]] }
            var bad = false
            func integer(_ name: String, _ range: ClosedRange<Int>) -> Int {
                let (text, column) = field(name)
                guard let value = Int(text), range.contains(value) else {
                    diagnostics.append(
                        Diagnostic(file: path, line: number, column: column,
                                   message: "\(name) '\(text)' is not a whole number in \(range.lowerBound)…\(range.upperBound)"))
                    bad = true
                    return 0
                }
                return value
            }
            func word(_ name: String) -> String {
                let (text, column) = field(name)
                if text.isEmpty {
                    diagnostics.append(Diagnostic(file: path, line: number, column: column, message: "\(name) is empty"))
                    bad = true
                }
                return text.lowercased()
            }
            let genre = word("genre")
            let venueType = word("venue_type")
            let capacity = integer("capacity", 1...1_000_000)
            let region = word("region")
            let weekday = integer("weekday", 1...7)
            let month = integer("month", 1...12)
            let feeField = field("fee")
            let fee = Double(feeField.text) ?? -1
            if !(fee > 0 && fee.isFinite) {
                diagnostics.append(
                    Diagnostic(file: path, line: number, column: feeField.column, message: "fee '\(feeField.text)' is not a positive amount"))
                bad = true
            }
            let outcomeField = field("outcome")
            let outcome = Deal.Outcome(rawValue: outcomeField.text.lowercased())
            if outcome == nil {
                diagnostics.append(
                    Diagnostic(file: path, line: number, column: outcomeField.column,
                               message: "outcome '\(outcomeField.text)' is not one of signed, declined, expired"))
                bad = true
            }
            if bad { continue }
            deals.append(
                Deal(genre: genre, venueType: venueType, capacity: capacity, region: region, weekday: weekday,
                     month: month, fee: fee, outcome: outcome!))
        }
        if order == nil { diagnostics.append(Diagnostic(file: path, message: "deals file has no header line")) }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return deals
    }
}
