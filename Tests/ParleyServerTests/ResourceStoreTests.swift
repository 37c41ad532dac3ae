import Foundation
import ParleyServer
import ParleyTesting
import Testing

/// Reloads swap the resources whole; a broken reload keeps the old ones serving; the admin API
/// needs its token.
@Suite struct ResourceStoreTests {
    /// A private copy of the bundled Lexicons folder that a test may break.
    private static func copyOfLexicons() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-lexicons-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.lexiconsDirectory, toPath: directory)
        return directory
    }

    private static func suggestions(_ server: TestServer, _ query: String) async throws -> [String] {
        let reply = try await server.request("GET", "/v1/complete?lang=fr&q=" + query)
        return reply.json?["suggestions"]?.array?.compactMap { $0["text"]?.string } ?? []
    }

    @Test func adminRoutesNeedTheBearerToken() async throws {
        try await withServer { server in
            for token in [nil, "wrong", TestServer.token + "x", ""] as [String?] {
                for (method, path) in [("GET", "/admin/lexicons"), ("POST", "/admin/reload")] {
                    let reply = try await server.request(method, path, admin: true, token: token)
                    #expect(reply.status == 401, "\(method) \(path) with \(token ?? "no token")")
                    #expect(reply.contentType == "application/problem+json")
                }
            }
            #expect(try await server.request("GET", "/admin/lexicons", admin: true).status == 200)
            // The admin routes are not on the public port.
            #expect(try await server.request("GET", "/admin/lexicons").status == 404)
        }
    }

    @Test func noTokenNoAdminAPI() throws {
        var configuration = ServerConfiguration()
        configuration.lexiconsDirectory = Fixtures.lexiconsDirectory
        configuration.modelsDirectory = Fixtures.modelsDirectory
        let server = try ParleyServer(configuration: configuration, logger: .init(label: "test"))
        #expect(server.adminRouter() == nil)
    }

    @Test func reloadSwapsInChangedFiles() async throws {
        let lexicons = try Self.copyOfLexicons()
        defer { try? FileManager.default.removeItem(atPath: lexicons) }
        try await withServer(lexicons: lexicons) { server in
            let before = try await server.request("GET", "/admin/lexicons", admin: true).json
            let version = try #require(before?["version"]?.string)
            // Unchanged files: same version.
            let same = try await server.request("POST", "/admin/reload", admin: true)
            #expect(same.status == 200)
            #expect(same.json?["changed"]?.bool == false)
            #expect(same.json?["version"]?.string == version)

            // A new vocabulary entry: a new version, and completion finds it.
            #expect(try await Self.suggestions(server, "zzyzxcore").contains("zzyzxcore") == false)
            try "\ngenre | zzyzxcore | | 50\n".appendLine(to: lexicons + "/vocabulary/fr/genres.vocab")
            let reloaded = try await server.request("POST", "/admin/reload", admin: true)
            #expect(reloaded.status == 200, "\(reloaded.text)")
            #expect(reloaded.json?["changed"]?.bool == true)
            #expect(reloaded.json?["previousVersion"]?.string == version)
            let newVersion = try #require(reloaded.json?["version"]?.string)
            #expect(newVersion != version)
            let analysed = try await server.post("/v1/analyze", json: TestServer.message("Bonjour"))
            #expect(analysed.json?["resourcesVersion"]?.string == newVersion)
            #expect(try await Self.suggestions(server, "zzyzxcore").contains("zzyzxcore"))
            let report = try await server.request("GET", "/admin/lexicons", admin: true).json
            #expect(report?["reloads"]?.number == 2)
            #expect(report?["reloadFailures"]?.number == 0)
        }
    }

    /// Requests keep being answered, all of them, while reloads swap the resources under them.
    @Test func noRequestFailsDuringReloads() async throws {
        try await withServer { server in
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var statuses: [Int] = []
                        for index in 0..<40 {
                            let reply = try await server.post("/v1/analyze", json: TestServer.message("Salut, dispo vendredi ? \(worker) \(index)", id: "m-\(worker)-\(index)"))
                            statuses.append(reply.status)
                        }
                        return statuses
                    }
                }
                group.addTask {
                    var statuses: [Int] = []
                    for _ in 0..<5 { statuses.append(try await server.request("POST", "/admin/reload", admin: true).status) }
                    return statuses
                }
                var all: [Int] = []
                for try await statuses in group { all += statuses }
                return all
            }
            #expect(statuses.count == 165)
            #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses.filter { $0 != 200 })")
            let report = try await server.request("GET", "/admin/lexicons", admin: true).json
            #expect(report?["reloads"]?.number == 5)
        }
    }

    /// Polls the admin report until `condition` holds (at most 20 s); returns the last report.
    private static func report(_ server: TestServer, until condition: (JSONValue?) -> Bool) async throws -> JSONValue? {
        let deadline = ContinuousClock.now + .seconds(20)
        var report = try await server.request("GET", "/admin/lexicons", admin: true).json
        while !condition(report), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            report = try await server.request("GET", "/admin/lexicons", admin: true).json
        }
        return report
    }

    @Test func changedFilesAreReloadedWithoutBeingAsked() async throws {
        let lexicons = try Self.copyOfLexicons()
        defer { try? FileManager.default.removeItem(atPath: lexicons) }
        try await withServer(lexicons: lexicons, configure: { $0.watchIntervalMilliseconds = 100 }) { server in
            let version = try #require(try await server.request("GET", "/readyz").json?["resourcesVersion"]?.string)
            // A saved lexicon: reloaded, and what it adds is served.
            try "\ngenre | zzyzxwave | | 50\n".appendLine(to: lexicons + "/vocabulary/fr/genres.vocab")
            let changed = try await Self.report(server) { $0?["version"]?.string != version }
            let newVersion = try #require(changed?["version"]?.string)
            #expect(newVersion != version)
            #expect(changed?["reloads"]?.number == 1)
            #expect(try await Self.suggestions(server, "zzyzxwave").contains("zzyzxwave"))

            // A broken folder: the reload fails, the last good resources keep serving, and it is not retried.
            let leet = try String(contentsOfFile: lexicons + "/text/leet.map", encoding: .utf8)
            try FileManager.default.removeItem(atPath: lexicons + "/text/leet.map")
            let failed = try await Self.report(server) { $0?["reloadFailures"]?.number == 1 }
            #expect(failed?["reloadFailures"]?.number == 1)
            #expect(failed?["version"]?.string == newVersion)
            #expect(failed?["lastReloadError"]?.array?.isEmpty == false)
            #expect(try await server.post("/v1/moderate", json: TestServer.message("Bonjour")).json?["resourcesVersion"]?.string == newVersion)
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await server.request("GET", "/admin/lexicons", admin: true).json?["reloadFailures"]?.number == 1)
            #expect(try await server.request("GET", "/metrics").text.contains("parley_resources_reload_failures_total 1"))

            // Repaired: reloaded again, the error cleared.
            try leet.write(toFile: lexicons + "/text/leet.map", atomically: true, encoding: .utf8)
            let repaired = try await Self.report(server) { $0?["reloads"]?.number == 2 }
            #expect(repaired?["reloads"]?.number == 2)
            #expect(repaired?["lastReloadError"] == nil || repaired?["lastReloadError"] == .null)
            #expect(repaired?["version"]?.string == newVersion)
        }
    }

    @Test func failedReloadKeepsTheOldResourcesServing() async throws {
        let lexicons = try Self.copyOfLexicons()
        defer { try? FileManager.default.removeItem(atPath: lexicons) }
        try await withServer(lexicons: lexicons) { server in
            let version = try #require(try await server.request("GET", "/readyz").json?["resourcesVersion"]?.string)
            let before = try await server.post("/v1/analyze", json: TestServer.message("Super concert, merci beaucoup !"))
            #expect(before.status == 200)

            try FileManager.default.removeItem(atPath: lexicons + "/text/leet.map")
            let failed = try await server.request("POST", "/admin/reload", admin: true)
            #expect(failed.status == 422)
            #expect(failed.contentType == "application/problem+json")
            #expect(failed.json?["type"]?.string?.hasSuffix("/reload-failed") == true)
            let errors = failed.json?["errors"]?.array?.compactMap(\.string) ?? []
            #expect(errors.contains { $0.contains("leet.map") }, "\(errors)")

            // The old snapshot answers exactly as before.
            let after = try await server.post("/v1/analyze", json: TestServer.message("Super concert, merci beaucoup !"))
            #expect(after.status == 200)
            #expect(after.json?["resourcesVersion"]?.string == version)
            #expect(after.json?["tone"] == before.json?["tone"])
            #expect(try await server.request("GET", "/readyz").status == 200)

            let report = try await server.request("GET", "/admin/lexicons", admin: true).json
            #expect(report?["version"]?.string == version)
            #expect(report?["reloadFailures"]?.number == 1)
            #expect(report?["lastReloadError"]?.array?.isEmpty == false)
            let metrics = try await server.request("GET", "/metrics").text
            #expect(metrics.contains("parley_resources_reload_failures_total 1"))
            #expect(metrics.contains("parley_resources_info{version=\"\(version)\"} 1"))
        }
    }
}

extension String {
    fileprivate func appendLine(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        handle.write(Data(utf8))
        try handle.close()
    }
}
