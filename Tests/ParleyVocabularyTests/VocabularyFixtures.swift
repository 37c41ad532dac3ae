import ParleyTesting
import ParleyText
import ParleyVocabulary

/// The bundled vocabularies and search resources, loaded once for all suites.
enum VocabularyFixtures {
    static let french: Vocabulary = load("fr")
    static let english: Vocabulary = load("en")

    static let search: SearchResources = {
        do {
            return try SearchResources.load(lexiconsDirectory: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
        } catch {
            fatalError("bundled stop words do not load:\n\(error)")
        }
    }()

    private static func load(_ language: String) -> Vocabulary {
        do {
            return try Vocabulary.load(directory: Fixtures.lexiconsDirectory + "/vocabulary", language: language,
                                       resources: Fixtures.textResources)
        } catch {
            fatalError("bundled vocabulary '\(language)' does not load:\n\(error)")
        }
    }
}
