#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyText

/// The trade vocabulary of one language, compiled once into a compact trie for completion.
///
/// Immutable and `Sendable`: one instance serves every request. Build it with
/// ``load(directory:language:resources:)`` (the `Lexicons/vocabulary/` folder) or
/// ``init(entries:segmenter:)``; then ``complete(_:limit:recent:)`` runs in a few microseconds
/// with no Foundation and no allocation per visited node.
public final class Vocabulary: Sendable {
    /// The most suggestions a completion returns.
    public static let maximumLimit = VocabularyTrie.topCapacity
    /// Prefixes of at least this many folded characters also match with one edit (typo, missing or
    /// extra letter, two letters swapped).
    public static let typoMinimumLength = 4
    /// Leading folded characters trusted as typed: typos are looked for after them. People rarely
    /// mistype the first letter, and Lucene's fuzzy suggester makes the same choice
    /// (`nonFuzzyPrefix` = 1); it spares a pass over every first letter of the vocabulary.
    public static let typoFreePrefixLength = 1
    /// Score bonus when the prefix is a whole form (the user typed the full word).
    public static let wholeFormBonus: Double = 15
    /// Longest folded prefix considered; longer prefixes are cut (no key is that long).
    static let maximumPrefixBytes = 96

    /// The language code (`fr`, `en`), or empty for a vocabulary built from entries.
    public let language: String
    /// Entries after merging (same kind and folded canonical form), in load order.
    public let entries: [VocabularyEntry]
    /// Warnings found while loading (errors throw).
    public let warnings: [Diagnostic]

    let trie: VocabularyTrie
    /// Every form's text; a pair's form indexes here.
    let forms: [String]
    /// Each entry's weight and canonical length in bytes (frozen for the completion's inner loops).
    let entryWeight: FrozenBuffer<Int32>
    let entryCanonicalLength: FrozenBuffer<Int32>
    /// Each entry's canonical form and kind, read without copying the whole entry.
    let canonicals: [String]
    let kinds: [VocabularyKind]
    let folder: CodePointFolder

    /// Compiles entries. Entries of the same kind whose canonical forms fold the same are merged:
    /// the heavier entry's canonical form and weight are kept, the other forms become variants.
    /// - Parameter segmenter: folds each form exactly as messages are folded; each form is also
    ///   indexed under its code-point folding (what a user's prefix folds to), when different.
    /// - Complexity: O(total length of the forms × log); load-time only.
    public init(entries input: [VocabularyEntry], segmenter: Segmenter, language: String = "", warnings: [Diagnostic] = []) {
        let folder = CodePointFolder.shared
        var merged: [VocabularyEntry] = []
        var index: [String: Int] = [:]
        for entry in input {
            let id = entry.kind.rawValue + "|" + String(decoding: folder.fold(entry.canonical), as: UTF8.self)
            if let existing = index[id] {
                // The heavier entry (a curated one over a seeded one) gives the canonical spelling.
                var kept = merged[existing]
                var other = entry
                if entry.weight > kept.weight { swap(&kept, &other) }
                for form in other.forms where !kept.forms.contains(form) { kept.variants.append(form) }
                merged[existing] = kept
            } else {
                index[id] = merged.count
                merged.append(entry)
            }
        }

        var forms: [String] = []
        var formIsCanonical: [Bool] = []
        var keys: [(key: [UInt8], entry: Int32, form: Int32)] = []
        for (entryIndex, entry) in merged.enumerated() {
            for (position, form) in entry.forms.enumerated() {
                let formIndex = Int32(forms.count)
                forms.append(form)
                formIsCanonical.append(position == 0)
                let byCodePoint = folder.fold(form)
                let byMessage = Array(segmenter.fold(form).utf8.filter { $0 != UInt8(ascii: " ") })
                keys.append((byCodePoint, Int32(entryIndex), formIndex))
                if byMessage != byCodePoint { keys.append((byMessage, Int32(entryIndex), formIndex)) }
            }
        }
        let weights = merged.map { Int32($0.weight) }
        let canonicalLengths = merged.map { Int32($0.canonical.utf8.count) }
        self.trie = VocabularyTrie(keys: keys) { lhs, rhs in
            let leftWeight = weights[Int(lhs.entry)]
            let rightWeight = weights[Int(rhs.entry)]
            if leftWeight != rightWeight { return leftWeight > rightWeight }
            let leftCanonical = formIsCanonical[Int(lhs.form)]
            let rightCanonical = formIsCanonical[Int(rhs.form)]
            if leftCanonical != rightCanonical { return leftCanonical }
            let leftLength = canonicalLengths[Int(lhs.entry)]
            let rightLength = canonicalLengths[Int(rhs.entry)]
            if leftLength != rightLength { return leftLength < rightLength }
            return lhs.entry < rhs.entry
        }
        self.language = language
        self.entries = merged
        self.warnings = warnings
        self.forms = forms
        self.entryWeight = FrozenBuffer(weights)
        self.entryCanonicalLength = FrozenBuffer(canonicalLengths)
        self.canonicals = merged.map(\.canonical)
        self.kinds = merged.map(\.kind)
        self.folder = folder
    }

    /// Loads `common/*.vocab` then `<language>/*.vocab` from a vocabulary folder and compiles them.
    /// - Throws: ``DiagnosticList`` with every error (file:line:column) when any file is bad; the
    ///   caller keeps serving its previous vocabulary.
    public static func load(directory: String, language: String, resources: TextResources) throws(DiagnosticList) -> Vocabulary {
        var diagnostics: [Diagnostic] = []
        var entries: [VocabularyEntry] = []
        let languageFolder = directory + "/" + language
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: languageFolder, isDirectory: &isDirectory), isDirectory else {
            throw DiagnosticList([Diagnostic(file: languageFolder, message: "no vocabulary folder for language '\(language)'")])
        }
        for folder in [directory + "/common", languageFolder] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".vocab") }.sorted()
            for name in names {
                do {
                    let file = try VocabularyFile.read(folder + "/" + name)
                    entries += file.entries
                    diagnostics += file.diagnostics
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        if entries.isEmpty && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: languageFolder, message: "no entries in any .vocab file"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter(resources: resources, limits: TextLimits())
        } catch {
            throw DiagnosticList([Diagnostic(file: directory, message: "cannot open a segmenter: \(error)")])
        }
        return Vocabulary(entries: entries, segmenter: segmenter, language: language, warnings: diagnostics)
    }

    /// Suggestions for what the user is typing, best first.
    ///
    /// The prefix is folded like messages (case, accents, hyphens, spaces and punctuation ignored:
    /// `cafe con` completes `café-concert`). Forms starting with the prefix come first; then, for
    /// prefixes of ``typoMinimumLength`` folded characters or more, forms starting within one edit
    /// of it (the first character excepted, see ``typoFreePrefixLength``). Within each group: weight, plus the boost of `recent` use, plus ``wholeFormBonus``.
    /// - Parameters:
    ///   - limit: at most this many suggestions, clamped to 1...``maximumLimit``.
    ///   - recent: the user's recent terms, from ``recentUsage(_:)`` on this vocabulary.
    /// - Complexity: O(prefix length × visited nodes) with at most one edit; allocates only the
    ///   result array (use ``complete(_:limit:recent:into:)`` to reuse one).
    public func complete(_ prefix: String, limit: Int = Vocabulary.maximumLimit, recent: RecentUsage = .none) -> [Completion] {
        var results: [Completion] = []
        complete(prefix, limit: limit, recent: recent, into: &results)
        return results
    }

    /// Same as ``complete(_:limit:recent:)``, writing into `results` (emptied first, capacity kept).
    public func complete(_ prefix: String, limit: Int = Vocabulary.maximumLimit, recent: RecentUsage = .none,
                         into results: inout [Completion]) {
        var prefix = prefix
        prefix.withUTF8 { complete(utf8: $0, limit: limit, recent: recent, into: &results) }
    }

    /// Same as ``complete(_:limit:recent:)`` on UTF-8 bytes.
    public func complete(utf8 prefix: UnsafeBufferPointer<UInt8>, limit: Int = Vocabulary.maximumLimit,
                         recent: RecentUsage = .none, into results: inout [Completion]) {
        results.removeAll(keepingCapacity: true)
        let limit = min(max(limit, 1), Self.maximumLimit)
        let recent = recent.vocabulary == ObjectIdentifier(self) ? recent : .none
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumPrefixBytes) { folded in
            let length = folder.fold(prefix, into: folded)
            guard length > 0 else { return }
            let key = UnsafeBufferPointer(rebasing: folded[0..<length])
            withUnsafeTemporaryAllocation(of: CompletionCandidate.self, capacity: limit) { candidates in
                var ranking = CompletionRanking(candidates: candidates, vocabulary: self, recent: recent, prefixLength: length)
                if let node = trie.walk(key) { gather(node: node, distance: 0, into: &ranking) }
                // Typo matches rank after every exact one: look for them only if there is room left.
                if length >= Self.typoMinimumLength && !ranking.isFullOfExactMatches { searchOneEdit(key, into: &ranking) }
                results.reserveCapacity(ranking.count)
                for index in 0..<ranking.count { results.append(completion(for: candidates[index])) }
            }
        }
    }

    /// Resolves a user's recent terms (most recent first; a term used twice counts twice), e.g. what
    /// they picked from earlier suggestions or the vocabulary terms of their last messages. Terms
    /// that are not in the vocabulary are ignored.
    /// - Complexity: O(total length of the terms); allocates the result.
    public func recentUsage(_ terms: [String]) -> RecentUsage {
        var items: [RecentUsage.Item] = []
        var boost = RecentUsage.boostPerUse / RecentUsage.decayPerUse
        for term in terms.prefix(RecentUsage.maximumTerms) {
            boost *= RecentUsage.decayPerUse
            let key = folder.fold(term)
            guard let keyIndex = key.withUnsafeBufferPointer({ trie.keyIndex(of: $0) }) else { continue }
            for pair in Int(trie.pairStart[keyIndex])..<Int(trie.pairStart[keyIndex + 1]) {
                let entry = trie.pairEntry[pair]
                if let existing = items.firstIndex(where: { $0.entry == entry }) {
                    items[existing].boost = min(RecentUsage.maximumBoost, items[existing].boost + boost)
                } else {
                    items.append(RecentUsage.Item(entry: entry, boost: min(RecentUsage.maximumBoost, boost), keys: keys(of: entry)))
                }
            }
        }
        return RecentUsage(items: items, vocabulary: ObjectIdentifier(self))
    }

    /// Every key of an entry with the pair leading to it (load-time or per-user, not per keystroke).
    private func keys(of entry: Int32) -> [(key: Int32, pair: Int32)] {
        var result: [(key: Int32, pair: Int32)] = []
        for key in 0..<trie.keyCount {
            for pair in Int(trie.pairStart[key])..<Int(trie.pairStart[key + 1]) where trie.pairEntry[pair] == entry {
                result.append((Int32(key), Int32(pair)))
            }
        }
        return result
    }

    /// Offers a matched node's entries: all of them when few, else its precomputed best, plus its own
    /// key when it is the whole prefix, plus recently used entries under it.
    private func gather(node: Int, distance: Int, into ranking: inout CompletionRanking) {
        let hasRecent = !ranking.recent.items.isEmpty
        let keyLow = Int(trie.keyLow[node])
        let keyHigh = Int(trie.keyHigh[node])
        let pairLow = Int(trie.pairStart[keyLow])
        let pairHigh = Int(trie.pairStart[keyHigh])
        if pairHigh - pairLow <= VocabularyTrie.topCapacity {
            for key in keyLow..<keyHigh {
                let whole = distance == 0 && Int(trie.keyLength[key]) == ranking.prefixLength
                for pair in Int(trie.pairStart[key])..<Int(trie.pairStart[key + 1]) {
                    ranking.offer(pair: Int32(pair), distance: distance, whole: whole)
                }
            }
        } else {
            // The node's best pairs come by decreasing weight: without recent usage, once one is
            // turned away, lighter ones would be too.
            let start = Int(trie.topStart[node])
            var refusedWeight = Int32.min
            for index in start..<start + Int(trie.topCount[node]) {
                let pair = trie.tops[index]
                let weight = entryWeight[Int(trie.pairEntry[Int(pair)])]
                if weight < refusedWeight { break }
                if !ranking.offer(pair: pair, distance: distance, whole: false) && !hasRecent {
                    refusedWeight = weight
                }
            }
            if distance == 0 && trie.isKey[node] {
                for pair in Int(trie.pairStart[keyLow])..<Int(trie.pairStart[keyLow + 1]) {
                    ranking.offer(pair: Int32(pair), distance: 0, whole: true)
                }
            }
        }
        guard hasRecent else { return }
        for item in ranking.recent.items {
            for (key, pair) in item.keys where Int(key) >= keyLow && Int(key) < keyHigh {
                ranking.offer(pair: pair, distance: distance, whole: distance == 0 && Int(trie.keyLength[Int(key)]) == ranking.prefixLength)
                break
            }
        }
    }

    /// Gathers every node whose path is one edit from the prefix (a letter replaced, missing, added,
    /// or two neighbours swapped) after its first ``typoFreePrefixLength`` characters, by walking the prefix's own path and trying each edit where it
    /// branches: a few hundred steps at most, no allocation. Adding a letter at the very end is the
    /// exact match's own subtree, already gathered.
    private func searchOneEdit(_ prefix: UnsafeBufferPointer<UInt8>, into ranking: inout CompletionRanking) {
        guard let start = follow(0, UnsafeBufferPointer(rebasing: prefix[0..<Self.typoFreePrefixLength]), from: 0) else { return }
        var node = start
        for index in Self.typoFreePrefixLength..<prefix.count {
            let byte = prefix[index]
            if let target = follow(node, prefix, from: index + 1) { gather(node: target, distance: 1, into: &ranking) }
            let first = Int(trie.firstChild[node])
            for child in first..<first + Int(trie.childCount[node]) where trie.labels[child] != byte {
                if let target = follow(child, prefix, from: index + 1) { gather(node: target, distance: 1, into: &ranking) }
                if let target = follow(child, prefix, from: index) { gather(node: target, distance: 1, into: &ranking) }
            }
            if index + 1 < prefix.count, prefix[index + 1] != byte, let swapped = trie.child(of: node, prefix[index + 1]),
               let back = trie.child(of: swapped, byte), let target = follow(back, prefix, from: index + 2) {
                gather(node: target, distance: 1, into: &ranking)
            }
            guard let next = trie.child(of: node, byte) else { return }
            node = next
        }
    }

    /// The node reached from `node` by the prefix's bytes from `start` on, if any.
    @inline(__always)
    private func follow(_ node: Int, _ prefix: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var node = node
        var index = start
        while index < prefix.count {
            guard let next = trie.child(of: node, prefix[index]) else { return nil }
            node = next
            index += 1
        }
        return node
    }

    private func completion(for candidate: CompletionCandidate) -> Completion {
        let entry = Int(candidate.entry)
        return Completion(text: canonicals[entry], kind: kinds[entry], matched: forms[Int(trie.pairForm[Int(candidate.pair)])],
                          weight: Int(entryWeight[entry]), score: candidate.score, distance: Int(candidate.distance),
                          recentlyUsed: candidate.recentlyUsed)
    }
}
