import Foundation
import ParleyTesting
import ParleyText
@testable import ParleyTranslation

/// Temporary TBX/TMX files and the shipped glossary, shared by the glossary and memory suites.
enum GlossaryFixtures {
    /// The shipped glossary, loaded once.
    static let shipped: Glossary = {
        do {
            return try Glossary.load(directory: Fixtures.lexiconsDirectory + "/glossary", textResources: Fixtures.textResources)
        } catch {
            fatalError("shipped glossary does not load:\n\(error)")
        }
    }()

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A TBX document around concept entries.
    static func tbx(_ entries: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
        \(entries)
          </body></text>
        </tbx>

        """
    }

    /// A two-language concept in one line per language section.
    static func concept(_ id: String, fr: String, en: String, extra: String = "") -> String {
        """
            <conceptEntry id="\(id)">\(extra)
              <langSec xml:lang="fr"><termSec><term>\(fr)</term></termSec></langSec>
              <langSec xml:lang="en"><termSec><term>\(en)</term></termSec></langSec>
            </conceptEntry>
        """
    }

    /// Loads a glossary from one TBX text.
    static func glossary(_ text: String) throws(DiagnosticList) -> Glossary {
        let folder: String
        do {
            folder = try temporaryFolder("tbx")
            try write(text, to: folder + "/test.tbx")
        } catch {
            fatalError("cannot write a temporary file: \(error)")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try Glossary.load(directory: folder, textResources: Fixtures.textResources)
    }

    /// The diagnostics of one TBX text that fails to load (empty when it loads).
    static func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try glossary(text)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }
}
