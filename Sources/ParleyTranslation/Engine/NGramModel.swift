/// A target-language back-off n-gram model (3-gram, modified Kneser-Ney, from the training script).
/// N-grams are keys of word ids + 1 in 20-bit fields, stored sorted, looked up through a hash index.
struct NGramModel: Sendable {
    let keys: [UInt64]
    let logProbabilities: [Float]
    let backoffs: [Float]
    let beginOfSentence: Int32
    let endOfSentence: Int32
    let unknown: Int32
    /// log10 probability of a word the model never saw.
    static let unknownLogProbability: Float = -7

    init(reader: inout ModelReader, vocabularySize: Int) throws(TranslationError) {
        let values = try reader.section("language model") { (r: inout ModelReader) throws(TranslationError) -> ([UInt64], [Float], [Float], [UInt32]) in
            let count = Int(try r.u32())
            let keys = try r.array(UInt64.self, count: count)
            let probabilities = try r.floats(count: count)
            let backoffs = try r.floats(count: count)
            return (keys, probabilities, backoffs, try r.array(UInt32.self, count: 3))
        }
        (keys, logProbabilities, backoffs) = (values.0, values.1, values.2)
        try reader.check(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "language model keys are not sorted")
        try reader.check(values.3.allSatisfy { Int($0) < vocabularySize }, "language model markers outside the vocabulary")
        (slots, shift) = Self.buildSlots(values.0)
        beginOfSentence = Int32(values.3[0])
        endOfSentence = Int32(values.3[1])
        unknown = Int32(values.3[2])
    }

    /// Open-addressing index over ``keys`` (built at load: one multiply-shift hash and linear probing,
    /// at most half full), so that a lookup is one or two probes instead of a binary search.
    private let slots: [Int32]
    private let shift: UInt64

    private static func buildSlots(_ keys: [UInt64]) -> (slots: [Int32], shift: UInt64) {
        var bits: UInt64 = 4
        while (1 << bits) < keys.count * 2 { bits += 1 }
        var slots = [Int32](repeating: -1, count: 1 << Int(bits))
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
        return (slots, 64 - bits)
    }

    @inline(__always) private func find(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if keys[Int(index)] == key { return Int(index) }
            slot = (slot + 1) & mask
        }
    }

    /// log10 p(w | u v) with back-off. Negative ids (words outside the target vocabulary) score as unknown.
    /// - Complexity: at most five hash lookups, no allocation.
    func logProbability(_ u: Int32, _ v: Int32, _ w: Int32) -> Float {
        if w < 0 { return Self.unknownLogProbability }
        let validU = u >= 0, validV = v >= 0
        let u1 = UInt64(validU ? u + 1 : 0), v1 = UInt64(validV ? v + 1 : 0), w1 = UInt64(w + 1)
        if validU && validV, let i = find(u1 << 40 | v1 << 20 | w1) { return logProbabilities[i] }
        var backoff: Float = 0
        if validU && validV, let j = find(u1 << 20 | v1) { backoff += backoffs[j] }
        if validV, let i = find(v1 << 20 | w1) { return backoff + logProbabilities[i] }
        if validV, let j = find(v1) { backoff += backoffs[j] }
        if let i = find(w1) { return backoff + logProbabilities[i] }
        return backoff + Self.unknownLogProbability
    }
}
