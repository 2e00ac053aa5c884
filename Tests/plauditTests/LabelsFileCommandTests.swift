import Foundation
import Testing

/// `plaudit audit --labels FILE`: human validity labels kept apart from the data, joined by id.
@Suite("plaudit audit --labels (command line)")
struct LabelsFileCommandTests {
    /// The six-prompt fixture without its `valid` flags, the flags as a labels file, and a scores
    /// file (a length-paying scorer) for both.
    static func prepare(in dir: URL) throws -> (flags: [(item: String, response: String, valid: Bool)], unflagged: URL) {
        let source = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/suites/data/open-ended-6.jsonl")
        var flags: [(String, String, Bool)] = []
        var unflagged: [String] = []
        var scores = ["item_id,response_id,scorer,score"]
        for line in try String(contentsOf: source, encoding: .utf8).split(separator: "\n") {
            var item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            var responses = item["responses"] as! [[String: Any]]
            for j in responses.indices {
                let id = responses[j]["id"] as! String
                flags.append((item["id"] as! String, id, responses[j]["valid"] as! Bool))
                responses[j]["valid"] = nil
                scores.append("\(item["id"] as! String),\(id),rm,\(Double((responses[j]["text"] as! String).count) / 10)")
            }
            item["responses"] = responses
            unflagged.append(String(decoding: try JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]), as: UTF8.self))
        }
        let url = dir.appendingPathComponent("unflagged.jsonl")
        try Data((unflagged.joined(separator: "\n") + "\n").utf8).write(to: url)
        try Data((scores.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("scores.csv"))
        return (flags, url)
    }

    /// The first scorer's overall row, as canonical JSON text.
    static func overall(_ dir: URL, _ out: String) throws -> String {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(out)/results.json"))) as! [String: Any]
        let scorers = json["scorers"] as! [[String: Any]]
        return String(decoding: try JSONSerialization.data(withJSONObject: scorers[0]["overall"]!, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("the data's flags as a labels file (JSONL or CSV) give the same scorer row as the flags in the data; without them, another")
    func labelsEqualFlags() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (flags, unflagged) = try Self.prepare(in: dir)
        #expect(flags.contains { !$0.valid } && flags.contains { $0.valid })
        let jsonl = flags.map { #"{"item_id": "\#($0.item)", "response_id": "\#($0.response)", "valid": \#($0.valid)}"# }
        try Data((jsonl.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("labels.jsonl"))
        let csv = ["item_id,response_id,valid"] + flags.map { "\($0.item),\($0.response),\($0.valid ? 1 : 0)" }
        try Data((csv.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("labels.csv"))
        let common = ["--scores", "scores.csv", "--embedder", "lexical", "--resamples", "200", "--permutations", "99", "--quiet"]
        let source = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/suites/data/open-ended-6.jsonl").path
        for (data, extra, out) in [
            (source, [String](), "flags"), (unflagged.path, ["--labels", "labels.jsonl"], "jsonl"), (unflagged.path, ["--labels", "labels.csv"], "csv"),
            (unflagged.path, [], "none"),
        ] {
            let run = try await CommandRunner.runOffPool(["audit", data] + common + extra + ["--out", out], in: dir)
            #expect(run.status == 0, "\(out): \(run.stderr)")
        }
        let expected = try Self.overall(dir, "flags")
        for out in ["jsonl", "csv"] {
            let got = try Self.overall(dir, out)
            #expect(got == expected, "\(out)")
            let results = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(out)/results.json"))) as! [String: Any]
            let invalid = flags.filter { !$0.valid }.count
            #expect(results["validity_source"] as? String == "labels file labels.\(out) (\(flags.count - invalid) valid, \(invalid) invalid)")
            let report = try String(contentsOf: dir.appendingPathComponent("\(out)/report.md"), encoding: .utf8)
            #expect(report.contains("- Validity: labels file labels.\(out)"))
        }
        let none = try Self.overall(dir, "none")
        #expect(none != expected, "without validity the invalid answers form pairs")
    }

    @Test(
        "a missing id, a duplicate row, a non-boolean valid: FILE:LINE: FIELD: message, exit 2, nothing written",
        arguments: [
            ("labels.jsonl", #"{"item_id": "haiku-autumn", "response_id": "r01", "valid": false}"# + "\n" + #"{"item_id": "nope", "response_id": "r01", "valid": true}"#,
             "labels.jsonl:2: item_id: no item 'nope' in the dataset"),
            ("labels.jsonl", #"{"item_id": "haiku-autumn", "response_id": "r99", "valid": true}"#, "labels.jsonl:1: response_id: item 'haiku-autumn' has no response 'r99'"),
            ("labels.jsonl", #"{"item_id": "haiku-autumn", "response_id": "r01", "valid": false}"# + "\n\n" + #"{"item_id": "haiku-autumn", "response_id": "r01", "rating": 2}"#,
             "labels.jsonl:3: response_id: a second label for haiku-autumn/r01 (the first is on line 1)"),
            ("labels.jsonl", #"{"item_id": "haiku-autumn", "response_id": "r01", "valid": "yes"}"#, "labels.jsonl:1: valid: expected true or false"),
            ("labels.csv", "item_id,response_id,valid\nhaiku-autumn,r01,maybe", "labels.csv:2: valid: expected true or false, found 'maybe'"),
            ("labels.csv", "item_id,response_id,rating\nhaiku-autumn,r01,good", "labels.csv:2: rating: expected a number, found 'good'"),
            ("labels.jsonl", #"{"item_id": "haiku-autumn", "response_id": "r01"}"#, "labels.jsonl:1: valid: a label needs `valid`, `rating` or both"),
        ])
    func badLabels(name: String, contents: String, message: String) async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.prepare(in: dir)
        try Data((contents + "\n").utf8).write(to: dir.appendingPathComponent(name))
        let run = try await CommandRunner.runOffPool(
            ["audit", "unflagged.jsonl", "--scores", "scores.csv", "--labels", name, "--embedder", "lexical", "--out", "out"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr == "plaudit: error: \(message)\n", "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
