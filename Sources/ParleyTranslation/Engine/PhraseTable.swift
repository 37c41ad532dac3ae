/// The phrase table of one direction: source phrases (word-id sequences, sorted) and, for each, its
/// best target phrases with four features (log p(t|s), log p(s|t), lexical weights both ways).
struct PhraseTable: Sendable {
    static let featureCount = 4
    let sourceWords: [String]
    let sourceIDs: [String: Int32]
    let targetWords: [String]
    let targetIDs: [String: Int32]
    let phraseOffsets: [UInt32]
    let phraseWords: [UInt32]
    let optionFirst: [UInt32]
    let optionOffsets: [UInt32]
    let optionWords: [UInt32]
    let features: [Float]

    init(reader: inout ModelReader) throws(TranslationError) {
        sourceWords = try reader.section("source vocabulary") { (r: inout ModelReader) throws(TranslationError) in try r.strings() }
        targetWords = try reader.section("target vocabulary") { (r: inout ModelReader) throws(TranslationError) in try r.strings() }
        let sourceVocabularySize = sourceWords.count, targetVocabularySize = targetWords.count
        let (offsets, words) = try reader.section("source phrases") { (r: inout ModelReader) throws(TranslationError) -> ([UInt32], [UInt32]) in
            let count = Int(try r.u32())
            let offsets = try r.array(UInt32.self, count: count + 1)
            return (offsets, try r.wordIDs(count: Int(offsets.last ?? 0), vocabularySize: sourceVocabularySize))
        }
        phraseOffsets = offsets
        phraseWords = words
        let phraseCount = offsets.count - 1
        optionFirst = try reader.section("option ranges") { (r: inout ModelReader) throws(TranslationError) in
            try r.array(UInt32.self, count: phraseCount + 1)
        }
        let options = try reader.section("options") { (r: inout ModelReader) throws(TranslationError) -> ([UInt32], [UInt32], [Float]) in
            let count = Int(try r.u32())
            let offsets = try r.array(UInt32.self, count: count + 1)
            let words = try r.wordIDs(count: Int(offsets.last ?? 0), vocabularySize: targetVocabularySize)
            return (offsets, words, try r.floats(count: count * PhraseTable.featureCount))
        }
        (optionOffsets, optionWords, features) = options
        sourceIDs = Self.index(sourceWords)
        targetIDs = Self.index(targetWords, lowercasing: true)
        let sourceCount = UInt32(sourceWords.count), targetCount = UInt32(targetWords.count)
        try reader.check(phraseWords.allSatisfy { $0 < sourceCount }, "a source phrase names a word outside the vocabulary")
        try reader.check(optionWords.allSatisfy { $0 < targetCount }, "a target phrase names a word outside the vocabulary")
        try reader.check(optionFirst.last.map { Int($0) == optionOffsets.count - 1 } ?? false, "option ranges do not cover the options")
        try reader.check(zip(phraseOffsets, phraseOffsets.dropFirst()).allSatisfy { $0 <= $1 }, "phrase offsets out of order")
        try reader.check(zip(optionOffsets, optionOffsets.dropFirst()).allSatisfy { $0 <= $1 }, "option offsets out of order")
        try reader.check(zip(optionFirst, optionFirst.dropFirst()).allSatisfy { $0 <= $1 }, "option ranges out of order")
    }

    /// Word → id. With `lowercasing`, a word written with capitals in the model (English month and day
    /// names, names from the dictionary: "November") is found by its lower-cased form, which is how
    /// callers spell lookups; a word already present in lower case keeps its own id.
    private static func index(_ words: [String], lowercasing: Bool = false) -> [String: Int32] {
        var ids = [String: Int32](minimumCapacity: words.count)
        for (id, word) in words.enumerated() { ids[word] = Int32(id) }
        guard lowercasing else { return ids }
        for (id, word) in words.enumerated() where hasCapital(word) {
            let lower = word.lowercased()
            if lower != word && ids[lower] == nil { ids[lower] = Int32(id) }
        }
        return ids
    }

    /// An ASCII capital anywhere or a Latin-1 capital first ("École"): cheap, no allocation.
    private static func hasCapital(_ word: String) -> Bool {
        var utf8 = word.utf8.makeIterator()
        if utf8.next() == 0xC3, let second = utf8.next(), (0x80...0x9E).contains(second), second != 0x97 { return true }
        return word.utf8.contains { (0x41...0x5A).contains($0) }
    }

    var phraseCount: Int { phraseOffsets.count - 1 }

    /// The phrase whose words are `ids[range]`, by binary search over the sorted phrases.
    /// - Complexity: O(log phrases × phrase length), no allocation.
    func phrase(_ ids: UnsafeBufferPointer<Int32>, _ range: Range<Int>) -> Int? {
        var low = 0, high = phraseCount
        while low < high {
            let middle = (low + high) / 2
            let order = compare(phrase: middle, ids, range)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Negative when the stored phrase sorts before the query, 0 when equal, positive after.
    private func compare(phrase: Int, _ ids: UnsafeBufferPointer<Int32>, _ range: Range<Int>) -> Int {
        let start = Int(phraseOffsets[phrase]), stop = Int(phraseOffsets[phrase + 1])
        var k = 0
        while start + k < stop && range.lowerBound + k < range.upperBound {
            let a = phraseWords[start + k], b = UInt32(bitPattern: ids[range.lowerBound + k])
            if a != b { return a < b ? -1 : 1 }
            k += 1
        }
        return (stop - start) - range.count
    }

    /// The options of a phrase (indices into the option arrays).
    func options(of phrase: Int) -> Range<Int> { Int(optionFirst[phrase])..<Int(optionFirst[phrase + 1]) }

    /// The target word ids of an option.
    func targetRange(of option: Int) -> Range<Int> { Int(optionOffsets[option])..<Int(optionOffsets[option + 1]) }
}
