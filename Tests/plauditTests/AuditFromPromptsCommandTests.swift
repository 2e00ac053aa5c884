import Foundation
import PlauditTesting
import Synchronization
import Testing

/// `plaudit audit --prompts` end to end against fake servers on 127.0.0.1: a chat policy whose
/// answer (mainstream or atypical) is chosen by the request's seed, and a vLLM reward model that
/// pays for length, so it under-rewards the short atypical answer.
/// The seeds a fake policy has answered, in order.
final class SeedLog: Sendable {
    let seeds = Mutex<[Int]>([])
}

@Suite("plaudit audit --prompts (command line)")
struct AuditFromPromptsCommandTests {
    static let mainstream = "The largest living thing is the blue whale, an enormous mammal of the open ocean"
    static let atypical = "Honey fungus"

    /// - Parameter answered: the seeds answered, appended when the reply goes out (after `delay`).
    static func startPolicy(delay: Duration = .zero, answered: SeedLog? = nil) async throws -> FakeHTTPServer {
        try await FakeHTTPServer.start { request in
            guard request.path == "/v1/chat/completions", let seed = request.json?["seed"] as? Int else {
                return .json(#"{"error":{"message":"not found"}}"#, status: 404)
            }
            if delay > .zero { try? await Task.sleep(for: delay) }
            answered?.seeds.withLock { $0.append(seed) }
            return .chatCompletion((seed % 4 == 0 ? atypical : mainstream) + " (\(seed % 100)).")
        }
    }

    @Test("generate, score, audit: the length-paying RM is flagged; generations.jsonl read back; a cached rerun asks nothing and writes the same bytes")
    func fromPrompts() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = try await Self.startPolicy()
        let rm = try await FakeRewardServer.start()
        let yaml = rm.configuration(cache: "c.sqlite")
            .replacingOccurrences(of: "backends:\n", with: "backends:\n  - {name: policy, kind: openai, urls: [\(policy.baseURL)], model: fake-policy, concurrency: 4}\n")
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
        let prompts = (0..<20).map { #"{"id": "p\#($0)", "prompt": "What is the largest living thing? (\#($0))"}"# }.joined(separator: "\n") + "\n"
        try Data(prompts.utf8).write(to: dir.appendingPathComponent("prompts.jsonl"))
        let arguments = [
            "audit", "--prompts", "prompts.jsonl", "--generator", "policy", "--samples", "6", "--embedder", "lexical", "--resamples", "200",
            "--permutations", "99", "--quiet",
        ]
        let first = try await CommandRunner.runOffPool(arguments + ["--out", "out"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as? [String: Any])
        let generation = try #require(results["generation"] as? [String: Any])
        #expect(generation["models"] as? [String: String] == ["policy": "openai fake-policy"])
        #expect(generation["samples_per_prompt"] as? Int == 6)
        let scorer = try #require((results["scorers"] as? [[String: Any]])?.first)
        #expect((scorer["overall"] as? [String: Any])?["flagged"] as? Bool == true, "\(scorer)")
        let counts = try #require((results["manifest"] as? [String: Any])?["counts"] as? [String: Int])
        #expect(counts["generated"] == 120 && counts["responses"] == 120)
        let generated = try Data(contentsOf: dir.appendingPathComponent("out/generations.jsonl"))
        let lines = String(decoding: generated, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 20)
        // Each distinct answer to a prompt is scored once (identical answers share one request).
        let distinct = try lines.reduce(0) { total, line in
            let item = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return total + Set((item["responses"] as! [[String: Any]]).map { $0["text"] as! String }).count
        }
        #expect(rm.askedTexts.filter { $0.hasPrefix(Self.mainstream) || $0.hasPrefix(Self.atypical) }.count == distinct)

        // The generations read back as a dataset give the same audit.
        let readBack = try await CommandRunner.runOffPool(
            ["audit", "out/generations.jsonl", "--embedder", "lexical", "--resamples", "200", "--permutations", "99", "--quiet", "--out", "back"], in: dir)
        #expect(readBack.status == 0, "\(readBack.stderr)")
        let back = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("back/results.json"))) as? [String: Any])
        #expect(NSDictionary(dictionary: (back["scorers"] as! [[String: Any]])[0]).isEqual(to: scorer))

        // A rerun answers everything from the cache (the RM's start-up probe aside) and writes the same generations.
        func scoredAnswers() -> Int { rm.askedTexts.filter { $0.hasPrefix(Self.mainstream) || $0.hasPrefix(Self.atypical) }.count }
        let (chat, scored) = (policy.log.count, scoredAnswers())
        let again = try await CommandRunner.runOffPool(arguments + ["--out", "again"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(policy.log.count == chat && scoredAnswers() == scored, "a cached rerun sent requests")
        #expect(try Data(contentsOf: dir.appendingPathComponent("again/generations.jsonl")) == generated)
        try await policy.stop()
        try await rm.stop()

        let both = try await CommandRunner.runOffPool(["audit", "out/generations.jsonl", "--prompts", "prompts.jsonl", "--generator", "policy"], in: dir)
        #expect(both.status == 2 && both.stderr.hasPrefix("plaudit: error: give either a dataset"), "\(both.stderr)")
    }

    /// A configuration with the policy and the reward model, and 20 prompts, in `dir`.
    static func setUp(_ dir: URL, policy: FakeHTTPServer, rm: FakeRewardServer, cache: String) throws {
        let yaml = rm.configuration(cache: cache)
            .replacingOccurrences(of: "backends:\n", with: "backends:\n  - {name: policy, kind: openai, urls: [\(policy.baseURL)], model: fake-policy, concurrency: 4}\n")
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
        let prompts = (0..<20).map { #"{"id": "p\#($0)", "prompt": "What is the largest living thing? (\#($0))"}"# }.joined(separator: "\n") + "\n"
        try Data(prompts.utf8).write(to: dir.appendingPathComponent("prompts.jsonl"))
    }

    @Test("SIGKILL during generation, then a rerun: no stored generation is asked again; generations and results equal an uninterrupted run's")
    func killDuringGeneration() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [
            "audit", "--prompts", "prompts.jsonl", "--generator", "policy", "--samples", "6", "--embedder", "lexical", "--resamples", "200",
            "--permutations", "99", "--quiet",
        ]
        // The uninterrupted reference, without the cache.
        let referencePolicy = try await Self.startPolicy()
        let referenceRM = try await FakeRewardServer.start()
        try Self.setUp(dir, policy: referencePolicy, rm: referenceRM, cache: "unused.sqlite")
        #expect(try await CommandRunner.runOffPool(arguments + ["--no-cache", "--out", "ref"], in: dir).status == 0)
        try await referencePolicy.stop()
        try await referenceRM.stop()

        let answered = SeedLog()
        let policy = try await Self.startPolicy(delay: .milliseconds(20), answered: answered)
        let rm = try await FakeRewardServer.start()
        try Self.setUp(dir, policy: policy, rm: rm, cache: "run.sqlite")
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments + ["--out", "run"]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once about a third is answered (bounded wait: at most 60 s).
        let deadline = ContinuousClock.now + .seconds(60)
        while answered.seeds.withLock({ $0.count }) < 40 && ContinuousClock.now < deadline && process.isRunning {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let beforeKill = answered.seeds.withLock { $0 }
        #expect(beforeKill.count >= 40 && beforeKill.count < 120)

        let resumed = try await CommandRunner.runOffPool(arguments + ["--out", "run"], in: dir)
        try await policy.stop()
        try await rm.stop()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let again = answered.seeds.withLock { Array($0.dropFirst(beforeKill.count)) }
        // Only answers still in flight at the kill (4 requests at most) may be asked again.
        #expect(Set(again).intersection(beforeKill).count <= 4, "asked again: \(Set(again).intersection(beforeKill).count)")
        #expect(beforeKill.count + again.count <= 124)
        #expect(try Data(contentsOf: dir.appendingPathComponent("run/generations.jsonl")) == Data(contentsOf: dir.appendingPathComponent("ref/generations.jsonl")))
        func scorers(_ out: String) throws -> NSArray {
            let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(out)/results.json"))) as? [String: Any])
            return results["scorers"] as! NSArray
        }
        #expect(try scorers("run") == scorers("ref"))
    }

    @Test("a validity or quality scorer that is not configured, two validity scorers, a missing or empty refusal-patterns file: one line, exit 2, before anything runs")
    func badValidity() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/suites/data/open-ended-6.jsonl").path
        let unknown = try await CommandRunner.runOffPool(["audit", data, "--local-perplexity", "--validity", "nope:0.7", "--out", "x"], in: dir)
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("plaudit: error: --validity nope: no such scorer"), "\(unknown.stderr)")
        let two = try await CommandRunner.runOffPool(["audit", data, "--local-validity", "--validity", "other", "--out", "x"], in: dir)
        #expect(two.status == 2 && two.stderr.contains("name two validity scorers"), "\(two.stderr)")
        let quality = try await CommandRunner.runOffPool(["audit", data, "--local-perplexity", "--quality", "nope", "--out", "x"], in: dir)
        #expect(quality.status == 2 && quality.stderr.hasPrefix("plaudit: error: --quality nope: no such scorer"), "\(quality.stderr)")
        let patterns = try await CommandRunner.runOffPool(["audit", data, "--local-perplexity", "--refusal-patterns", "absent.txt", "--out", "x"], in: dir)
        #expect(patterns.status == 2 && patterns.stderr.hasPrefix("plaudit: error: absent.txt"), "\(patterns.stderr)")
        try Data("# only a comment\n\n".utf8).write(to: dir.appendingPathComponent("empty.txt"))
        let empty = try await CommandRunner.runOffPool(["audit", data, "--local-perplexity", "--refusal-patterns", "empty.txt", "--out", "x"], in: dir)
        #expect(empty.stderr == "plaudit: error: empty.txt: no patterns (one per line; # starts a comment)\n", "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }
}
