import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("EndpointSentimentClassifier against fake TEI /predict and vLLM /classify")
struct EndpointSentimentClassifierTests {
    /// A positive probability per text, derived from the text so any batch order can be checked.
    static func probability(_ text: String) -> Double {
        text.hasPrefix("good") ? 0.9 : (text.hasPrefix("bad") ? 0.2 : 0.51)
    }

    /// TEI's `/predict` answer: one list per input, each sorted by score, highest first.
    static func teiAnswer(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Reply {
        guard request.path == "/predict", let inputs = request.json?["inputs"] as? [[String]] else {
            return .json(#"{"error": "Not found", "error_type": "validation"}"#, status: 404)
        }
        let items = inputs.map { input -> String in
            let p = probability(input[0])
            let labels = [("POSITIVE", p), ("NEGATIVE", 1 - p)].sorted { $0.1 > $1.1 }
            return "[" + labels.map { #"{"score": \#($0.1), "label": "\#($0.0)"}"# }.joined(separator: ", ") + "]"
        }
        return .json("[" + items.joined(separator: ", ") + "]")
    }

    @Test("TEI: batches of max_batch_size with probabilities asked for; scores read by label; order kept")
    func tei() async throws {
        let texts = (0..<7).map { ["good \($0)", "bad \($0)", "meh \($0)"][$0 % 3] }
        let (scores, log) = try await withBackend(kind: .tei, model: "distilbert-sst2", maxBatchSize: 3, handler: { Self.teiAnswer($0) }) {
            server, client in
            (try await EndpointSentimentClassifier(backend: client).classify(texts), server.log)
        }
        #expect(log.count == 3, "7 texts in batches of 3")
        #expect(log.allSatisfy { $0.path == "/predict" })
        let first = try #require(log.first { ($0.json?["inputs"] as? [[String]])?.first == ["good 0"] })
        #expect(first.json?["raw_scores"] as? Bool == false)
        #expect(first.json?["truncate"] as? Bool == true)
        #expect(first.json?["inputs"] as? [[String]] == [["good 0"], ["bad 1"], ["meh 2"]])
        #expect(scores.count == 7)
        for (text, score) in zip(texts, scores) {
            let p = Self.probability(text)
            #expect(abs(score.positive - p) < 1e-12 && abs(score.negative - (1 - p)) < 1e-12, "\(text)")
            #expect(abs(score.compound - (2 * p - 1)) < 1e-12)
        }
        #expect(scores.map(\.label) == texts.map { $0.hasPrefix("good") ? .positive : ($0.hasPrefix("bad") ? .negative : .neutral) })
    }

    @Test("TEI: a model without positive/negative labels is a configuration error listing its labels; options choose them")
    func teiLabels() async throws {
        let answer = #"[[{"score": 0.7, "label": "LABEL_1"}, {"score": 0.3, "label": "LABEL_0"}]]"#
        let message = try await withBackend(kind: .tei, model: "m", handler: { _ in .json(answer) }) { _, client in
            do {
                _ = try await EndpointSentimentClassifier(backend: client).classify(["x"])
                return ""
            } catch { return String(describing: error) }
        }
        #expect(message.contains("LABEL_0") && message.contains("LABEL_1") && message.contains("positive_label"))
        let scores = try await withBackend(
            kind: .tei, model: "m", options: ["positive_label": "LABEL_1", "negative_label": "LABEL_0"], handler: { _ in .json(answer) }
        ) { _, client in try await EndpointSentimentClassifier(backend: client).classify(["x"]) }
        #expect(scores.count == 1 && abs(scores[0].compound - 0.4) < 1e-12)
        // A three-class model: neutral takes the rest.
        let three = #"[[{"score": 0.5, "label": "neutral"}, {"score": 0.3, "label": "positive"}, {"score": 0.2, "label": "negative"}]]"#
        let scored = try await withBackend(kind: .tei, model: "m", handler: { _ in .json(three) }) { _, client in
            try await EndpointSentimentClassifier(backend: client).classify(["x"])
        }
        #expect(abs(scored[0].neutral - 0.5) < 1e-12 && abs(scored[0].compound - 0.1) < 1e-12 && scored[0].label == .positive)
    }

    @Test("vLLM: /classify with text input and use_activation true; probabilities mapped by index through option labels")
    func vllm() async throws {
        let (scores, log) = try await withBackend(
            kind: .vllm, model: "distilbert-sst2", options: ["labels": "NEGATIVE, POSITIVE"],
            handler: { request in
                let inputs = request.json?["input"] as? [String] ?? []
                // Answers in reverse order: they must be put back by index.
                let data = inputs.enumerated().reversed().map { index, text in
                    let p = Self.probability(text)
                    return #"{"index": \#(index), "label": "\#(p > 0.5 ? "POSITIVE" : "NEGATIVE")", "probs": [\#(1 - p), \#(p)], "num_classes": 2}"#
                }
                return .json(
                    #"{"id": "classify-1", "object": "list", "created": 1767000000, "model": "distilbert-sst2", "data": [\#(data.joined(separator: ", "))], \#(VLLMBodies.usage)}"#)
            }
        ) { server, client in (try await EndpointSentimentClassifier(backend: client).classify(["good", "bad", "meh"]), server.log) }
        let sent = try #require(log.first)
        #expect(sent.path == "/classify")
        #expect(sent.json?["input"] as? [String] == ["good", "bad", "meh"])
        #expect(sent.json?["use_activation"] as? Bool == true)
        #expect(sent.json?["model"] as? String == "distilbert-sst2")
        #expect(scores.map(\.label) == [.positive, .negative, .neutral])
        #expect(abs(scores[0].positive - 0.9) < 1e-12)
    }

    @Test("configuration errors: vLLM without labels, a class count that differs, a backend that cannot classify")
    func configurationErrors() async throws {
        let noLabels = try await withBackend(kind: .vllm, handler: { _ in .json("{}") }) { _, client in
            do {
                _ = try EndpointSentimentClassifier(backend: client)
                return ""
            } catch { return String(describing: error) }
        }
        #expect(noLabels.contains("labels") && noLabels.contains("id2label"))
        let wrongCount = try await withBackend(
            kind: .vllm, options: ["labels": "NEGATIVE,NEUTRAL,POSITIVE"],
            handler: { _ in .json(#"{"data": [{"index": 0, "label": "POSITIVE", "probs": [0.1, 0.9], "num_classes": 2}]}"#) }
        ) { _, client in
            do {
                _ = try await EndpointSentimentClassifier(backend: client).classify(["x"])
                return ""
            } catch { return String(describing: error) }
        }
        #expect(wrongCount.contains("2 classes") && wrongCount.contains("names 3"))
        let openai = try await withBackend(kind: .openai, handler: { _ in .json("{}") }) { _, client in
            do {
                _ = try EndpointSentimentClassifier(backend: client)
                return ""
            } catch { return String(describing: error) }
        }
        #expect(openai.contains("tei") && openai.contains("vllm"))
        let unknown = try await withBackend(kind: .tei, options: ["label": "x"], handler: { _ in .json("{}") }) { _, client in
            do {
                _ = try EndpointSentimentClassifier(backend: client)
                return ""
            } catch { return String(describing: error) }
        }
        #expect(unknown.contains("unknown option label"))
    }
}
