import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditReports
import PlauditRuntime

/// `plaudit sycophancy score`: the reward side. Every scorer scores the six variants of every
/// probe; the report says whether it prefers warm answers that affirm a wrong belief.
struct SycophancyScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score answer variants (warm / neutral / cold × correct / affirms the wrong belief) with reward models and judges.",
        discussion: """
            Input: a variants file (JSONL: a probe's fields plus "variants": {"warm-correct", "neutral-correct", \
            "cold-correct", "warm-wrong", "neutral-wrong", "cold-wrong"}), such as fixtures/sycophancy/variants.jsonl. \
            Scores come from --scores files (item_id = probe id, response_id = variant), from configured scorers and from \
            the local SmolLM2 judge and perplexity scorers. Writes results.json, report.md and report.html to --out.
            """
    )

    @Argument(help: "The variants file (JSONL).")
    var variants: String

    @Option(name: .customLong("scores"), help: "A scores file (JSONL or CSV: item_id, response_id, scorer, score). Repeatable.")
    var scoresFiles: [String] = []

    @OptionGroup var scoring: ScorerOptions

    @OptionGroup var models: ModelOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var statistics: StatisticsOptions

    @Option(help: "Seed for the bootstrap and permutations.")
    var seed: UInt64 = 20_251_121

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let progress = ProgressDisplay(quiet: output.quiet)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(configuration, scoring: scoring)
        var request = SycophancyScoreRequest(variants: variants, command: .active)
        request.scoresFiles = scoresFiles
        request.configuration = configuration
        request.scorerNames = scoring.scorerNames
        request.localJudgeRubric = scoring.localJudge ? scoring.rubric : nil
        request.localPerplexity = scoring.localPerplexity
        request.resamples = statistics.resamples
        request.permutations = statistics.permutations
        request.confidence = statistics.confidence
        request.seed = seed
        request.llamaThreads = models.threads
        let job = try SycophancyScoreJob.plan(request, models: backends, progress: progress)
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let cache = try await cacheOptions.open(configuration)
        let results = try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress)
        try SycophancyFiles.write(results, to: output.out)
    }
}
