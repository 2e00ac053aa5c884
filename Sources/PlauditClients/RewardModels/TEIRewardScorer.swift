import Foundation
public import PlauditCore

/// A BERT-family classifier reward model (for example a DeBERTa cross-encoder trained on
/// question–answer pairs) served by Hugging Face text-embeddings-inference's `/predict`.
///
/// Each batch is sent as `{"inputs": [[…], …], "raw_scores": true, "truncate": false}`: raw
/// logits rather than probabilities (research/serving_apis.md §0, rule 1), and no silent
/// truncation (rule 3), so an over-long input is a per-item
/// ``PlauditCore/ScoreOutcome/failure(_:)`` (TEI answers 422 "must have less than N tokens").
/// TEI sorts each input's labels by score, so the score is picked by label (rule 4).
///
/// Options (`BackendConfiguration.options`):
/// - `input`: `pair` (default) sends `[prompt, response]`, a text pair, as cross-encoder RMs
///   expect; the prompt is the text prompt or, for a conversation, its last user turn.
///   `text` sends `[response]` alone, for classifiers that judge a response by itself
///   (toxicity, sentiment).
/// - `label`: the label whose score is the reward. Without it, a model with exactly one label
///   uses that label; a model with several is a configuration error listing them.
///
/// `batchSize` is `max_batch_size` (default 32, TEI's `--max-client-batch-size` default);
/// ``score(batch:)`` splits longer batches. A server with a lower limit answers 422 "batch
/// size … > maximum allowed batch size N", reported as an error that says to set
/// `max_batch_size: N`.
public struct TEIRewardScorer: RewardScorer {
    /// What one input holds.
    public enum InputForm: String, Sendable, CaseIterable {
        case pair
        case text
    }

    public let name: String
    public let backend: BackendClient
    public let input: InputForm
    /// The configured label, or `nil` to use the model's only label.
    public let label: String?
    let maxBatch: Int

    /// Reads `input` and `label` from the backend's options.
    ///
    /// - Parameters:
    ///   - backend: a `tei` backend.
    ///   - name: the scorer's name in results; the backend's name when `nil`.
    /// - Throws: ``ClientError`` (`.configuration`) for an unknown option or value.
    public init(backend: BackendClient, name: String? = nil) throws {
        let options = try BackendOptions(backend.configuration, known: ["input", "label"])
        self.backend = backend
        self.name = name ?? backend.configuration.name
        self.input = try options.choice("input", default: InputForm.pair)
        self.label = options.string("label")
        self.maxBatch = max(1, backend.configuration.maxBatchSize ?? 32)
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(
            name: name, kind: .rewardModel, backend: BackendKind.tei.rawValue, model: backend.configuration.model)
    }

    public var batchSize: Int { maxBatch }

    public var cacheIdentity: ScorerCacheIdentity? {
        ScorerCacheIdentity(
            backendKind: BackendKind.tei.rawValue, baseURL: backend.cacheURL, model: backend.configuration.model ?? "",
            parameters: "input=\(input.rawValue);label=\(label ?? "");raw_scores=true"
        )
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        try await predict([request])[0]
    }

    public func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var start = 0
        while start < batch.count {
            let end = min(start + maxBatch, batch.count)
            outcomes += try await predict(Array(batch[start..<end]))
            start = end
        }
        return outcomes
    }

    /// One `/predict` call. A refused batch of several inputs is retried one input at a time,
    /// so only the over-long ones fail.
    private func predict(_ requests: [ScoringRequest]) async throws -> [ScoreOutcome] {
        let body = TEIPredictWire.Request(inputs: requests.map(inputs), rawScores: true, truncate: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        let count = requests.count
        let predictions: [[TEIPredictWire.Prediction]]
        do {
            predictions = try await backend.post("/predict", body: data) { answer in
                let decoder = JSONDecoder()
                if let batch = try? decoder.decode([[TEIPredictWire.Prediction]].self, from: answer) { return batch }
                // A lone input may come back unwrapped.
                if count == 1, let single = try? decoder.decode([TEIPredictWire.Prediction].self, from: answer) {
                    return [single]
                }
                return try decoder.decode([[TEIPredictWire.Prediction]].self, from: answer)
            }
        } catch {
            if let limit = Self.batchLimit(in: error) {
                throw ClientError(
                    .configuration,
                    "backend '\(backend.configuration.name)' (tei): the server takes at most \(limit) inputs per request and \(count) were sent; set max_batch_size: \(limit) for this backend"
                )
            }
            guard let reason = InputRejection.reason(for: error) else { throw error }
            if count == 1 { return [.failure(reason)] }
            var outcomes: [ScoreOutcome] = []
            for request in requests { outcomes.append(try await predict([request])[0]) }
            return outcomes
        }
        guard predictions.count == count else {
            throw ClientError(
                .unexpectedResponse,
                "\(backend.baseURL)/predict answered \(predictions.count) results for \(count) inputs")
        }
        return try predictions.map(pick)
    }

    private func inputs(_ request: ScoringRequest) -> [String] {
        switch input {
        case .pair: [request.prompt.text, request.response]
        case .text: [request.response]
        }
    }

    /// The configured label's score, or the only label's.
    private func pick(_ labels: [TEIPredictWire.Prediction]) throws -> ScoreOutcome {
        let seen = labels.map(\.label)
        let chosen: TEIPredictWire.Prediction?
        if let label {
            chosen = labels.first { $0.label == label }
            guard chosen != nil else {
                throw ClientError(
                    .configuration,
                    "backend '\(backend.configuration.name)' (tei): label '\(label)' is not among the model's labels \(seen.sorted()); set option label to one of them"
                )
            }
        } else {
            guard labels.count == 1 else {
                throw ClientError(
                    .configuration,
                    "backend '\(backend.configuration.name)' (tei): the model has \(labels.count) labels \(seen.sorted()); set option label to the one whose score is the reward"
                )
            }
            chosen = labels[0]
        }
        guard let score = chosen?.score, score.isFinite else {
            return .failure("the server returned a non-finite score")
        }
        return .score(score)
    }

    /// `N` from TEI's 422 "batch size 40 > maximum allowed batch size 32".
    static func batchLimit(in error: any Error) -> Int? {
        guard let error = error as? ClientError, error.code == .httpStatus(422) || error.code == .httpStatus(413) else { return nil }
        let text = String(describing: error)
        guard let marker = text.range(of: "maximum allowed batch size ") else { return nil }
        return Int(text[marker.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
