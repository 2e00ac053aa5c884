import Foundation
import Testing

/// `plaudit cache stats|prune|clear` end to end: no file, a file that is not a cache, bad options.
@Suite("plaudit cache (command line)")
struct CacheCommandTests {
    @Test("No cache file: says so, creates nothing, exit 0")
    func missingCache() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["cache", "stats"], ["cache", "clear"], ["cache", "prune", "--older-than", "30d"]] {
            let result = try await CommandRunner.runOffPool(arguments, in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("no cache at .plaudit/cache.sqlite"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".plaudit").path))
    }

    @Test("A file that is not a cache: one-line error naming it, exit 2, file untouched")
    func notACache() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = Data(String(repeating: "not a database\n", count: 100).utf8)
        try body.write(to: dir.appendingPathComponent("scores.jsonl"))
        let result = try await CommandRunner.runOffPool(["cache", "stats", "--cache", "scores.jsonl"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("plaudit: error: scores.jsonl is not a plaudit cache"), "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("scores.jsonl")) == body)
    }

    @Test("prune without a selection, or with a malformed age: exit 2")
    func pruneOptions() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nothing = try await CommandRunner.runOffPool(["cache", "prune"], in: dir)
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("--older-than"))
        for age in ["30", "d", "-3d", "3x", "1.5h"] {
            let bad = try await CommandRunner.runOffPool(["cache", "prune", "--older-than=\(age)"], in: dir)
            #expect(bad.status == 2, "\(age)")
            #expect(bad.stderr.contains("--older-than '\(age)'"), "\(age): \(bad.stderr)")
        }
    }

    @Test("An empty file becomes an empty cache: clear and stats report 0 entries")
    func emptyCache() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("c.sqlite").path, contents: Data()))
        let clear = try await CommandRunner.runOffPool(["cache", "clear", "--cache", "c.sqlite"], in: dir)
        #expect(clear.status == 0, "stderr: \(clear.stderr)")
        #expect(clear.stdout.contains("deleted 0 entries from c.sqlite"))
        let stats = try await CommandRunner.runOffPool(["cache", "stats", "--cache", "c.sqlite"], in: dir)
        #expect(stats.status == 0, "stderr: \(stats.stderr)")
        #expect(stats.stdout.contains("c.sqlite: 0 entries"))
        let prune = try await CommandRunner.runOffPool(["cache", "prune", "--cache", "c.sqlite", "--older-than", "12h", "--namespace", "score/x"], in: dir)
        #expect(prune.status == 0, "stderr: \(prune.stderr)")
        #expect(prune.stdout.contains("deleted 0 entries older than 12h in score/x from c.sqlite"))
    }
}
