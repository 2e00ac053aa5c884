import Foundation
public import PlauditClients
public import PlauditCore
import PlauditRuntime

/// The one place that turns configuration into adapters: the adapter for each backend kind and
/// scorer type, whether a kind serves chat, and the chat adapter for a client. Nothing else
/// switches on a backend kind or names a concrete adapter, so a new kind of server is a new
/// adapter in PlauditClients and a new case here.
public enum BackendRegistry {
    /// The configuration a backend's client is built from: Anthropic backends get their
    /// `anthropic-version` header here.
    public static func clientConfiguration(_ backend: BackendConfiguration) -> BackendConfiguration {
        backend.kind == .anthropic ? AnthropicChatGenerator.clientConfiguration(backend) : backend
    }

    /// The scorer `scorer` on `backend`. A vLLM or TEI reward model is probed first: a server
    /// that returns constant scores (or, on vLLM, sigmoid-squashed ones) stops the run here,
    /// with the fix. Every cached scorer comes back as a ``FingerprintedScorer``: its cache
    /// identity holds a fingerprint of the model answering (probe scores, server metadata, a
    /// judge's answer to a fixed probe), so a model replaced behind the same URL and name never
    /// gets the old model's cached answers.
    public static func make(
        _ scorer: ScorerConfiguration,
        backend: BackendConfiguration,
        client: BackendClient?,
        rubric: Rubric?,
        keyVariables: Set<String>,
        progress: any ProgressReporter
    ) async throws -> any RewardScorer {
        switch (scorer.type, backend.kind) {
        case (.rewardModel, .vllm):
            let rm = try VLLMRewardScorer(backend: try require(client, scorer), name: scorer.name)
            let report = try await rm.probe()
            progress.note("\(scorer.name): \(report.description.replacingOccurrences(of: "\n", with: "; "))")
            let metadata = await ScorerFingerprints.vllmMetadata(rm.backend)
            return FingerprintedScorer(rm, fingerprint: ScorerFingerprints.rewardModel(report, metadata: metadata))
        case (.rewardModel, .tei):
            let rm = try TEIRewardScorer(backend: try require(client, scorer), name: scorer.name)
            let report = try await rm.probe()
            progress.note("\(scorer.name): \(report.description.replacingOccurrences(of: "\n", with: "; "))")
            let metadata = await ScorerFingerprints.teiMetadata(rm.backend)
            return FingerprintedScorer(rm, fingerprint: ScorerFingerprints.rewardModel(report, metadata: metadata))
        case (.rewardModel, .httpTemplate):
            let rm = try HTTPTemplateScorer(backend: try require(client, scorer), name: scorer.name)
            return FingerprintedScorer(rm, fingerprint: ModelFingerprint(parts: try await ScorerFingerprints.probeScores(rm)))
        case (.rewardModel, .subprocess):
            // The program does not get any backend's API key.
            var environment = ProcessInfo.processInfo.environment
            for variable in keyVariables { environment[variable] = nil }
            return try SubprocessScorer(configuration: backend, name: scorer.name, environment: environment)
        case (.judge, _) where servesChat(backend.kind):
            let generator = try chatGenerator(client: try require(client, scorer))
            let judge = ChatLogprobJudge(name: scorer.name, generator: generator, rubric: try require(rubric, scorer))
            return FingerprintedScorer(judge, fingerprint: try await ScorerFingerprints.judge(judge, pairwise: judge.rubric.mode == .pairwise))
        case (.perplexity, .llamaCpp):
            let client = try require(client, scorer)
            let perplexity = LlamaCppPerplexityScorer(name: scorer.name, client: client, model: backend.model ?? "")
            return FingerprintedScorer(perplexity, fingerprint: ModelFingerprint(parts: try await ScorerFingerprints.probeScores(perplexity)))
        default:
            throw ConfigurationError("scorer '\(scorer.name)': a \(scorer.type.rawValue) scorer cannot run on a \(backend.kind.rawValue) backend")
        }
    }

    /// Whether a backend kind answers chat completions (and so can judge or generate).
    public static func servesChat(_ kind: BackendKind) -> Bool {
        switch kind {
        case .openai, .vllm, .tgi, .llamaCpp, .ollama, .anthropic: true
        case .tei, .httpTemplate, .subprocess: false
        }
    }

    /// The chat adapter for a backend's kind: Anthropic's Messages API or OpenAI-compatible chat.
    public static func chatGenerator(client: BackendClient) throws -> any ChatGenerator {
        client.configuration.kind == .anthropic ? try AnthropicChatGenerator(client: client) : try OpenAIChatGenerator(client: client)
    }

    private static func require<T>(_ value: T?, _ scorer: ScorerConfiguration) throws -> T {
        guard let value else { throw ConfigurationError("scorer '\(scorer.name)': backend '\(scorer.backend)' is not set up for it") }
        return value
    }

    public static func localJudge(client: BackendClient, rubric: Rubric) throws -> any RewardScorer {
        local(ChatLogprobJudge(name: ScorerNames.judge, generator: try OpenAIChatGenerator(client: client), rubric: rubric), client: client)
    }

    public static func localPerplexity(client: BackendClient) -> any RewardScorer {
        local(LlamaCppPerplexityScorer(name: ScorerNames.perplexity, client: client, model: client.configuration.model ?? ""), client: client)
    }

    /// A scorer on the built-in local model, fingerprinted by the model file's pinned digest
    /// (no request). A server at `--llama-url` runs an unknown model whose answers are not
    /// cached, so its scorer stays as it is.
    public static func local(_ scorer: any RewardScorer, client: BackendClient) -> any RewardScorer {
        client.configuration.identityURL == nil ? scorer : FingerprintedScorer(scorer, fingerprint: ScorerFingerprints.localModel)
    }
}
