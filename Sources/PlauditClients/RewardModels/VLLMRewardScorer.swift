import Foundation
public import PlauditCore

/// A sequence-classifier reward model (Skywork-Reward-V2 and the like) served by vLLM: the
/// score is the model's raw logit for the conversation prompt + response.
///
/// Follows the rules of research/serving_apis.md §0: ask for the raw logit (`use_activation:
/// false`, or `activation: false` on 0.10), let the server render the chat template from
/// `messages` so there is exactly one BOS, never truncate (an over-long conversation is a
/// per-item ``PlauditCore/ScoreOutcome/failure(_:)``), and map answers by `index`.
///
/// Options (`BackendConfiguration.options`):
/// - `endpoint`: `pooling` (default; the score is `data[i].data[0]`) or `classify` (the score
///   is `data[i].probs[0]`).
/// - `vllm_version`: which request form to send (§1.7).
///   - `current` (default, vLLM ≥ 0.20): one chat conversation per request, with
///     `"use_activation": false`.
///   - `0.11`: the same, plus `"task": "classify"` on `/pooling`, whose default task on 0.11 is
///     token-level (it would return hidden states, not the score).
///   - `0.10`: `/classify` only (0.10's `/pooling` always returns all-token hidden states),
///     with `"activation": false` and a pre-rendered `input` string, an array of them for a
///     batch, because 0.10 has no chat form.
/// - `template` (required with `0.10`, refused otherwise): the rendered conversation, with
///   `{prompt}` and `{response}` placeholders, for example
///   `<|start_header_id|>user<|end_header_id|>\n\n{prompt}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{response}<|eot_id|>`.
///   It must **not** start with the BOS text (`<|begin_of_text|>`, `<s>`, `<bos>`): 0.10's
///   `/classify` adds special tokens itself and has no `add_special_tokens` switch, so a BOS
///   in the template would give two, which shifts scores. Templates starting with a known
///   BOS text are refused. A prompt of more than one message cannot be rendered by this
///   template and is a per-item failure.
///
/// `batchSize` is 1 for the chat forms (vLLM batches concurrent requests itself, §8) and
/// `max_batch_size` (default 32) for the 0.10 text form.
public struct VLLMRewardScorer: RewardScorer {
    /// Which route gives the scalar.
    public enum Endpoint: String, Sendable, CaseIterable {
        case pooling
        case classify
    }

    /// Which request form the server understands.
    public enum ServerVersion: String, Sendable, CaseIterable {
        /// vLLM ≥ 0.20.
        case current
        case v0_11 = "0.11"
        case v0_10 = "0.10"
    }

    /// BOS texts of common chat templates, refused at the start of a 0.10 template.
    static let bosTexts = ["<|begin_of_text|>", "<s>", "<bos>", "<|startoftext|>", "[BOS]", "<|bos|>"]

    public let name: String
    public let backend: BackendClient
    public let endpoint: Endpoint
    public let version: ServerVersion
    /// The 0.10 template, `nil` for the chat forms.
    public let template: String?
    let textBatchSize: Int

    /// Reads `endpoint`, `vllm_version` and `template` from the backend's options.
    ///
    /// - Parameters:
    ///   - backend: a `vllm` backend.
    ///   - name: the scorer's name in results; the backend's name when `nil`.
    /// - Throws: ``ClientError`` (`.configuration`) for an unknown option or value, a 0.10
    ///   configuration without a template (or with one that starts with BOS text), or
    ///   `endpoint: pooling` with 0.10.
    public init(backend: BackendClient, name: String? = nil) throws {
        let configuration = backend.configuration
        let options = try BackendOptions(configuration, known: ["endpoint", "vllm_version", "template"])
        self.backend = backend
        self.name = name ?? configuration.name
        self.version = try Self.parseVersion(options)
        let requestedEndpoint = options.string("endpoint")
        self.endpoint = try options.choice("endpoint", default: version == .v0_10 ? .classify : Endpoint.pooling)
        self.textBatchSize = max(1, configuration.maxBatchSize ?? 32)
        switch version {
        case .v0_10:
            if requestedEndpoint != nil, endpoint == .pooling {
                throw options.error(
                    "endpoint: pooling does not give the score on vLLM 0.10 (its /pooling always returns all-token hidden states); use endpoint: classify, or upgrade vLLM"
                )
            }
            let template = try options.required(
                "template",
                purpose:
                    "vLLM 0.10's /classify has no chat form, so the conversation must be pre-rendered from a template with {prompt} and {response}"
            )
            guard template.contains("{prompt}"), template.contains("{response}") else {
                throw options.error("option template must contain both {prompt} and {response}")
            }
            if let bos = Self.bosTexts.first(where: { template.hasPrefix($0) }) {
                throw options.error(
                    "option template starts with the BOS text \(bos); vLLM 0.10 adds BOS itself, so remove it (exactly one BOS, research/serving_apis.md §0)"
                )
            }
            self.template = template
        case .current, .v0_11:
            if options.string("template") != nil {
                throw options.error(
                    "option template is only for vllm_version: \"0.10\"; newer servers render the model's own chat template from messages"
                )
            }
            self.template = nil
        }
    }

    private static func parseVersion(_ options: BackendOptions) throws -> ServerVersion {
        guard let text = options.string("vllm_version")?.trimmingCharacters(in: .whitespaces) else { return .current }
        if let version = ServerVersion(rawValue: text) { return version }
        // Accept patch releases such as 0.10.2 and 0.11.2.
        for version in [ServerVersion.v0_10, .v0_11] where text.hasPrefix(version.rawValue + ".") {
            return version
        }
        if text.hasPrefix("0.8") || text.hasPrefix("0.9") {
            throw options.error(
                "vllm_version \(text) is not supported: it has no request switch for raw logits (start it with --override-pooler-config '{\"softmax\": false}' and use vllm_version: \"0.10\", or upgrade)"
            )
        }
        throw options.error("option vllm_version: '\(text)' is not one of current (vLLM ≥ 0.20), 0.11, 0.10")
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(
            name: name, kind: .rewardModel, backend: BackendKind.vllm.rawValue, model: backend.configuration.model)
    }

    public var batchSize: Int {
        version == .v0_10 ? textBatchSize : 1
    }

    public var cacheIdentity: ScorerCacheIdentity? {
        var parameters = "endpoint=\(endpoint.rawValue);version=\(version.rawValue)"
        if let template {
            parameters += ";template_sha256=\(SHA256Hex.digest(of: template))"
        }
        return ScorerCacheIdentity(
            backendKind: BackendKind.vllm.rawValue, baseURL: backend.cacheURL, model: backend.configuration.model ?? "",
            parameters: parameters
        )
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        if version == .v0_10 {
            return try await scoreText([request])[0]
        }
        let messages = request.prompt.messages.map { VLLMRewardWire.Message(role: $0.role, content: $0.content) }
        let body = VLLMRewardWire.ChatRequest(
            model: backend.configuration.model,
            messages: messages + [.init(role: "assistant", content: request.response)],
            task: version == .v0_11 && endpoint == .pooling ? "classify" : nil,
            useActivation: false
        )
        do {
            return try await post(body, count: 1)[0]
        } catch {
            if let reason = InputRejection.reason(for: error) { return .failure(reason) }
            throw error
        }
    }

    public func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
        guard version == .v0_10 else {
            var outcomes: [ScoreOutcome] = []
            for request in batch { outcomes.append(try await score(request)) }
            return outcomes
        }
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var start = 0
        while start < batch.count {
            let end = min(start + textBatchSize, batch.count)
            outcomes += try await scoreText(Array(batch[start..<end]))
            start = end
        }
        return outcomes
    }

    /// Probes the server with ``RewardProbe/conversations``.
    ///
    /// - Parameter strict: whether scores all in [0, 1] throw (default) or only warn; a
    ///   model whose raw logits really lie in [0, 1] needs `false`.
    /// - Throws: ``RewardProbeError`` when every score is the same (a softmax over one label:
    ///   vLLM 0.8.x, vllm#12910) or, when `strict`, all lie in [0, 1] (a sigmoid); the
    ///   scorer's errors when the server cannot be reached.
    public func probe(strict: Bool = true) async throws -> RewardProbeReport {
        try await RewardProbe.run(
            self,
            constantAdvice:
                "This is a softmax over a single label (vLLM 0.8.x, vllm#12910): every input scores 1.0. Restart the server with --override-pooler-config '{\"softmax\": false}', or upgrade vLLM.",
            unitIntervalAdvice: version == .v0_10
                ? "The server ignored \"activation\": false; vLLM 0.9.x has no such field and needs --override-pooler-config '{\"softmax\": false}' at start-up, or upgrade vLLM."
                : "The server ignored \"use_activation\": false: check vllm_version (\(version.rawValue) sent here), or if it is 0.9.x restart it with --override-pooler-config '{\"softmax\": false}', or upgrade vLLM.",
            unitIntervalIsError: strict
        )
    }

    // MARK: - 0.10 text form

    /// Scores up to one batch with pre-rendered text. A refused batch of several inputs is
    /// retried one input at a time, so only the over-long ones fail.
    private func scoreText(_ requests: [ScoringRequest]) async throws -> [ScoreOutcome] {
        var outcomes = [ScoreOutcome?](repeating: nil, count: requests.count)
        var texts: [String] = []
        var positions: [Int] = []
        for (position, request) in requests.enumerated() {
            switch render(request) {
            case .success(let text):
                texts.append(text)
                positions.append(position)
            case .failure(let failure):
                outcomes[position] = .failure(failure.reason)
            }
        }
        if !texts.isEmpty {
            let body = VLLMRewardWire.TextClassifyRequest(
                model: backend.configuration.model, input: texts.count == 1 ? .single(texts[0]) : .batch(texts),
                activation: false
            )
            do {
                let scored = try await post(body, count: texts.count)
                for (offset, outcome) in scored.enumerated() { outcomes[positions[offset]] = outcome }
            } catch {
                guard let reason = InputRejection.reason(for: error) else { throw error }
                if texts.count == 1 {
                    outcomes[positions[0]] = .failure(reason)
                } else {
                    for position in positions { outcomes[position] = try await scoreText([requests[position]])[0] }
                }
            }
        }
        return outcomes.map { $0 ?? .failure("not scored") }
    }

    struct RenderFailure: Error {
        let reason: String
    }

    /// Fills the template in one pass, so a response that itself contains `{prompt}` is not
    /// substituted again.
    func render(_ request: ScoringRequest) -> Result<String, RenderFailure> {
        let promptText: String
        switch request.prompt {
        case .text(let text):
            promptText = text
        case .messages(let messages):
            guard messages.count == 1, let only = messages.first, only.role == "user" else {
                return .failure(
                    RenderFailure(
                        reason:
                            "vLLM 0.10's template renders one user turn, and this prompt has \(messages.count) message(s) (\(messages.map(\.role).joined(separator: ", "))); use a vLLM ≥ 0.11 server for conversations"
                    )
                )
            }
            promptText = only.content
        }
        return .success(TemplateText.fill(template ?? "", ["{prompt}": promptText, "{response}": request.response]))
    }

    // MARK: - Answers

    /// POSTs `body` to the endpoint and returns one outcome per input, in input order.
    private func post(_ body: some Encodable, count: Int) async throws -> [ScoreOutcome] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        let path = "/" + endpoint.rawValue
        let source = "\(backend.baseURL)\(path)"
        let indexed: [(index: Int, values: [Double])]
        switch endpoint {
        case .pooling:
            let response = try await backend.post(path, body: data) {
                try JSONDecoder().decode(VLLMRewardWire.PoolingResponse.self, from: $0)
            }
            indexed = try response.data.map { item in
                switch item.data {
                case .flat(let values):
                    return (item.index, values)
                case .nested(let rows):
                    throw ClientError(
                        .unexpectedResponse,
                        "\(source) returned per-token hidden states (\(rows.count) rows of \(rows.first?.count ?? 0) values), not a score: the server's pooling task is token-level or the model was loaded with --convert embed/reward. Serve the reward model as a classifier (--convert classify; vLLM ≥ 0.20 does this for *ForSequenceClassification), set vllm_version: \"0.11\" for a 0.11 server (sends \"task\": \"classify\"), or use endpoint: classify (research/serving_apis.md §1.7)"
                    )
                case .encoded:
                    throw ClientError(
                        .unexpectedResponse,
                        "\(source) returned base64 data; plaudit needs \"encoding_format\": \"float\" (the default); check for a proxy or server default that changes the encoding"
                    )
                }
            }
        case .classify:
            let response = try await backend.post(path, body: data) {
                try JSONDecoder().decode(VLLMRewardWire.ClassifyResponse.self, from: $0)
            }
            indexed = response.data.map { ($0.index, $0.probs) }
        }
        return try Self.ordered(indexed, count: count, source: source)
    }

    /// Puts answers in input order by their `index` and reads each one's single value.
    static func ordered(_ indexed: [(index: Int, values: [Double])], count: Int, source: String) throws
        -> [ScoreOutcome]
    {
        guard indexed.count == count else {
            throw ClientError(.unexpectedResponse, "\(source) answered \(indexed.count) results for \(count) inputs")
        }
        var outcomes = [ScoreOutcome?](repeating: nil, count: count)
        for (index, values) in indexed {
            guard (0..<count).contains(index), outcomes[index] == nil else {
                throw ClientError(
                    .unexpectedResponse,
                    "\(source) answered with index \(index), out of range or repeated, for \(count) inputs")
            }
            guard values.count == 1 else {
                let hint =
                    values.count > 16
                    ? "this looks like an embedding: the server's pooling task is embed, not classify (research/serving_apis.md §1.7)"
                    : "a reward model has a single-label head; this model is a \(values.count)-class classifier"
                throw ClientError(
                    .unexpectedResponse, "\(source) returned \(values.count) values per input, not one: \(hint)")
            }
            outcomes[index] =
                values[0].isFinite
                ? .score(values[0]) : .failure("the server returned a non-finite score (\(values[0]))")
        }
        return outcomes.map { $0 ?? .failure("no result") }
    }
}
