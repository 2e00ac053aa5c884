import Foundation
import PlauditCore
import PlauditRuntime

extension MonocultureJob {
    /// What the models produced while they were up: generated texts' record, sentiment from a
    /// judge, the premium's scores and the backends' request counts.
    struct ModelPhase: Sendable {
        var generation: MonocultureGeneration?
        var sentiments: SentimentTable?
        var premium: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]
        var timings: [String: Double] = [:]
    }

    /// Generates into `data`, then rates sentiment with the judge (when it is the source) and
    /// scores the source texts for the premium.
    func modelPhase(
        generators: [LiveGenerator], scorers: LiveScorers, data: inout MonocultureDataset, cache: (any ResponseCache)?, refresh: Bool,
        progress: any ProgressReporter
    ) async throws -> ModelPhase {
        let clock = ContinuousClock()
        var phase = ModelPhase()
        if !generators.isEmpty {
            let start = clock.now
            phase.generation = try await generate(with: generators, data: &data, cache: cache, refresh: refresh, progress: progress)
            phase.timings["generation"] = (clock.now - start).inSeconds
        }
        let audit = MonocultureAudit(options: options(embedder: nil))
        var start = clock.now
        if sentiment == .judge, let judge = scorers.scorers.first(where: { $0.scorer.descriptor.name == request.sentimentJudge }) {
            var collector = ScoreCollector(cache: cache, refresh: refresh)
            collector.concurrency = judge.concurrency
            let scale = try judge.rubric?.scale ?? Rubric.load("pointwise-quality").scale
            phase.sentiments = try await audit.sentiments(
                dataset: data, source: .judge(judge.scorer, scale: scale), template: template, collector: collector, progress: progress)
            phase.timings["sentiment"] = (clock.now - start).inSeconds
        }
        start = clock.now
        let premium = scorers.scorers.filter { $0.scorer.descriptor.name != request.sentimentJudge }.map { ($0.scorer, $0.concurrency) }
        phase.premium = try await audit.premiumScores(
            dataset: data, template: template, scorers: premium, collector: ScoreCollector(cache: cache, refresh: refresh), progress: progress)
        if !phase.premium.isEmpty { phase.timings["scoring"] = (clock.now - start).inSeconds }
        phase.statistics = scorers.statistics()
        return phase
    }

    /// Sentiment from the data's labels, the built-in lexicon classifier or a classifier endpoint.
    func classify(_ data: MonocultureDataset, audit: MonocultureAudit, models: any ModelProvider, progress: any ProgressReporter) async throws -> SentimentTable {
        switch sentiment {
        case .labels, .auto:
            return try await audit.sentiments(dataset: data, source: .labels, template: template, progress: progress)
        case .vader, .classifier:
            return try await models.withSentimentClassifier(sentiment == .vader ? nil : request.classifierBackend) { classifier in
                try await audit.sentiments(dataset: data, source: .classifier(classifier), template: template, progress: progress)
            }
        case .judge:
            throw ConfigurationError("--sentiment judge: the judge '\(request.sentimentJudge ?? "")' did not run")
        }
    }

    /// What the analysis gave, with the embedder and topic cut it used.
    struct Analysis: Sendable {
        var outcome: MonocultureOutcome
        var embedder: EmbedderDescriptor
        var cut: Double?
    }

    /// Topics, dispersion, wording and every statistic. Embeds (through `embeddings`' cache) only
    /// when some side has texts.
    func analyze(
        _ data: MonocultureDataset, sentiments: SentimentTable, premium: [ScoredTable], models: any ModelProvider, embeddings: EmbeddingCollector,
        progress: any ProgressReporter
    ) async throws -> Analysis {
        let hasTexts = data.items.contains { item in MonocultureAudit.sideNames(data).contains { !(item.side($0)?.texts.isEmpty ?? true) } }
        let tokenizer = hasTexts ? self.tokenizer : nil
        guard hasTexts, request.embed else {
            let outcome = try await MonocultureAudit(options: options(embedder: nil)).analyze(
                dataset: data, sentiments: sentiments, embedder: nil, tokenizer: tokenizer, premium: premium, progress: progress)
            return Analysis(outcome: outcome, embedder: EmbedderDescriptor(name: "none", dimension: 0), cut: nil)
        }
        return try await models.withEmbedder(progress: progress) { chosen, _ in
            let options = options(embedder: chosen.descriptor.name)
            progress.note("embedder: \(chosen.descriptor.name) (topic cut \(options.topicThreshold))")
            let outcome = try await MonocultureAudit(options: options).analyze(
                dataset: data, sentiments: sentiments, embedder: chosen, embeddings: embeddings, tokenizer: tokenizer, premium: premium,
                progress: progress)
            return Analysis(outcome: outcome, embedder: chosen.descriptor, cut: options.topicThreshold)
        }
    }
}
