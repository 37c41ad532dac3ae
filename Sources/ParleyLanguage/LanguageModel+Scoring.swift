/// Per-word scoring, mirrored from `Scripts/langid/langid_model.py` (`Tables.word_scores`): the same
/// bytes are hashed, the same quantized values are added, so the training script's measurements
/// hold for this code.
extension LanguageModel {
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    /// Words longer than this (in code points) carry no evidence: they are junk or glued text.
    static let maximumWordLength = 64
    /// Bytes a scratch buffer needs: the longest word in UTF-8 plus the two edge markers.
    static let scratchBytes = maximumWordLength * 4 + 2
    static let openMarker: UInt8 = 0x3C  // '<'
    static let closeMarker: UInt8 = 0x3E  // '>'

    @inline(__always)
    static func fnv(_ seed: UInt64, _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = seed
        for index in range { hash = (hash ^ UInt64(bytes[index])) &* fnvPrime }
        return hash
    }

    /// The slot of a hash in a table, or -1. The FNV-1a hash is mixed first (MurmurHash3's
    /// finalizer: FNV's low bits barely change between short n-grams); linear probing from
    /// `(high 32 bits × capacity) >> 32`, the low 32 bits are the stored fingerprint.
    @inline(__always)
    static func find(_ keys: UnsafeBufferPointer<UInt32>, _ hash: UInt64) -> Int {
        var mixed = hash ^ (hash >> 33)
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        let capacity = keys.count
        var slot = Int(truncatingIfNeeded: ((mixed >> 32) &* UInt64(capacity)) >> 32)
        let fingerprint = UInt32(truncatingIfNeeded: mixed) | 1
        while true {
            let key = keys[slot]
            if key == fingerprint { return slot }
            if key == 0 { return -1 }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    /// Scores one lower-cased word: each language's log-likelihood relative to the word's best
    /// language, capped at ``wordCap`` below it. Lanes past ``languages`` are `-wordCap`.
    ///
    /// - Parameters:
    ///   - scratch: at least ``scratchBytes`` bytes, whose first `length + 2` bytes are
    ///     `'<' word '>'` (the word starts at `scratch + 1`).
    ///   - offsets: room for `maximumWordLength + 3` integers.
    /// - Returns: `nil` when the word is too long to be evidence; `known` tells whether the word
    ///   table had it.
    /// - Complexity: one hash lookup for a known word, else up to five per character. No allocation.
    ///   - knownOnly: answer `nil` for a word the table lacks instead of scoring its characters (a
    ///     capitalized word inside a sentence counts only when known: otherwise it is a name).
    func scoreWord(
        scratch: UnsafeMutablePointer<UInt8>, length: Int, offsets: UnsafeMutablePointer<Int>, knownOnly: Bool = false
    ) -> (scores: SIMD8<Float>, known: Bool)? {
        let count = languages.count
        var scores = SIMD8<Float>(repeating: -wordCap)
        let wordHash = Self.fnv(Self.fnvOffset, scratch, 1..<(length + 1))
        let wordSlot = Self.find(wordKeys, wordHash)
        if wordSlot >= 0 {
            let base = wordSlot * count
            for k in 0..<count { scores[k] = -distances[Int(wordValues[base + k])] }
            return (scores, true)
        }
        if knownOnly { return nil }
        // Code point boundaries of '<' word '>'.
        var characters = 0
        let end = length + 2
        for index in 0..<end where scratch[index] & 0xC0 != 0x80 {
            if characters > Self.maximumWordLength + 1 { return nil }
            offsets[characters] = index
            characters += 1
        }
        offsets[characters] = end
        var totals = SIMD8<Float>(repeating: 0)
        let all: UInt32 = (1 << UInt32(count)) - 1
        for position in 1..<characters {
            var resolved: UInt32 = 0
            var penalty = SIMD8<Float>(repeating: 0)
            var order = min(maxOrder, position + 1)
            while order >= 1 {
                let start = offsets[position - order + 1]
                let contextHash = Self.fnv(Self.fnvOffset, scratch, start..<offsets[position])
                let gramHash = Self.fnv(contextHash, scratch, offsets[position]..<offsets[position + 1])
                let gram = Self.find(ngramKeys, gramHash)
                let context = order > 1 ? Self.find(ngramKeys, contextHash) : -1
                for k in 0..<count where resolved & (1 << UInt32(k)) == 0 {
                    if gram >= 0, case let p = ngramP[gram * count + k], p != Self.absent {
                        totals[k] += penalty[k] + levels[Int(p)]
                        resolved |= 1 << UInt32(k)
                    } else if context >= 0, case let lambda = ngramLambda[context * count + k], lambda != Self.absent {
                        penalty[k] += levels[Int(lambda)]
                    }
                }
                if resolved == all { break }
                order -= 1
            }
            if resolved != all {
                for k in 0..<count where resolved & (1 << UInt32(k)) == 0 { totals[k] += penalty[k] + unseen }
            }
        }
        var best = totals[0]
        for k in 1..<count where totals[k] > best { best = totals[k] }
        for k in 0..<count { scores[k] = max(totals[k] - best, -wordCap) }
        return (scores, false)
    }

    /// Appends `bytes` lower-cased the way the trainer does (ASCII and Latin-1 capitals, `Œ`, `ẞ`;
    /// `’` and `ʼ` become `'`; zero-width characters, soft hyphens and BOMs are dropped) at
    /// `output + length`, and returns the new length, or `nil` when it would pass `capacity`.
    /// - Complexity: O(n), no allocation.
    static func appendFolded(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: UnsafeMutablePointer<UInt8>, length: Int, capacity: Int
    ) -> Int? {
        var out = length
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            var width = 1
            var replacement: (UInt8, UInt8, Int)? = nil  // up to two bytes, count
            if byte < 0x80 {
                replacement = (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte, 0, 1)
            } else if byte >= 0xC0 && byte < 0xE0 && index + 1 < end {
                width = 2
                let next = bytes[index + 1]
                if byte == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97 {
                    replacement = (0xC3, next + 0x20, 2)
                } else if byte == 0xC5 && next == 0x92 {
                    replacement = (0xC5, 0x93, 2)
                } else if byte == 0xCA && next == 0xBC {
                    replacement = (0x27, 0, 1)
                } else if byte == 0xC2 && next == 0xAD {
                    replacement = (0, 0, 0)
                }
            } else if byte >= 0xE0 && byte < 0xF0 && index + 2 < end {
                width = 3
                let b1 = bytes[index + 1], b2 = bytes[index + 2]
                if byte == 0xE2 && b1 == 0x80 && b2 == 0x99 {
                    replacement = (0x27, 0, 1)
                } else if byte == 0xE1 && b1 == 0xBA && b2 == 0x9E {
                    replacement = (0xC3, 0x9F, 2)
                } else if (byte == 0xE2 && b1 == 0x80 && (0x8B...0x8D).contains(b2)) || (byte == 0xE2 && b1 == 0x81 && b2 == 0xA0)
                    || (byte == 0xEF && b1 == 0xBB && b2 == 0xBF)
                {
                    replacement = (0, 0, 0)
                }
            } else if byte >= 0xF0 {
                width = 4
            }
            width = min(width, end - index)
            if let (first, second, count) = replacement {
                if out + count > capacity { return nil }
                if count >= 1 { output[out] = first }
                if count == 2 { output[out + 1] = second }
                out += count
            } else {
                if out + width > capacity { return nil }
                for offset in 0..<width { output[out + offset] = bytes[index + offset] }
                out += width
            }
            index += width
        }
        return out
    }
}
