import ParleyText

/// The thresholds of `Lexicons/negotiation/settings.map`: warnings, ranges, similar-deal matching,
/// factor reporting, reminders and timeline alerts.
public struct NegotiationSettings: Hashable, Sendable {
    /// Warn when a price is this fraction below the median of similar deals.
    public var warnBelow = 0.30
    /// Warn when a price is this fraction above it.
    public var warnAbove = 0.50
    public var rangeLowQuantile = 0.25
    public var rangeHighQuantile = 0.75
    /// Relax the similar-deal match until at least this many deals are found.
    public var similarMinDeals = 25
    /// Deals within this fraction of a price count as "at this price".
    public var nearTolerance = 0.10
    /// The closed share is given only over at least this many deals near the price.
    public var nearMinDeals = 8
    /// A contextual factor is reported when it moves the price by at least this fraction.
    public var factorMinEffect = 0.05
    /// Upper bounds of the capacity bands (the last band is open).
    public var capacityBands: [Int] = [120, 300, 700, 1500, 5000]
    /// ISO weekdays (Monday 1 … Sunday 7) counted as weekend nights.
    public var weekendDays: [Int] = [5, 6]
    public var summerMonths: [Int] = [6, 7, 8]
    public var festivalVenueTypes: [String] = ["festival"]
    /// VAT rate used to bring a TTC price back before tax.
    public var vatRate = 0.055
    /// A fee word at most this many words before a bare number makes it a fee.
    public var bareNumberWindow = 4
    public var bareNumberMin = 50.0
    public var bareNumberMax = 1_000_000.0
    /// Checklist reminders start after this many messages.
    public var remindersAfterMessages = 4
    /// Timeline alerts for deadlines at most this many days ahead.
    public var timelineAlertDays = 7.0

    public init() {}

    /// The capacity band of a venue size (0 for the smallest).
    func band(ofCapacity capacity: Int) -> Int {
        var band = 0
        while band < capacityBands.count && capacity > capacityBands[band] { band += 1 }
        return band
    }

    /// Reads a settings file over the defaults; every bad line is a diagnostic.
    static func parse(_ file: TableFile, diagnostics: inout [Diagnostic]) -> NegotiationSettings {
        var settings = NegotiationSettings()
        for line in file.lines {
            let key = line.texts[0]
            let values = Array(line.texts.dropFirst())
            func fail(_ message: String, field: Int = 1) {
                let column = field < line.columns.count ? line.columns[field] : line.columns[0]
                diagnostics.append(Diagnostic(file: file.path, line: line.number, column: column, message: message))
            }
            func fraction(_ assign: (Double) -> Void, range: ClosedRange<Double> = 0...1) {
                guard values.count == 1, let value = Double(values[0]), range.contains(value) else {
                    return fail("'\(key)' expects one number in \(range.lowerBound)…\(range.upperBound)")
                }
                assign(value)
            }
            func count(_ assign: (Int) -> Void) {
                guard values.count == 1, let value = Int(values[0]), value >= 0 else {
                    return fail("'\(key)' expects one whole number ≥ 0")
                }
                assign(value)
            }
            func integers(_ valid: ClosedRange<Int>, _ assign: ([Int]) -> Void) {
                let parsed = values.compactMap { Int($0) }.filter { valid.contains($0) }
                guard !values.isEmpty, parsed.count == values.count else {
                    return fail("'\(key)' expects whole numbers in \(valid.lowerBound)…\(valid.upperBound)")
                }
                assign(parsed)
            }
            switch key {
            case "warn.below": fraction { settings.warnBelow = $0 }
            case "warn.above": fraction({ settings.warnAbove = $0 }, range: 0...10)
            case "range.low-quantile": fraction { settings.rangeLowQuantile = $0 }
            case "range.high-quantile": fraction { settings.rangeHighQuantile = $0 }
            case "similar.min-deals": count { settings.similarMinDeals = max(1, $0) }
            case "near.tolerance": fraction { settings.nearTolerance = $0 }
            case "near.min-deals": count { settings.nearMinDeals = max(1, $0) }
            case "factor.min-effect": fraction { settings.factorMinEffect = $0 }
            case "capacity.bands":
                integers(1...1_000_000) { bands in
                    if bands != bands.sorted() || Set(bands).count != bands.count {
                        fail("'capacity.bands' must be increasing")
                    } else {
                        settings.capacityBands = bands
                    }
                }
            case "weekend.days": integers(1...7) { settings.weekendDays = $0 }
            case "summer.months": integers(1...12) { settings.summerMonths = $0 }
            case "festival.venue-types":
                if values.isEmpty { fail("'festival.venue-types' expects venue types") } else { settings.festivalVenueTypes = values }
            case "vat.rate": fraction { settings.vatRate = $0 }
            case "bare-number.window": count { settings.bareNumberWindow = $0 }
            case "bare-number.min": fraction({ settings.bareNumberMin = $0 }, range: 0...1e9)
            case "bare-number.max": fraction({ settings.bareNumberMax = $0 }, range: 0...1e12)
            case "reminders.after-messages": count { settings.remindersAfterMessages = $0 }
            case "timeline.alert-days": fraction({ settings.timelineAlertDays = $0 }, range: 0...365)
            default:
                diagnostics.append(
                    Diagnostic(file: file.path, line: line.number, column: line.columns[0], message: "unknown setting '\(key)'"))
            }
        }
        if settings.rangeLowQuantile >= settings.rangeHighQuantile {
            diagnostics.append(Diagnostic(file: file.path, message: "range.low-quantile must be below range.high-quantile"))
        }
        if settings.bareNumberMin >= settings.bareNumberMax {
            diagnostics.append(Diagnostic(file: file.path, message: "bare-number.min must be below bare-number.max"))
        }
        return settings
    }
}
