import Foundation
import PlauditClients
import PlauditCore

/// Builds scorers from the configuration: the adapter for each backend kind and scorer type.
enum ScorerFactory {
    /// The configuration a backend's client is built from: Anthropic backends get their
    /// `anthropic-version` header here.
    static func clientConfiguration(_ backend: BackendConfiguration) -> BackendConfiguration {
        backend.kind == .anthropic ? AnthropicChatGenerator.clientConfiguration(backend) : backend
    }

    /// The scorer `scorer` on `backend`. A vLLM reward model is probed first: a server that
    /// returns constant or sigmoid-squashed scores stops the run here, with the fix.
    static func make(
        _ scorer: ScorerConfiguration,
        backend: BackendConfiguration,
        client: BackendClient?,
        rubric: Rubric?,
        keyVariables: Set<String>,
        progress: ProgressDisplay
    ) async throws -> any RewardScorer {
        switch (scorer.type, backend.kind) {
        case (.rewardModel, .vllm):
            let rm = try VLLMRewardScorer(backend: try require(client, scorer), name: scorer.name)
            let report = try await rm.probe()
            progress.note("\(scorer.name): \(report.description.replacingOccurrences(of: "\n", with: "; "))")
            return rm
        case (.rewardModel, .tei):
            return try TEIRewardScorer(backend: try require(client, scorer), name: scorer.name)
        case (.rewardModel, .httpTemplate):
            return try HTTPTemplateScorer(backend: try require(client, scorer), name: scorer.name)
        case (.rewardModel, .subprocess):
            // The program does not get any backend's API key.
            var environment = ProcessInfo.processInfo.environment
            for variable in keyVariables { environment[variable] = nil }
            return try SubprocessScorer(configuration: backend, name: scorer.name, environment: environment)
        case (.judge, _) where servesChat(backend.kind):
            let generator = try chatGenerator(client: try require(client, scorer))
            return ChatLogprobJudge(name: scorer.name, generator: generator, rubric: try require(rubric, scorer))
        case (.perplexity, .llamaCpp):
            let client = try require(client, scorer)
            return LlamaCppPerplexityScorer(name: scorer.name, client: client, model: backend.model ?? "")
        default:
            throw ConfigurationError("scorer '\(scorer.name)': a \(scorer.type.rawValue) scorer cannot run on a \(backend.kind.rawValue) backend")
        }
    }

    /// Whether a backend kind answers chat completions (and so can judge or generate).
    static func servesChat(_ kind: BackendKind) -> Bool {
        switch kind {
        case .openai, .vllm, .tgi, .llamaCpp, .ollama, .anthropic: true
        case .tei, .httpTemplate, .subprocess: false
        }
    }

    /// The chat adapter for a backend's kind: Anthropic's Messages API or OpenAI-compatible chat.
    static func chatGenerator(client: BackendClient) throws -> any ChatGenerator {
        client.configuration.kind == .anthropic ? try AnthropicChatGenerator(client: client) : try OpenAIChatGenerator(client: client)
    }

    private static func require<T>(_ value: T?, _ scorer: ScorerConfiguration) throws -> T {
        guard let value else { throw ConfigurationError("scorer '\(scorer.name)': backend '\(scorer.backend)' is not set up for it") }
        return value
    }

    static func localJudge(client: BackendClient, rubric: Rubric) throws -> any RewardScorer {
        ChatLogprobJudge(name: ScorerNames.judge, generator: try OpenAIChatGenerator(client: client), rubric: rubric)
    }

    static func localPerplexity(client: BackendClient) -> any RewardScorer {
        LlamaCppPerplexityScorer(name: ScorerNames.perplexity, client: client, model: client.configuration.model ?? "")
    }
}

extension Rubric {
    /// A rubric file, or the id of a rubric built into the binary.
    static func load(_ rubric: String) throws -> Rubric {
        if FileManager.default.fileExists(atPath: rubric) { return try Rubric(contentsOf: rubric) }
        if let source = EmbeddedRubrics.source(id: rubric) {
            return try Rubric(yaml: Data(source.utf8), file: "embedded:\(rubric)")
        }
        throw ConfigurationError("rubric '\(rubric)' is neither a file nor an embedded rubric (\(EmbeddedRubrics.ids.joined(separator: ", ")))")
    }
}
