import Foundation
import Testing

/// `plaudit audit` with human labels: absolute rows (JSONL or CSV), pairwise rows joined by
/// text, and the Artificial Hivemind subsets in results.json and report.md.
@Suite("plaudit audit with human labels (command line)")
struct HumanLabelsCommandTests {
    static let oracle = CommandRunner.repositoryRoot.appendingPathComponent("Tests/PlauditAuditsTests/Oracles/hivemind")

    static let rows = [
        #"{"user_query": "Name a colour.", "response": "Blue.", "human_labels": [4, 5, 4]}"#,
        #"{"user_query": "Name a colour.", "response": "Vermilion.", "human_labels": [3, 5, 2]}"#,
        #"{"user_query": "Name a colour.", "response": "Grey.", "human_labels": [2, 2, 3]}"#,
    ]

    @Test("the oracle's data through the command line: every subset and its size in results.json and report.md")
    func subsetsInResults() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = Self.oracle.path
        let result = try await CommandRunner.runOffPool(
            [
                "audit", "\(o)/absolute.jsonl", "--scores", "\(o)/scores.jsonl", "--human-preferences", "\(o)/pairwise.jsonl",
                "--embedder", "lexical", "--resamples", "100", "--permutations", "99", "--out", "out", "--quiet",
            ], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        let human = try #require(json["human_calibration"] as? [String: Any])
        try await BrowserCheck.expectCharts(dir.appendingPathComponent("out/report.html"), including: ["chart-human-absolute", "chart-human-pairwise"])
        #expect(human["rated_responses"] as? Int == 750)
        #expect(human["labelled_pairs"] as? Int == 500)
        let scorers = try #require(human["scorers"] as? [[String: Any]])
        #expect(scorers.map { $0["scorer"] as? String } == ["judge-sim", "ppl-sim", "rm-sim"])
        let oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.oracle.appendingPathComponent("oracle.json"))) as! [String: Any]
        let expected = (oracle["scorers"] as! [String: Any])["rm-sim"] as! [String: [[String: Any]]]
        let rm = scorers[2]
        for family in ["absolute", "pairwise"] {
            let mine = rm[family] as! [[String: Any]]
            #expect(mine.map { ($0["subset"] as! [String: Any])["size"] as! Int } == expected[family]!.map { $0["size"] as! Int })
            #expect(mine.map { $0["n"] as! Int } == expected[family]!.map { $0["n"] as! Int })
        }
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(report.contains("## Agreement with human labels"))
        #expect(report.contains("### Pairwise preferences"))
    }

    @Test("absolute rows as CSV read like JSONL (labels as a JSON list or ;-separated)")
    func csvRows() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "user_query,response,human_labels\n\"Name a colour.\",Blue.,\"[4, 5, 4]\"\n\"Name a colour.\",Vermilion.,3;5;2\n\"Name a colour.\",Grey.,2 2 3\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("rows.csv"))
        try Data((Self.rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("rows.jsonl"))
        for name in ["rows.csv", "rows.jsonl"] {
            let scores = "item_id,response_id,scorer,score\n" + ["r1", "r2", "r3"].enumerated().map { "q4eef85d027f3,\($1),s,\(Double($0))" }.joined(separator: "\n") + "\n"
            try Data(scores.utf8).write(to: dir.appendingPathComponent("scores.csv"))
            let result = try await CommandRunner.runOffPool(["audit", name, "--scores", "scores.csv", "--embedder", "lexical", "--out", "out-\(name)", "--quiet"], in: dir)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out-rows.csv/results.json"))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out-rows.jsonl/results.json"))) as! [String: Any]
        #expect(NSDictionary(dictionary: a["human_calibration"] as! [String: Any]) == NSDictionary(dictionary: b["human_calibration"] as! [String: Any]))
    }

    @Test("a pairwise row that matches no response, or has labels outside −2…2: file, line and field; exit 2")
    func badPairwiseRows() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((Self.rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("rows.jsonl"))
        let cases: [(String, String)] = [
            (#"{"user_query": "Name a colour.", "response_1": "Blue.", "response_2": "Teal.", "human_labels": [1, 0]}"#, "pairs.jsonl:2: response_2: "),
            (#"{"user_query": "Name a shape.", "response_1": "Blue.", "response_2": "Grey.", "human_labels": [1, 0]}"#, "pairs.jsonl:2: user_query: "),
            (#"{"user_query": "Name a colour.", "response_1": "Blue.", "response_2": "Grey.", "human_labels": [1, 3]}"#, "pairs.jsonl:2: human_labels: "),
        ]
        let good = #"{"user_query": "Name a colour.", "response_1": "Blue.", "response_2": "Grey.", "human_labels": [2, 1, 0]}"#
        for (bad, expected) in cases {
            try Data((good + "\n" + bad + "\n").utf8).write(to: dir.appendingPathComponent("pairs.jsonl"))
            let result = try await CommandRunner.runOffPool(
                ["audit", "rows.jsonl", "--human-preferences", "pairs.jsonl", "--local-judge", "--llama-url", "http://127.0.0.1:1", "--out", "out", "--quiet"], in: dir)
            #expect(result.status == 2)
            #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        }
    }
}
