#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The deals file, compiled at load: the contextual factors fitted on signed deals, and for every
/// similar-deal group the sorted fees normalized to a common context, so that a request costs a few
/// dictionary look-ups and binary searches.
///
/// The fit: `log(fee) = cell + b·x` over signed deals, with a fixed effect per cell (genre family ×
/// region) and `x` = (weekend night, festival, summer month, log2 capacity); least squares on the
/// within-cell deviations. A deal's normalized fee is `log(fee) - b·x`; the fee of a similar deal
/// brought to the request's context is `exp(normalized + b·x_request)`, so quantiles of the
/// normalized fees give the range at once.
struct MarketModel: Sendable {
    struct GroupKey: Hashable, Sendable {
        var family: Int32
        var band: Int32
        var region: Int32
    }

    struct Group: Sendable {
        /// Normalized log fees of signed deals, sorted.
        var signed: [Double] = []
        /// Normalized log fees of declined and expired deals, sorted.
        var other: [Double] = []
    }

    static let any: Int32 = -1
    /// Similar-deal matches from the strictest to the loosest: (genre, band, region) flags.
    static let tiers: [(genre: Bool, band: Bool, region: Bool)] = [
        (true, true, true), (true, false, true), (true, true, false), (true, false, false), (false, false, false),
    ]

    let settings: NegotiationSettings
    /// Fitted coefficients for (weekend, festival, summer, log2 capacity).
    let coefficients: [Double]
    /// Mean of each feature over all deals: stands in for what the caller does not know.
    let featureMeans: [Double]
    /// Family name → id; genres resolve through ``familyOfGenre``.
    let families: [String: Int32]
    let familyOfGenre: [String: String]
    let regions: [String: Int32]
    let groups: [GroupKey: Group]
    let dealCount: Int

    /// - Parameter familyOfGenre: genre → family name, from `genres.map`.
    init(deals: [Deal], familyOfGenre: [String: String], settings: NegotiationSettings) {
        self.settings = settings
        var families: [String: Int32] = [:]
        var regions: [String: Int32] = [:]
        func id(_ name: String, in table: inout [String: Int32]) -> Int32 {
            if let id = table[name] { return id }
            let id = Int32(table.count)
            table[name] = id
            return id
        }
        var familyIDs: [Int32] = []
        var regionIDs: [Int32] = []
        var features: [[Double]] = []
        for deal in deals {
            familyIDs.append(id(familyOfGenre[deal.genre] ?? deal.genre, in: &families))
            regionIDs.append(id(deal.region, in: &regions))
            features.append(Self.features(of: deal, settings: settings))
        }
        self.families = families
        self.familyOfGenre = familyOfGenre
        self.regions = regions
        let dimensions = 4
        featureMeans = (0..<dimensions).map { d in features.isEmpty ? 0 : features.map { $0[d] }.reduce(0, +) / Double(features.count) }
        coefficients = Self.fit(deals: deals, features: features, cells: zip(familyIDs, regionIDs).map { Int($0) << 20 | Int($1) })

        var groups: [GroupKey: Group] = [:]
        for (index, deal) in deals.enumerated() {
            var normalized = log(deal.fee)
            for d in 0..<dimensions { normalized -= coefficients[d] * features[index][d] }
            let band = Int32(settings.band(ofCapacity: deal.capacity))
            for tier in Self.tiers {
                let key = GroupKey(
                    family: tier.genre ? familyIDs[index] : Self.any, band: tier.band ? band : Self.any,
                    region: tier.region ? regionIDs[index] : Self.any)
                if deal.outcome == .signed {
                    groups[key, default: Group()].signed.append(normalized)
                } else {
                    groups[key, default: Group()].other.append(normalized)
                }
            }
        }
        for key in Array(groups.keys) {
            groups[key]!.signed.sort()
            groups[key]!.other.sort()
        }
        self.groups = groups
        dealCount = deals.count
    }

    static func features(of deal: Deal, settings: NegotiationSettings) -> [Double] {
        [
            settings.weekendDays.contains(deal.weekday) ? 1 : 0,
            settings.festivalVenueTypes.contains(deal.venueType) ? 1 : 0,
            settings.summerMonths.contains(deal.month) ? 1 : 0,
            log2(Double(deal.capacity)),
        ]
    }

    /// Within-cell least squares on signed deals; a feature that never varies gets 0.
    static func fit(deals: [Deal], features: [[Double]], cells: [Int]) -> [Double] {
        let dimensions = 4
        var sums: [Int: (count: Double, y: Double, x: [Double])] = [:]
        for (index, deal) in deals.enumerated() where deal.outcome == .signed {
            var entry = sums[cells[index], default: (0, 0, [Double](repeating: 0, count: dimensions))]
            entry.count += 1
            entry.y += log(deal.fee)
            for d in 0..<dimensions { entry.x[d] += features[index][d] }
            sums[cells[index]] = entry
        }
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: dimensions)
        var vector = [Double](repeating: 0, count: dimensions)
        for (index, deal) in deals.enumerated() where deal.outcome == .signed {
            let cell = sums[cells[index]]!
            let y = log(deal.fee) - cell.y / cell.count
            let x = (0..<dimensions).map { features[index][$0] - cell.x[$0] / cell.count }
            for r in 0..<dimensions {
                vector[r] += x[r] * y
                for c in 0..<dimensions { matrix[r][c] += x[r] * x[c] }
            }
        }
        // A small ridge keeps a feature that never varies (no festival in the file) at 0.
        for d in 0..<dimensions { matrix[d][d] += 1e-9 + matrix[d][d] * 1e-12 }
        return solve(matrix, vector)
    }

    /// Gaussian elimination with partial pivoting on a small system.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var a = a
        var b = b
        let n = b.count
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            guard abs(a[column][column]) > 1e-12 else { continue }
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                for c in column..<n { a[row][c] -= factor * a[column][c] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            guard abs(a[row][row]) > 1e-12 else { continue }
            var sum = b[row]
            for c in (row + 1)..<n { sum -= a[row][c] * x[c] }
            x[row] = sum / a[row][row]
        }
        return x
    }

    /// The measured factors, one per feature (capacity as the effect of doubling it).
    var factors: [MarketFactor] {
        zip(MarketFactor.Kind.allCases, coefficients).map { MarketFactor(kind: $0, effect: exp($1) - 1) }
    }

    /// What a request's context contributes: `b·x_request`, unknown features at their mean.
    func contextOffset(_ context: DealContext) -> Double {
        let s = settings
        let x0 = context.weekday.map { s.weekendDays.contains($0) ? 1.0 : 0.0 } ?? featureMeans[0]
        let x1 = context.venueType.map { s.festivalVenueTypes.contains($0) ? 1.0 : 0.0 } ?? featureMeans[1]
        let x2 = context.month.map { s.summerMonths.contains($0) ? 1.0 : 0.0 } ?? featureMeans[2]
        let x3 = context.capacity.map { log2(Double(max(1, $0))) } ?? featureMeans[3]
        return coefficients[0] * x0 + coefficients[1] * x1 + coefficients[2] * x2 + coefficients[3] * x3
    }

    /// The strictest group with enough signed deals, and which tier it is.
    /// - Complexity: at most five dictionary look-ups; no allocation.
    func similarGroup(_ context: DealContext) -> (group: Group, tier: (genre: Bool, band: Bool, region: Bool))? {
        let family = families[familyOfGenre[context.genre] ?? context.genre]
        let region = context.region.flatMap { regions[$0] }
        let band = context.capacity.map { Int32(settings.band(ofCapacity: $0)) }
        var fallback: (Group, (genre: Bool, band: Bool, region: Bool))?
        for tier in Self.tiers {
            if tier.genre && family == nil || tier.band && band == nil || tier.region && region == nil { continue }
            let key = GroupKey(
                family: tier.genre ? family! : Self.any, band: tier.band ? band! : Self.any,
                region: tier.region ? region! : Self.any)
            guard let group = groups[key], !group.signed.isEmpty else { continue }
            if group.signed.count >= settings.similarMinDeals { return (group, tier) }
            if fallback == nil { fallback = (group, tier) }
        }
        return fallback
    }

    /// Linear-interpolated quantile of a sorted, non-empty list.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }

    /// How many values of a sorted list lie in `range`. O(log n).
    static func count(_ sorted: [Double], in range: ClosedRange<Double>) -> Int {
        func firstIndex(where predicate: (Double) -> Bool) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if predicate(sorted[mid]) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        return firstIndex { $0 > range.upperBound } - firstIndex { $0 >= range.lowerBound }
    }
}
