#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ParleyTesting
import ParleyText

/// The messages every benchmark runs over: the development chat set (300 real-looking FR/EN
/// messages, median 16 words), as UTF-8.
enum BenchmarkCorpus {
    static let messages: [[UInt8]] = {
        let texts = Fixtures.devChat.map(\.text)
        precondition(!texts.isEmpty, "../shared/data/chat/dev.tsv is needed beside the repository")
        return texts.map { Array($0.utf8) }
    }()

    /// The same messages already segmented, for the stages that read a `Message`.
    static let segmented: [Message] = {
        let segmenter = Fixtures.segmenter()
        return messages.map { text in
            do {
                return try segmenter.read(text)
            } catch {
                fatalError("cannot read a benchmark message: \(error)")
            }
        }
    }()

    /// A typical short chat message (about 60 bytes).
    static let typical: [UInt8] = Array("Salut ! Dispo le 22 avril pour une date au Molotov ? Cachet 600€".utf8)

    /// The French side of ../shared/data/parallel/chat-dev.tsv (157 booking-chat messages), for translation.
    static let translationMessages: [[UInt8]] = {
        let path = Fixtures.sharedDataDirectory + "/parallel/chat-dev.tsv"
        guard let data = FileManager.default.contents(atPath: path) else {
            preconditionFailure("../shared/data/parallel/chat-dev.tsv is needed beside the repository")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { $0.split(separator: "\t").first.map { Array($0.utf8) } }
    }()
}
