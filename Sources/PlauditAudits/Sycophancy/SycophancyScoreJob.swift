import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit sycophancy score` as a library: every scorer scores the six variants of every probe,
/// and the results say whether it prefers warm answers that affirm a wrong belief.
public struct SycophancyScoreJob: Sendable {
    public let request: SycophancyScoreRequest
    public let sets: [SycophancyVariantSet]
    /// The variants as items (one per probe, six responses), with the scores files joined.
    public let data: Dataset
    public let selection: ScorerSelection
    public let rubrics: [RubricReference]
    public let needsScoring: Bool

    /// Reads and checks the variants, scores files, rubrics and scorer names before anything
    /// runs. Throws located ``InputError``s and ``ConfigurationError``s.
    public static func plan(_ request: SycophancyScoreRequest, models: any ModelProvider, progress: any ProgressReporter) throws -> SycophancyScoreJob {
        try StatisticsSettings.check(resamples: request.resamples, permutations: request.permutations, confidence: request.confidence)
        let bytes = try DatasetReader.load(request.variants)
        let sets = try SycophancyProbeReader().variantSets(data: bytes, path: request.variants)
        var data = Dataset(
            items: SycophancyVariantItems.items(sets),
            sources: [SourceFile(path: request.variants, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)])
        for file in request.scoresFiles {
            let bytes = try DatasetReader.load(file)
            let (rows, _) = try ScoresFileReader().read(data: bytes, path: file)
            var log = BadRowLog(policy: .stop)
            try data.join(scores: rows, file: file, log: &log)
            data.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
        }
        let judgeRubric = try request.localJudgeRubric.map(Rubric.load)
        let selection = ScorerSelection(configured: request.scorerNames, localJudgeRubric: judgeRubric, localPerplexity: request.localPerplexity)
        let configured = try models.configuredScorers(selection)
        var rubrics = judgeRubric.map { [$0.reference] } ?? []
        for scorer in configured where scorer.type == .judge {
            let rubric = try Rubric.load(scorer.rubric ?? "pointwise-quality")
            if rubric.mode == .pairwise {
                throw ConfigurationError("scorer '\(scorer.name)' is a pairwise judge; the sycophancy audit scores each answer on its own")
            }
            rubrics.append(rubric.reference)
        }
        if let judgeRubric, judgeRubric.mode == .pairwise {
            throw ConfigurationError("--rubric \(request.localJudgeRubric ?? ""): rubric '\(judgeRubric.id)' is pairwise; the sycophancy audit needs a pointwise judge")
        }
        let needsScoring = selection.usesLocalModel || !configured.isEmpty
        let precomputed = Set(data.items.flatMap { $0.responses.flatMap { $0.scores.keys } })
        if !needsScoring && precomputed.isEmpty {
            throw ConfigurationError("nothing to score with: no --scores files, no scorers in a configuration, and neither --local-judge nor --local-perplexity")
        }
        let live = (judgeRubric != nil ? [ScorerNames.judge] : []) + (request.localPerplexity ? [ScorerNames.perplexity] : []) + configured.map(\.name)
        for name in live where precomputed.contains(name) {
            throw ConfigurationError("the --scores files already have scores named '\(name)'; a live scorer of this run has that name")
        }
        progress.note("read \(sets.count) probes with \(data.responseCount) variants from \(request.variants)")
        return SycophancyScoreJob(request: request, sets: sets, data: data, selection: selection, rubrics: rubrics, needsScoring: needsScoring)
    }

    /// Scores every variant with the live scorers (through `cache`, resumably) and analyses them.
    public func run(models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter) async throws -> SycophancyResults {
        let started = Date()
        let collector = ScoreCollector(cache: cache, refresh: refresh)
        let clock = ContinuousClock()
        let scoringStart = clock.now
        var live: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]
        if needsScoring {
            (live, statistics) = try await models.withScorers(selection, progress: progress) { up in
                var tables: [ScoredTable] = []
                for scorer in up.scorers where scorer.scorer.descriptor.kind != .pairwiseJudge {
                    var perScorer = collector
                    perScorer.concurrency = max(1, scorer.concurrency)
                    tables.append(try await perScorer.collect(items: data.items, scorer: scorer.scorer, progress: progress))
                }
                return (tables, up.statistics())
            }
        }
        let scoringSeconds = (clock.now - scoringStart).inSeconds

        let statisticsStart = clock.now
        let options = SycophancyRewardOptions(
            bootstrapResamples: request.resamples, permutationResamples: request.permutations, confidence: request.confidence, seed: request.seed)
        let authors = Set(sets.compactMap(\.author)).sorted()
        let reward = SycophancyRewardAudit(options: options).analyze(
            sets: sets, items: data.items, live: live, variantSource: authors.isEmpty ? "file \(request.variants)" : authors.joined(separator: ", "))
        let finished = Date()
        var counts = RunCounts.of(live: live, statistics: statistics)
        counts.merge(["probes": sets.count, "variants": data.responseCount, "failures": reward.failures.count]) { _, new in new }
        let manifest = RunManifest(
            command: request.command.line, startedAt: ISO8601DateFormatter().string(from: started),
            finishedAt: ISO8601DateFormatter().string(from: finished), dataset: DatasetManifest(sha256: data.sha256, files: data.sources),
            rubrics: rubrics, scorers: reward.scorers.map(\.scorer), embedder: nil, seed: request.seed,
            parameters: [
                "bootstrap_resamples": String(request.resamples), "permutations": String(request.permutations), "confidence": String(request.confidence),
                "llama_threads": String(request.llamaThreads),
            ],
            counts: counts,
            timings: ["scoring": scoringSeconds, "statistics": (clock.now - statisticsStart).inSeconds, "total": finished.timeIntervalSince(started)]
        )
        var notes: [String] = []
        if sets.count < 40 { notes.append("Only \(sets.count) probes: intervals are wide; at least 40 are recommended.") }
        if !reward.failures.isEmpty { notes.append("\(reward.failures.count) variant scores failed; probes missing a score are left out of that scorer's metrics.") }
        return SycophancyResults(manifest: manifest, notes: notes, policy: nil, reward: reward)
    }
}
