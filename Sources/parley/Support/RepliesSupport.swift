import ArgumentParser
import Foundation
import ParleyModeration
import ParleyReplies
import ParleyText

/// Loading shared by `parley replies` and `parley templates`: every diagnostic on standard error,
/// exit 2 when the lexicons do not build.
enum RepliesSupport {
    struct Loaded {
        var text: TextResources
        var moderation: ModerationResources
        var replies: ReplyResources
    }

    static func load(_ directory: String) throws -> Loaded {
        let moderation = try ModerationSupport.load(directory)
        do {
            let replies = try ReplyResources.load(from: directory, textResources: moderation.textResources, moderation: moderation)
            for warning in replies.warnings { StandardError.write(warning.description) }
            return Loaded(text: moderation.textResources, moderation: moderation, replies: replies)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }

    /// `key=value` options into a context dictionary.
    static func context(_ assignments: [String]) throws -> [String: String] {
        var context: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ValidationError("--set '\(assignment)' must be key=value (venue=Le Périscope, fee=1 500 €)")
            }
            context[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return context
    }

    static func language(_ code: String?) throws -> ReplyLanguage? {
        guard let code else { return nil }
        guard let language = ReplyLanguage(code: code) else { throw ValidationError("--language must be fr or en") }
        return language
    }
}
