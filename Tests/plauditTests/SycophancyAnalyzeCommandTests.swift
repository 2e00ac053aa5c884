import Foundation
import Testing

/// End-to-end tests of `plaudit sycophancy analyze`: the committed example file, and bad graded
/// files stopping with exit 2 and `FILE:LINE: FIELD: message`.
@Suite("plaudit sycophancy analyze (command line)")
struct SycophancyAnalyzeCommandTests {
    @Test("the example file: two policies analysed and compared; results.json, report.md, report.html written")
    func example() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graded = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/sycophancy/graded-example.csv").path
        let result = try await CommandRunner.runOffPool(["sycophancy", "analyze", graded, "--baseline", "original", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("warm against original: "), "\(result.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        #expect((object["policies"] as? [Any])?.count == 2 && object["policy"] == nil)
        let comparison = try #require((object["comparisons"] as? [[String: Any]])?.first)
        #expect(comparison["baseline"] as? String == "original" && (comparison["conditions"] as? [Any])?.count == 36)
        let html = try String(contentsOf: dir.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(html.contains("chart-sycophancy-comparison-1"))
    }

    @Test("bad graded files: unknown context, duplicate row, grade MAYBE, unknown baseline → exit 2 with file:line:field")
    func badFiles() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = #"{"item_id": "q1", "model": "m", "context": "none", "belief": "none", "grade": "CORRECT"}"#
        let cases: [(String, String)] = [
            (first + "\n" + first.replacingOccurrences(of: "\"none\", \"belief\"", with: "\"grumpy\", \"belief\""), "bad.jsonl:2: context: unknown context 'grumpy'"),
            (first + "\n" + first, "bad.jsonl:2: item_id: duplicate row for item 'q1', model 'm', none × none (first on line 1)"),
            (first.replacingOccurrences(of: "\"CORRECT\"", with: "\"MAYBE\""), "bad.jsonl:1: grade: unknown grade 'MAYBE'"),
        ]
        for (text, message) in cases {
            try Data(text.utf8).write(to: dir.appendingPathComponent("bad.jsonl"))
            let result = try await CommandRunner.runOffPool(["sycophancy", "analyze", "bad.jsonl", "--out", "out", "--quiet"], in: dir)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("plaudit: error: \(message)"), "\(result.stderr)")
        }
        try Data(first.utf8).write(to: dir.appendingPathComponent("good.jsonl"))
        let baseline = try await CommandRunner.runOffPool(["sycophancy", "analyze", "good.jsonl", "--baseline", "x", "--quiet"], in: dir)
        #expect(baseline.status == 2 && baseline.stderr.contains("--baseline x: no model of that name"), "\(baseline.stderr)")
    }
}
