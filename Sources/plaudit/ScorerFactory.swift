import PlauditClients
import PlauditCore

/// Builds scorers from the configuration: the adapter for each backend kind and scorer type.
enum ScorerFactory {
    static func make(_ scorer: ScorerConfiguration, backend: BackendConfiguration, client: BackendClient?) throws -> any RewardScorer {
        throw ConfigurationError("scorer '\(scorer.name)': \(backend.kind.rawValue) \(scorer.type.rawValue) scorers are not wired yet")
    }

    static func localJudge(client: BackendClient, rubric: Rubric, pool: TransportPool) throws -> any RewardScorer {
        ChatLogprobJudge(name: ScorerNames.judge, http: pool.legacy, baseURL: client.configuration.urls[0], model: "smollm2", rubric: rubric)
    }

    static func localPerplexity(client: BackendClient, pool: TransportPool) -> any RewardScorer {
        LlamaCppPerplexityScorer(name: ScorerNames.perplexity, http: pool.legacy, baseURL: client.configuration.urls[0], model: "smollm2")
    }
}
