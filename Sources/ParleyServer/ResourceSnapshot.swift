import Atomics
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import ParleyLanguage
import ParleyModeration
import ParleyText
import ParleyTone
import ParleyVocabulary

/// Every compiled resource a request reads, built together and never changed: text tables, the
/// language model, the moderation rules and lexicons, the tone lexicons and the trade vocabulary.
/// A reload builds a new snapshot and swaps it whole (see ``ResourceStore``), so a request sees one consistent set from start to end.
public final class ResourceSnapshot: Sendable, AtomicReference {
    public let text: TextResources
    public let languageModel: LanguageModel
    public let tone: ToneResources
    public let vocabulary: VocabularyCatalog
    public let moderation: ModerationResources
    /// Content hash of every file read (16 hex digits): equal files give an equal version.
    public let version: String
    /// Seconds since 1970 when the build finished.
    public let loadedAt: Double
    public let lexiconsDirectory: String
    public let modelFile: String
    /// Warnings of the build (entries skipped, duplicates), each with file:line:column.
    public let warnings: [Diagnostic]

    init(text: TextResources, languageModel: LanguageModel, tone: ToneResources, vocabulary: VocabularyCatalog,
         moderation: ModerationResources, version: String, loadedAt: Double, lexiconsDirectory: String, modelFile: String, warnings: [Diagnostic]) {
        self.text = text
        self.languageModel = languageModel
        self.tone = tone
        self.vocabulary = vocabulary
        self.moderation = moderation
        self.version = version
        self.loadedAt = loadedAt
        self.lexiconsDirectory = lexiconsDirectory
        self.modelFile = modelFile
        self.warnings = warnings
    }

    /// Loads and compiles everything from a `Lexicons/` folder and a `Models/` folder.
    /// - Throws: ``DiagnosticList`` with every error found (file:line:column).
    /// - Complexity: reads a few MB of files and compiles the lexicons: tens of milliseconds.
    ///   Start-up and reload only.
    public static func build(lexiconsDirectory: String, modelsDirectory: String) throws(DiagnosticList) -> ResourceSnapshot {
        let modelFile = modelsDirectory + "/langid/langid.bin"
        let text = try TextResources.load(from: lexiconsDirectory + "/text")
        let model: LanguageModel
        do {
            model = try LanguageModel(contentsOf: modelFile)
        } catch {
            throw DiagnosticList([Diagnostic(file: modelFile, message: error.description)])
        }
        let tone = try ToneResources.load(from: lexiconsDirectory, textResources: text)
        let vocabulary = try VocabularyCatalog.load(directory: lexiconsDirectory + "/vocabulary", resources: text)
        let moderation = try ModerationResources.load(from: lexiconsDirectory, textResources: text)
        let version = ContentHash.version(of: [lexiconsDirectory, modelFile])
        return ResourceSnapshot(
            text: text, languageModel: model, tone: tone, vocabulary: vocabulary, moderation: moderation, version: version,
            loadedAt: Date().timeIntervalSince1970, lexiconsDirectory: lexiconsDirectory, modelFile: modelFile,
            warnings: moderation.warnings + tone.warnings + vocabulary.warnings)
    }

    /// Entry counts for the admin report.
    public var counts: ResourceCounts {
        var entries: [String: Int] = [:]
        for language in vocabulary.languages { entries[language] = vocabulary.vocabulary(for: language)?.entries.count ?? 0 }
        return ResourceCounts(
            textFiles: text.files.count, moderationFiles: moderation.files.count, moderationEntries: moderation.entries.count,
            toneFiles: tone.files.count, vocabularyEntries: entries,
            languages: languageModel.targets.map(\.rawValue), warnings: warnings.count)
    }
}

/// What a snapshot holds, counted.
public struct ResourceCounts: Hashable, Sendable, Codable {
    public var textFiles: Int
    public var moderationFiles: Int
    public var moderationEntries: Int
    public var toneFiles: Int
    public var vocabularyEntries: [String: Int]
    public var languages: [String]
    public var warnings: Int
}
