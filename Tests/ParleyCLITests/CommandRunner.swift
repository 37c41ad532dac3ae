import Foundation
import ParleyTesting

/// Runs the `parley` executable built beside the test bundle, feeding it standard input.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The built `parley`: the test bundle and the executable share the build products folder.
    static var executable: URL { Fixtures.parleyExecutable }

    static func run(_ arguments: [String], input: Data) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_LEXICONS"] = Fixtures.lexiconsDirectory
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], input: String) throws -> Result {
        try run(arguments, input: Data(input.utf8))
    }
}
