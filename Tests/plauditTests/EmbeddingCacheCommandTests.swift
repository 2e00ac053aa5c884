import Foundation
import Testing

/// The embedding cache through the binary with the real MiniLM encoder: the demo's fixture
/// audited twice into one fresh cache (scores from a file, so only embedding costs time), a
/// run without the cache for comparison, `plaudit cache stats`, and `plaudit embed` twice.
@Suite(
    "embedding cache (command line, MiniLM)", .serialized,
    .enabled(if: HomogeneityCommandTests.hasMiniLM || HomogeneityCommandTests.required, "MiniLM not installed; run `plaudit assets install`")
)
struct EmbeddingCacheCommandTests {
    static let fixture = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/open-ended").path
    static let scores = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Golden/inputs/open-ended-scores.jsonl").path

    static func audit(out: String, _ extra: [String]) -> [String] {
        ["audit", fixture, "--scores", scores, "--embedder", "minilm", "--resamples", "200", "--permutations", "99", "--quiet", "--out", out]
            + extra
    }

    static func results(_ dir: URL, _ out: String) throws -> (statistics: String, counts: [String: Int]) {
        var results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(out)/results.json"))) as? [String: Any])
        let manifest = try #require(results["manifest"] as? [String: Any])
        results["manifest"] = nil
        let statistics = String(decoding: try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys]), as: UTF8.self)
        return (statistics, try #require(manifest["counts"] as? [String: Int]))
    }

    @Test("the audit twice: the second run sends 0 requests and computes 0 embeddings (manifest), with the same results as a run without the cache")
    func auditTwice() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let environment = HomogeneityCommandTests.environment
        for (out, extra) in [("first", ["--cache", "c.sqlite"]), ("second", ["--cache", "c.sqlite"]), ("uncached", ["--no-cache"])] {
            let run = try await CommandRunner.runOffPool(Self.audit(out: out, extra), in: dir, environment: environment, timeout: 600)
            #expect(run.status == 0, "\(out): \(run.stderr)")
        }
        let first = try Self.results(dir, "first")
        let second = try Self.results(dir, "second")
        let uncached = try Self.results(dir, "uncached")
        #expect(first.counts["embeddings_computed"] == 324 && first.counts["embedding_cache_stored"] == 324)
        #expect(second.counts["requests"] == 0)
        #expect(second.counts["embeddings_computed"] == 0)
        #expect(second.counts["embedding_cache_hits"] == 324)
        #expect(second.counts["embedding_requests"] == 0)
        #expect(uncached.counts["embeddings_computed"] == 324 && uncached.counts["embedding_cache_hits"] == 0)
        #expect(second.statistics == first.statistics)
        #expect(uncached.statistics == first.statistics)

        let stats = try await CommandRunner.runOffPool(["cache", "stats", "--cache", "c.sqlite"], in: dir)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("embedding/minilm") && stats.stdout.contains("324"), "\(stats.stdout)")
    }

    @Test("plaudit embed twice: the second run reads every vector from the cache and writes the same output")
    func embedTwice() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("A river runs through it.\nThe town sleeps.\nA river runs through it.\n".utf8).write(to: dir.appendingPathComponent("in.txt"))
        let environment = HomogeneityCommandTests.environment
        let one = try await CommandRunner.runOffPool(["embed", "in.txt", "--embedder", "minilm"], in: dir, environment: environment)
        let two = try await CommandRunner.runOffPool(["embed", "in.txt", "--embedder", "minilm"], in: dir, environment: environment)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        #expect(!one.stderr.contains("from the cache"))
        #expect(two.stderr.contains("(3 from the cache)"), "\(two.stderr)")
        #expect(two.stdout == one.stdout && one.stdout.split(separator: "\n").count == 3)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".plaudit/cache.sqlite").path))
        let off = try await CommandRunner.runOffPool(["embed", "in.txt", "--embedder", "minilm", "--no-cache"], in: dir, environment: environment)
        #expect(off.stdout == one.stdout && !off.stderr.contains("from the cache"))
    }
}
