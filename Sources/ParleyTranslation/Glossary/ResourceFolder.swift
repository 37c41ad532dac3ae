import ParleyText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Lists the files a glossary or memory folder loads: its own files with one extension, in name
/// order, then those of its `local/` subfolder (the deployment's own, which override the shipped ones).
enum ResourceFolder {
    static func files(in directory: String, extension fileExtension: String) throws(DiagnosticList) -> [String] {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw DiagnosticList([Diagnostic(file: directory, message: "no such folder")])
        }
        var result = listing(directory, fileExtension)
        let local = directory + "/local"
        if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory {
            result += listing(local, fileExtension)
        }
        return result
    }

    private static func listing(_ directory: String, _ fileExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) && !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }
}
