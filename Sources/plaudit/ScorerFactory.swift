import Foundation
import PlauditClients
import PlauditCore

/// Builds scorers from the configuration: the adapter for each backend kind and scorer type.
enum ScorerFactory {
    /// The scorer `scorer` on `backend`. A vLLM reward model is probed first: a server that
    /// returns constant or sigmoid-squashed scores stops the run here, with the fix.
    static func make(
        _ scorer: ScorerConfiguration,
        backend: BackendConfiguration,
        client: BackendClient?,
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
            return try SubprocessScorer(configuration: backend, name: scorer.name)
        default:
            throw ConfigurationError("scorer '\(scorer.name)': \(backend.kind.rawValue) \(scorer.type.rawValue) scorers are not wired yet")
        }
    }

    private static func require(_ client: BackendClient?, _ scorer: ScorerConfiguration) throws -> BackendClient {
        guard let client else { throw ConfigurationError("scorer '\(scorer.name)': backend '\(scorer.backend)' has no HTTP client") }
        return client
    }

    static func localJudge(client: BackendClient, rubric: Rubric, pool: TransportPool) throws -> any RewardScorer {
        ChatLogprobJudge(name: ScorerNames.judge, http: pool.legacy, baseURL: client.configuration.urls[0], model: "smollm2", rubric: rubric)
    }

    static func localPerplexity(client: BackendClient, pool: TransportPool) -> any RewardScorer {
        LlamaCppPerplexityScorer(name: ScorerNames.perplexity, http: pool.legacy, baseURL: client.configuration.urls[0], model: "smollm2")
    }
}
