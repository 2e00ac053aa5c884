import Foundation
import Testing

/// End-to-end tests of `plaudit audit` on files, without a model server.
@Suite("plaudit audit (command line)")
struct AuditCommandTests {
    static let goodItem =
        #"{"id":"p1","prompt":"Name a color.","responses":[{"id":"a","text":"Blue.","valid":true,"cluster":"blue","scores":{"rm":1.0}},{"id":"b","text":"Blue, like the sky.","valid":true,"cluster":"blue","scores":{"rm":0.8}},{"id":"c","text":"Vermilion.","valid":true,"cluster":"red","scores":{"rm":0.1}}]}"#

    static func item(_ id: String, offset: Double) -> String {
        Self.goodItem.replacingOccurrences(of: "\"p1\"", with: "\"\(id)\"")
            .replacingOccurrences(of: "0.1}", with: "\(0.1 + offset)}")
    }

    /// Each malformed file, with the line and field the error must name.
    static let malformed: [(name: String, body: String, line: Int, field: String)] = [
        ("bad-json", goodItem + "\n\n{\"id\": \"p2\", \"prompt\": \"x\", \"responses\": [\n", 3, ""),
        ("missing-field", goodItem + "\n{\"id\":\"p2\",\"responses\":[{\"id\":\"a\",\"text\":\"t\"}]}\n", 2, "prompt"),
        ("wrong-type", goodItem.replacingOccurrences(of: "\"id\":\"b\",\"text\":\"Blue, like the sky.\",\"valid\":true", with: "\"id\":\"b\",\"text\":\"Blue, like the sky.\",\"valid\":\"yes\""), 1, "responses[1].valid"),
        ("empty-responses", goodItem + "\n{\"id\":\"p2\",\"prompt\":\"x\",\"responses\":[]}\n", 2, "responses"),
    ]

    @Test("Malformed data: one-line error naming file, line and field; exit 2; no results", arguments: 0..<4)
    func malformedDataset(index: Int) async throws {
        let (name, body, line, field) = Self.malformed[index]
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(body.utf8).write(to: dir.appendingPathComponent("\(name).jsonl"))
        let result = try await CommandRunner.runOffPool(["audit", "\(name).jsonl", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        let expected = field.isEmpty ? "\(name).jsonl:\(line): " : "\(name).jsonl:\(line): \(field): "
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("--skip-bad-rows leaves bad rows out and counts them in the results")
    func skipBadRows() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = (0..<6).map { Self.item("p\($0)", offset: Double($0) / 10) }.joined(separator: "\n") + "\nnot json\n"
        try Data(body.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        let result = try await CommandRunner.runOffPool(["audit", "d.jsonl", "--out", "out", "--quiet", "--skip-bad-rows", "--clustering", "labels", "--resamples", "200", "--permutations", "99"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        let skipped = json["skipped_rows"] as! [[String: Any]]
        #expect(skipped.count == 1)
        #expect(skipped.first?["line"] as? Int == 7)
        #expect((json["manifest"] as! [String: Any])["counts"].map { ($0 as! [String: Int])["skipped_rows"] } == 1)
    }

    @Test("Offline path: a CSV scores file joins the data; results, report and scores are written")
    func offlineScores() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = (0..<6).map { Self.item("p\($0)", offset: 0) }.joined(separator: "\n") + "\n"
        try Data(body.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        var csv = "scorer,item_id,response_id,score\n"
        for p in 0..<6 { csv += "dump,p\(p),a,\(p)\ndump,p\(p),b,\(p)\ndump,p\(p),c,\(Double(p) + 0.5)\n" }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("scores.csv"))
        let result = try await CommandRunner.runOffPool(["audit", "d.jsonl", "--scores", "scores.csv", "--out", "out", "--quiet", "--clustering", "labels", "--resamples", "200", "--permutations", "99"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("dump"))
        #expect(result.stdout.contains("rm"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as! [String: Any]
        #expect(json["schema"] as? String == "plaudit.calibration/1")
        let scorers = (json["scorers"] as! [[String: Any]]).map { ($0["scorer"] as! [String: Any])["name"] as! String }
        #expect(Set(scorers) == ["dump", "rm"])
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(report.contains("## Summary by scorer"))
        let scores = try String(contentsOf: dir.appendingPathComponent("out/scores.jsonl"), encoding: .utf8)
        #expect(scores.split(separator: "\n").count == 6 * 3 * 2)
    }

    @Test("A scores row naming an unknown response: located error, exit 2")
    func unknownResponseInScores() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((Self.goodItem + "\n").utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        try Data("item_id,response_id,scorer,score\np1,a,x,1\np1,zz,x,2\n".utf8).write(to: dir.appendingPathComponent("s.csv"))
        let result = try await CommandRunner.runOffPool(["audit", "d.jsonl", "--scores", "s.csv", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("s.csv:3: response_id: item 'p1' has no response 'zz'"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("Nothing to score, or an unknown rubric: exit 2 before any model starts")
    func configurationErrors() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let unscored = Self.goodItem.replacingOccurrences(of: #","scores":\{"rm":[0-9.]+\}"#, with: "", options: .regularExpression)
        try Data((unscored + "\n").utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        let nothing = try await CommandRunner.runOffPool(["audit", "d.jsonl", "--quiet"], in: dir)
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("nothing to audit"))
        let rubric = try await CommandRunner.runOffPool(["audit", "d.jsonl", "--local-judge", "--rubric", "no-such-rubric", "--quiet"], in: dir)
        #expect(rubric.status == 2)
        #expect(rubric.stderr.contains("no-such-rubric"))
    }
}
