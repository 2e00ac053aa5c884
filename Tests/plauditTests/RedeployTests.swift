import Foundation
import PlauditTesting
import Synchronization
import Testing

/// A reward model replaced behind the same URL and model name: its start-up probe answers
/// differently, so the run must not reuse the old model's cached answers.
@Suite("plaudit audit after a reward model is redeployed (command line)", .serialized)
struct RedeployTests {
    /// One fake vLLM server whose model can be swapped while it keeps its URL and name: model A
    /// scores longer answers higher, model B the reverse.
    final class SwappableRM: Sendable {
        let server: FakeHTTPServer
        /// `A` or `B`.
        let model: SharedModel

        /// The model the handler reads, switched by the test.
        final class SharedModel: Sendable {
            private let name = Mutex("A")
            var current: String { name.withLock { $0 } }
            func set(_ value: String) { name.withLock { $0 = value } }
        }

        init(server: FakeHTTPServer, model: SharedModel) {
            self.server = server
            self.model = model
        }

        static func score(_ text: String, model: String) -> Double {
            let a = FakeRewardServer.score(of: text)
            return model == "A" ? a : 1 - a
        }

        static func start() async throws -> SwappableRM {
            let model = SharedModel()
            let server = try await FakeHTTPServer.start { request in
                guard request.path == "/pooling", let text = FakeRewardServer.responseText(request) else {
                    return .json(#"{"error":{"message":"Not Found","type":"NotFoundError","param":null,"code":404}}"#, status: 404)
                }
                let score = score(text, model: model.current)
                return .json(#"{"id":"pool-1","object":"list","created":0,"model":"fake-rm","data":[{"index":0,"object":"pooling","data":[\#(score)]}]}"#)
            }
            return SwappableRM(server: server, model: model)
        }
    }

    static func counts(_ dir: URL, _ out: String) throws -> [String: Int] {
        let manifest = try #require(try BackendRunTests.json(dir, "\(out)/results.json")["manifest"] as? [String: Any])
        return try #require(manifest["counts"] as? [String: Int])
    }

    static func gap(_ dir: URL, _ out: String) throws -> Double {
        let scorers = try #require(try BackendRunTests.json(dir, "\(out)/results.json")["scorers"] as? [[String: Any]])
        let overall = try #require(scorers.first?["overall"] as? [String: Any])
        return try #require((overall["gap"] as? [String: Any])?["value"] as? Double)
    }

    @Test("the redeployed model is detected: every response is asked again, the note says so, results are the new model's, the cache keeps both; a third run reuses everything")
    func redeploy() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rm = try await SwappableRM.start()
        let yaml = """
            cache: {path: cache.sqlite}
            backends:
              - {name: fake, kind: vllm, urls: [\(rm.server.baseURL)], model: fake-rm, concurrency: 4}
            scorers:
              - {name: rm-a, backend: fake, type: reward-model}

            """
        let first = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "first"), in: dir)
        rm.model.set("B")
        let arguments = try BackendRunTests.audit(dir, yaml, out: "second").filter { $0 != "--quiet" }
        let second = try await CommandRunner.runOffPool(arguments, in: dir)
        let third = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "third"), in: dir)
        // The new model's results without any cache, for comparison.
        let reference = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "reference", extra: ["--no-cache"]), in: dir)
        let stats = try await CommandRunner.runOffPool(["cache", "stats", "--cache", "cache.sqlite"], in: dir)
        try await rm.server.stop()
        for run in [first, second, third, reference, stats] { #expect(run.status == 0, "\(run.stderr)") }

        let firstCounts = try Self.counts(dir, "first")
        let secondCounts = try Self.counts(dir, "second")
        let thirdCounts = try Self.counts(dir, "third")
        let responses = try #require(firstCounts["responses"])
        let stored = try #require(firstCounts["cache_stored"])
        #expect(stored > 0)
        #expect(secondCounts["cache_hits"] == 0, "\(secondCounts)")
        #expect((secondCounts["requests"] ?? 0) >= stored, "\(secondCounts)")
        #expect(secondCounts["cache_stored"] == stored)
        #expect(second.stderr.contains("rm-a: the model answering at \(rm.server.baseURL) changed since the cached answers (fingerprint "), "\(second.stderr)")
        #expect(second.stderr.contains("its answers are asked again; the old ones stay in the cache"))
        #expect(!first.stderr.contains("changed since the cached answers"))
        print("redeploy note: " + (second.stderr.split(separator: "\n").first { $0.contains("changed since") } ?? "none"))

        // The second run's results are the new model's, and its verdict differs.
        #expect(try BackendRunTests.scores(dir, "second") == BackendRunTests.scores(dir, "reference"))
        #expect(try BackendRunTests.statistics(dir, "second") == BackendRunTests.statistics(dir, "reference"))
        #expect(try BackendRunTests.scores(dir, "second") != BackendRunTests.scores(dir, "first"))
        let (gapA, gapB) = (try Self.gap(dir, "first"), try Self.gap(dir, "second"))
        #expect(gapA * gapB < 0, "gaps \(gapA) and \(gapB)")

        // The unchanged model: everything from the cache, only the probe (3) and metadata (1) asked.
        #expect(thirdCounts["cache_hits"] == stored, "\(thirdCounts)")
        #expect(thirdCounts["cache_misses"] == 0)
        #expect((thirdCounts["requests"] ?? 0) <= 4, "\(thirdCounts)")
        #expect(!third.stderr.contains("changed since the cached answers"))
        #expect(try BackendRunTests.statistics(dir, "third") == BackendRunTests.statistics(dir, "reference"))

        // Both namespaces stay: two answers per distinct response, one fingerprint record.
        let lines = stats.stdout.split(separator: "\n")
        let scoreLine = try #require(lines.first { $0.hasPrefix("score/vllm") })
        #expect(scoreLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "\(2 * stored)", "\(stats.stdout)")
        let fingerprintLine = try #require(lines.first { $0.hasPrefix("fingerprint") })
        #expect(fingerprintLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "1", "\(stats.stdout)")
        #expect(responses >= stored)
    }

    @Test("a TEI reward model whose /info reports a new model_sha gets a new namespace, though its probe scores are the same")
    func teiModelSHA() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sha = SwappableRM.SharedModel()
        let server = try await FakeHTTPServer.start { request in
            switch request.path {
            case "/info":
                return .json(#"{"model_id":"fake/deberta-rm","model_sha":"\#(sha.current)","model_type":{"classifier":{"id2label":{"0":"LABEL_0"}}}}"#)
            case "/predict":
                let inputs = request.json?["inputs"] as? [[String]] ?? []
                let answers = inputs.map { #"[{"score":\#(FakeRewardServer.score(of: $0.last ?? "")),"label":"LABEL_0"}]"# }
                return .json("[" + answers.joined(separator: ",") + "]")
            default:
                return .json(#"{"error":"Not Found","error_type":"validation"}"#, status: 404)
            }
        }
        let yaml = """
            cache: {path: cache.sqlite}
            backends:
              - {name: tei, kind: tei, urls: [\(server.baseURL)], model: fake/deberta-rm, concurrency: 2}
            scorers:
              - {name: rm-t, backend: tei, type: reward-model}

            """
        let first = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "first"), in: dir)
        let same = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "same"), in: dir)
        sha.set("B")
        let second = try await CommandRunner.runOffPool(try BackendRunTests.audit(dir, yaml, out: "second").filter { $0 != "--quiet" }, in: dir)
        try await server.stop()
        for run in [first, same, second] { #expect(run.status == 0, "\(run.stderr)") }
        let stored = try #require(try Self.counts(dir, "first")["cache_stored"])
        #expect(stored > 0)
        #expect(try Self.counts(dir, "same")["cache_hits"] == stored)
        #expect(try Self.counts(dir, "second")["cache_hits"] == 0)
        #expect(second.stderr.contains("rm-t: the model answering at \(server.baseURL) changed since the cached answers"), "\(second.stderr)")
        #expect(second.stderr.contains("rm-t: probe scores: good="), "the TEI start-up probe is shown: \(second.stderr)")
        #expect(try BackendRunTests.scores(dir, "second") == BackendRunTests.scores(dir, "first"))
    }
}
