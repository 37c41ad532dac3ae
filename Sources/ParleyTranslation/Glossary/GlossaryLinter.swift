import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks glossary (TBX) and memory (TMX) files as they would load, for `parley glossary lint`.
public enum GlossaryLinter {
    /// Every diagnostic of the given paths, sorted by file, line and column. A folder stands for its
    /// `*.tbx` and `*.tmx` files then those of its `local/` subfolder, checked together as they load
    /// (so a duplicate between the shipped file and `local/` is seen); a file is checked alone.
    /// - Complexity: loads every file once.
    public static func lint(paths: [String], textResources: TextResources) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(file: path, message: "no such file or folder"))
                continue
            }
            var glossaries: [String] = []
            var memories: [String] = []
            if isDirectory {
                do {
                    glossaries = try ResourceFolder.files(in: path, extension: "tbx")
                    memories = try ResourceFolder.files(in: path, extension: "tmx")
                } catch {
                    diagnostics += error.diagnostics
                }
                if glossaries.isEmpty && memories.isEmpty {
                    diagnostics.append(Diagnostic(file: path, severity: .warning, message: "no .tbx or .tmx file in this folder"))
                }
            } else if path.hasSuffix(".tbx") {
                glossaries = [path]
            } else if path.hasSuffix(".tmx") {
                memories = [path]
            } else {
                diagnostics.append(Diagnostic(file: path, message: "not a glossary (.tbx) or memory (.tmx) file"))
            }
            if !glossaries.isEmpty { diagnostics += Glossary.lint(files: glossaries, textResources: textResources) }
            if !memories.isEmpty { diagnostics += TranslationMemory.lint(files: memories, textResources: textResources) }
        }
        return diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}
