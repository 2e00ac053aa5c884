import Foundation
import PlauditTesting
import Testing

/// End-to-end runs of the binary against a fake vLLM reward-model server on 127.0.0.1:
/// faults, a SIGKILL in the middle, shards, and API keys.
@Suite("plaudit audit against a fake reward-model server", .serialized)
struct BackendRunTests {
    static let fixtures = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/open-ended").path
    static let fast = ["--embedder", "lexical", "--resamples", "200", "--permutations", "99", "--quiet"]

    /// Writes the configuration and returns the audit arguments for it.
    static func audit(_ dir: URL, _ yaml: String, out: String, extra: [String] = []) throws -> [String] {
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
        return ["audit", fixtures, "--config", "plaudit.yaml", "--out", out] + fast + extra
    }

    static func json(_ dir: URL, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The parts of results.json that must not depend on how the scores were obtained.
    static func statistics(_ dir: URL, _ out: String) throws -> String {
        var results = try json(dir, "\(out)/results.json")
        results["manifest"] = nil
        let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func scores(_ dir: URL, _ out: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent("\(out)/scores.jsonl"), encoding: .utf8)
    }

    @Test("faults (429 with retry-after-ms, 503, dropped connections, truncated JSON, timeouts) are retried: same results, no answered item asked twice, retries counted")
    func faults() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try await FakeRewardServer.start()
        let cleanRun = try await CommandRunner.runOffPool(try Self.audit(dir, clean.configuration(cache: "clean.sqlite"), out: "clean"), in: dir)
        try await clean.stop()
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")

        let faulty = try await FakeRewardServer.start(faults: true)
        let run = try await CommandRunner.runOffPool(
            // 4 s, not less: a busy 2-core test run can hold the fake server's handlers on Swift's
            // cooperative pool for seconds, and an answer the client has given up on is asked again.
            try Self.audit(dir, faulty.configuration(cache: "faulty.sqlite", requestTimeout: 4), out: "faulty"), in: dir)
        try await faulty.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.scores(dir, "faulty") == Self.scores(dir, "clean"))
        #expect(try Self.statistics(dir, "faulty") == Self.statistics(dir, "clean"))
        let answered = faulty.answeredTexts
        #expect(Set(answered).count == answered.count, "an answered item was asked again")
        let faulted = Set(faulty.askedTexts).filter { FakeRewardServer.Fault.forText($0) != nil }
        #expect(faulted.count > 20)
        let manifest = try #require(try Self.json(dir, "faulty/results.json")["manifest"] as? [String: Any])
        let counts = try #require(manifest["counts"] as? [String: Int])
        #expect(counts["retries"] == faulted.count)
        #expect(counts["requests"] == faulty.server.log.count)
    }

    @Test("a run killed with SIGKILL and started again asks only for what was not stored, and ends with the same results")
    func killAndResume() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try await FakeRewardServer.start()
        #expect(try await CommandRunner.runOffPool(try Self.audit(dir, reference.configuration(cache: "ref.sqlite"), out: "ref"), in: dir).status == 0)
        try await reference.stop()

        let server = try await FakeRewardServer.start(delay: .milliseconds(25))
        let arguments = try Self.audit(dir, server.configuration(cache: "run.sqlite"), out: "run")
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once about a third is answered (bounded wait: at most 60 s).
        let deadline = ContinuousClock.now + .seconds(60)
        while server.answeredTexts.count < 110 && ContinuousClock.now < deadline && process.isRunning {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let answeredBeforeKill = Set(server.answeredTexts)
        let askedBeforeKill = server.askedTexts.count
        #expect(answeredBeforeKill.count >= 110 && answeredBeforeKill.count < 324)

        let resumed = try await CommandRunner.runOffPool(arguments, in: dir)
        try await server.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let askedAgain = server.askedTexts.dropFirst(askedBeforeKill)
        let probes = Set(server.askedTexts.prefix(3))
        let repeats = askedAgain.filter { answeredBeforeKill.contains($0) && !probes.contains($0) }
        // Only answers still in flight at the kill (4 requests at most), or received in the
        // cache writer's last gathering (20 ms; at most ~4 at this server's 160 answers/s,
        // twice that if the wait overruns), may be asked again.
        #expect(repeats.count <= 12, "asked again: \(repeats.count)")
        #expect(try Self.scores(dir, "run") == Self.scores(dir, "ref"))
        #expect(try Self.statistics(dir, "run") == Self.statistics(dir, "ref"))
    }

    @Test("four shards merged equal the unsharded run")
    func shardsMerge() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await FakeRewardServer.start()
        let yaml = server.configuration(cache: "c.sqlite")
        #expect(try await CommandRunner.runOffPool(try Self.audit(dir, yaml, out: "whole", extra: ["--no-cache"]), in: dir).status == 0)
        for part in 1...4 {
            // Operational settings may differ between parts; output flags too (merge adds --quiet).
            let operational = part == 2 ? ["--concurrency", "2"] : []
            let arguments = try Self.audit(dir, yaml, out: "part\(part)", extra: ["--no-cache", "--shard", "\(part)/4"] + operational)
            let run = try await CommandRunner.runOffPool(part >= 3 ? arguments.filter { $0 != "--quiet" } : arguments, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let asked = server.askedTexts
        // Each of the five runs probes the server with 3 fixed conversations first.
        let expected: Int = 2 * 324 + 5 * 3
        #expect(asked.count == expected)
        let merge = try await CommandRunner.runOffPool(["merge", "part3", "part1", "part4", "part2", "--out", "merged", "--quiet"], in: dir)
        try await server.stop()
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(server.askedTexts.count == asked.count, "merge must not ask the server anything")
        #expect(try Self.scores(dir, "merged") == Self.scores(dir, "whole"))
        #expect(try Self.statistics(dir, "merged") == Self.statistics(dir, "whole"))

        let missing = try await CommandRunner.runOffPool(["merge", "part1", "part2", "part4", "--out", "bad", "--quiet"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("parts 3/4 are missing"), "\(missing.stderr)")

        // A part scored with another version of a rubric does not belong to this audit.
        let manifestURL = dir.appendingPathComponent("part2/shard.json")
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        manifest["rubrics"] = [["id": "pointwise-quality", "version": "1", "sha256": String(repeating: "ab", count: 32)]]
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
        let edited = try await CommandRunner.runOffPool(["merge", "part1", "part2", "part3", "part4", "--out", "bad", "--quiet"], in: dir)
        #expect(edited.status == 2)
        #expect(edited.stderr.contains("a rubric changed"), "\(edited.stderr)")
    }

    @Test("an API key given by environment variable appears nowhere: outputs, cache, results, on success, 401, a bad URL and --verbose")
    func keyNeverLeaks() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = "sk-test-LEAKCHECK-7c1e9a"
        let server = try await FakeRewardServer.start(key: key)
        var environment = ProcessInfo.processInfo.environment
        environment["PLAUDIT_TEST_KEY"] = key
        var outputs: [String] = []

        let ok = try await CommandRunner.runOffPool(
            try Self.audit(dir, server.configuration(cache: "c.sqlite", keyVariable: "PLAUDIT_TEST_KEY"), out: "ok", extra: ["--verbose"]).filter { $0 != "--quiet" },
            in: dir, environment: environment)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("key from $PLAUDIT_TEST_KEY"))
        outputs += [ok.stdout, ok.stderr]

        environment["PLAUDIT_TEST_KEY"] = key + "-wrong"
        let refused = try await CommandRunner.runOffPool(
            try Self.audit(dir, server.configuration(cache: "c2.sqlite", keyVariable: "PLAUDIT_TEST_KEY"), out: "refused", extra: ["--verbose"]).filter { $0 != "--quiet" },
            in: dir, environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("401"), "\(refused.stderr)")
        outputs += [refused.stdout, refused.stderr]

        environment["PLAUDIT_TEST_KEY"] = key
        let unreachable = try await CommandRunner.runOffPool(
            try Self.audit(dir, server.configuration(cache: "c3.sqlite", keyVariable: "PLAUDIT_TEST_KEY", url: "http://127.0.0.1:1"), out: "unreachable"),
            in: dir, environment: environment)
        #expect(unreachable.status == 1)
        outputs += [unreachable.stdout, unreachable.stderr]
        try await server.stop()

        let wrong = key + "-wrong"
        for text in outputs {
            #expect(!text.contains(key) && !text.contains(wrong))
        }
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        #expect(files.contains { $0.lastPathComponent == "c.sqlite" })
        for file in files where !file.hasDirectoryPath {
            let bytes = (try? Data(contentsOf: file)) ?? Data()
            #expect(bytes.range(of: Data(key.utf8)) == nil, "\(file.lastPathComponent) holds the key")
        }
    }

    @Test("an embeddings backend from the configuration clusters the responses (OpenAI shape, mapped by index)")
    func remoteEmbedder() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rewards = try await FakeRewardServer.start()
        let embeddings = try await FakeHTTPServer.start { request in
            guard request.path == "/v1/embeddings", let inputs = request.json?["input"] as? [String] else {
                return .json(#"{"error":{"message":"Not Found","type":"invalid_request_error","param":null,"code":null}}"#, status: 404)
            }
            // Answer in reverse order: the client must map by index.
            let data = inputs.enumerated().reversed().map { index, text in
                let h = text.unicodeScalars.reduce(1) { ($0 &* 33 &+ Int($1.value)) % 997 }
                let vector = (0..<8).map { d in String(Double((h * (d + 3)) % 17) - 8) }.joined(separator: ",")
                return #"{"object":"embedding","index":\#(index),"embedding":[\#(vector)]}"#
            }
            return .json(#"{"object":"list","data":[\#(data.joined(separator: ","))],"model":"fake-embed","usage":{"prompt_tokens":9,"total_tokens":9}}"#)
        }
        let yaml = rewards.configuration(cache: "c.sqlite") + """
            embedder: {backend: embed}

            """
        let withEmbedBackend = yaml.replacingOccurrences(of: "scorers:", with: """
              - name: embed
                kind: openai
                urls: [\(embeddings.baseURL)]
                model: fake-embed
            scorers:
            """)
        let arguments = try Self.audit(dir, withEmbedBackend, out: "out").filter { $0 != "lexical" && $0 != "--embedder" }
        let run = try await CommandRunner.runOffPool(arguments, in: dir)
        try await rewards.stop()
        try await embeddings.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try #require(try Self.json(dir, "out/results.json")["manifest"] as? [String: Any])
        let embedder = try #require(manifest["embedder"] as? [String: Any])
        #expect(embedder["dimension"] as? Int == 8)
        #expect((embedder["name"] as? String)?.contains("fake-embed") == true, "\(embedder)")
        #expect(embeddings.log.count >= 2)
    }
}
