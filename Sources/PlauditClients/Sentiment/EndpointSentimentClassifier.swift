import Foundation
public import PlauditCore

/// A sentiment classifier served over HTTP, for the monoculture audit's sentiment attribute: a
/// sequence classifier such as `distilbert-base-uncased-finetuned-sst-2-english` (the Generative
/// Monoculture study's) behind text-embeddings-inference's `/predict` (`kind: tei`) or vLLM's
/// `/classify` (`kind: vllm`, ≥ 0.11).
///
/// Texts are sent in batches of `max_batch_size` (default 32), several batches in flight up to
/// the backend's concurrency. Probabilities are asked for (softmax: TEI `raw_scores: false`,
/// vLLM `use_activation: true`), and each text's scores are
/// `positive = P(positive label)`, `negative = P(negative label)`, `neutral = 1 − both`, and
/// `compound = positive − negative`; the text is labelled positive when compound ≥ 0.05 (for a
/// binary model, P(positive) ≥ 0.525), as VADER's compound is. TEI is asked to truncate long
/// inputs (`truncate: true`), as the study did at 512 tokens: sentiment is read from the start
/// of a long review, not refused.
///
/// Options (`BackendConfiguration.options`):
/// - `positive_label`, `negative_label`: the model's label names; by default the labels that
///   read `positive` and `negative` in any case. A model without them is a configuration error
///   that lists its labels.
/// - `labels` (vLLM only, required): the model's labels in class-index order (its `id2label`),
///   comma-separated, for example `NEGATIVE,POSITIVE`: vLLM's `/classify` returns probabilities
///   by index and names only the top class.
public struct EndpointSentimentClassifier: SentimentClassifier {
    public let backend: BackendClient
    let positiveLabel: String?
    let negativeLabel: String?
    /// vLLM: label names by class index.
    let indexLabels: [String]
    let batchSize: Int

    /// - Throws: ``ClientError`` (`.configuration`) for a backend that is not `tei` or `vllm`,
    ///   an unknown option, or a vLLM backend without `labels`.
    public init(backend: BackendClient) throws {
        let configuration = backend.configuration
        switch configuration.kind {
        case .tei:
            let options = try BackendOptions(configuration, known: ["positive_label", "negative_label"])
            indexLabels = []
            positiveLabel = options.string("positive_label")
            negativeLabel = options.string("negative_label")
        case .vllm:
            let options = try BackendOptions(configuration, known: ["positive_label", "negative_label", "labels"])
            let labels = try options.required(
                "labels",
                purpose: "vLLM's /classify returns probabilities by class index, so name the model's labels in index order (its id2label), for example NEGATIVE,POSITIVE"
            )
            indexLabels = labels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            positiveLabel = options.string("positive_label")
            negativeLabel = options.string("negative_label")
        default:
            throw ClientError(
                .configuration,
                "backend '\(configuration.name)' (\(configuration.kind.rawValue)): a sentiment classifier needs a tei (/predict) or vllm (/classify) backend"
            )
        }
        self.backend = backend
        self.batchSize = max(1, configuration.maxBatchSize ?? 32)
    }

    public var name: String {
        "\(backend.configuration.kind.rawValue) \(backend.configuration.model ?? backend.configuration.name)"
    }

    public func classify(_ texts: [String]) async throws -> [SentimentScores] {
        let batches = stride(from: 0, to: texts.count, by: batchSize).map { Array(texts[$0..<min($0 + batchSize, texts.count)]) }
        var results = [[SentimentScores]](repeating: [], count: batches.count)
        let limit = max(1, backend.configuration.concurrency)
        try await withThrowingTaskGroup(of: (Int, [SentimentScores]).self) { group in
            var next = 0
            func launch() {
                let index = next
                let batch = batches[index]
                next += 1
                group.addTask { (index, try await self.classifyBatch(batch)) }
            }
            while next < min(limit, batches.count) { launch() }
            while let (index, scores) = try await group.next() {
                results[index] = scores
                if next < batches.count { launch() }
            }
        }
        return results.flatMap { $0 }
    }

    /// One request: label probabilities for each text, in order.
    func classifyBatch(_ texts: [String]) async throws -> [SentimentScores] {
        let probabilities: [[String: Double]]
        switch backend.configuration.kind {
        case .tei: probabilities = try await predict(texts)
        default: probabilities = try await classifyVLLM(texts)
        }
        return try probabilities.map(scores)
    }

    private func predict(_ texts: [String]) async throws -> [[String: Double]] {
        let body = TEIPredictWire.Request(inputs: texts.map { [$0] }, rawScores: false, truncate: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let count = texts.count
        let answer = try await backend.post("/predict", body: try encoder.encode(body)) { data in
            let decoder = JSONDecoder()
            if let batch = try? decoder.decode([[TEIPredictWire.Prediction]].self, from: data) { return batch }
            // A lone input may come back unwrapped.
            if count == 1, let single = try? decoder.decode([TEIPredictWire.Prediction].self, from: data) { return [single] }
            return try decoder.decode([[TEIPredictWire.Prediction]].self, from: data)
        }
        guard answer.count == count else {
            throw ClientError(.unexpectedResponse, "\(backend.baseURL)/predict answered \(answer.count) results for \(count) texts")
        }
        // TEI sorts each text's labels by score: read them by name.
        return answer.map { Dictionary($0.map { ($0.label, $0.score) }, uniquingKeysWith: { first, _ in first }) }
    }

    private func classifyVLLM(_ texts: [String]) async throws -> [[String: Double]] {
        let body = SentimentClassifyWire.Request(model: backend.configuration.model, input: texts, useActivation: true)
        let response = try await backend.post("/classify", body: body, as: VLLMRewardWire.ClassifyResponse.self)
        let source = "\(backend.baseURL)/classify"
        guard response.data.count == texts.count else {
            throw ClientError(.unexpectedResponse, "\(source) answered \(response.data.count) results for \(texts.count) texts")
        }
        var out = [[String: Double]?](repeating: nil, count: texts.count)
        for item in response.data {
            guard (0..<texts.count).contains(item.index), out[item.index] == nil else {
                throw ClientError(.unexpectedResponse, "\(source) answered with index \(item.index), out of range or repeated")
            }
            guard item.probs.count == indexLabels.count else {
                throw ClientError(
                    .configuration,
                    "backend '\(backend.configuration.name)' (vllm): the model has \(item.probs.count) classes but option labels names \(indexLabels.count) (\(indexLabels.joined(separator: ",")))"
                )
            }
            out[item.index] = Dictionary(zip(indexLabels, item.probs), uniquingKeysWith: { first, _ in first })
        }
        return out.map { $0 ?? [:] }
    }

    /// VADER-style scores from one text's label probabilities.
    private func scores(_ probabilities: [String: Double]) throws -> SentimentScores {
        let positive = try label(positiveLabel, reading: "positive", in: probabilities)
        let negative = try label(negativeLabel, reading: "negative", in: probabilities)
        let p = probabilities[positive]!
        let n = probabilities[negative]!
        guard p.isFinite, n.isFinite else {
            throw ClientError(.unexpectedResponse, "\(backend.baseURL) returned a non-finite probability")
        }
        return SentimentScores(negative: n, neutral: max(0, 1 - p - n), positive: p, compound: p - n)
    }

    /// The configured label, or the one that reads `word` in any case.
    private func label(_ configured: String?, reading word: String, in probabilities: [String: Double]) throws -> String {
        let known = probabilities.keys.sorted()
        if let configured {
            guard probabilities[configured] != nil else {
                throw ClientError(
                    .configuration,
                    "backend '\(backend.configuration.name)': label '\(configured)' is not among the model's labels \(known); set option \(word)_label to one of them"
                )
            }
            return configured
        }
        guard let found = known.first(where: { $0.lowercased() == word }) else {
            throw ClientError(
                .configuration,
                "backend '\(backend.configuration.name)': the model's labels \(known) include none called \(word); set option \(word)_label"
            )
        }
        return found
    }
}

/// vLLM's `/classify` in its text form with class probabilities (`use_activation: true`).
enum SentimentClassifyWire {
    struct Request: Encodable {
        var model: String?
        var input: [String]
        var useActivation: Bool

        enum CodingKeys: String, CodingKey {
            case model, input
            case useActivation = "use_activation"
        }
    }
}
