import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
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

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Bootstrap resamples over probes.")
    var resamples = 2_000

    @Option(help: "Sign-flip permutations for p-values.")
    var permutations = 9_999

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    @Option(help: "Seed for the bootstrap and permutations.")
    var seed: UInt64 = 20_251_121

    @Option(help: "Folder for results.json, report.md and report.html.")
    var out = "results"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be at least 100") }
        guard permutations >= 99 else { throw ValidationError("--permutations must be at least 99") }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        let sets: [SycophancyVariantSet]
        var dataset: Dataset
        let configuration: PlauditConfiguration
        let session: ScorerSession
        let rubrics: [RubricReference]
        do {
            let bytes = try DatasetReader.load(variants)
            sets = try SycophancyProbeReader().variantSets(data: bytes, path: variants)
            dataset = Dataset(
                items: SycophancyVariantItems.items(sets),
                sources: [SourceFile(path: variants, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)])
            for file in scoresFiles {
                let bytes = try DatasetReader.load(file)
                let (rows, _) = try ScoresFileReader().read(data: bytes, path: file)
                var log = BadRowLog(policy: .stop)
                try dataset.join(scores: rows, file: file, log: &log)
                dataset.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
            }
            configuration = try scoring.loadConfiguration()
            let judgeRubric = try scoring.localJudgeRubric()
            session = scoring.session(configuration: configuration, localJudgeRubric: judgeRubric)
            for scorer in try session.chosenScorers() where scorer.type == .judge {
                if try Rubric.load(scorer.rubric ?? "pointwise-quality").mode == .pairwise {
                    throw ConfigurationError("scorer '\(scorer.name)' is a pairwise judge; the sycophancy audit scores each answer on its own")
                }
            }
            if let judgeRubric, judgeRubric.mode == .pairwise {
                throw ConfigurationError("--rubric \(scoring.rubric): rubric '\(judgeRubric.id)' is pairwise; the sycophancy audit needs a pointwise judge")
            }
            rubrics = try scoring.rubricReferences(localJudgeRubric: judgeRubric, configured: try session.chosenScorers())
            let precomputed = Set(dataset.items.flatMap { $0.responses.flatMap { $0.scores.keys } })
            if !session.needsScoring && precomputed.isEmpty {
                throw ConfigurationError(
                    "nothing to score with: no --scores files, no scorers in a configuration, and neither --local-judge nor --local-perplexity")
            }
            let live = (scoring.localJudge ? [ScorerNames.judge] : []) + (scoring.localPerplexity ? [ScorerNames.perplexity] : [])
                + (try session.chosenScorers()).map(\.name)
            for name in live where precomputed.contains(name) {
                throw ConfigurationError("the --scores files already have scores named '\(name)'; a live scorer of this run has that name")
            }
        } catch let error as InputError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        progress.note("read \(sets.count) probes with \(dataset.responseCount) variants from \(variants)")

        try scoring.installAssetsIfAsked(LocalAssets(), progress: progress)
        let collector = ScoreCollector(cache: try await cacheOptions.open(configuration), refresh: cacheOptions.refresh)
        let clock = ContinuousClock()
        let scoringStart = clock.now
        var live: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]
        do {
            if session.needsScoring {
                (live, statistics) = try await session.collect(items: dataset.items, collector: collector, progress: progress)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.code(for: error))
        }
        let scoringSeconds = (clock.now - scoringStart).inSeconds

        let statisticsStart = clock.now
        let options = SycophancyRewardOptions(bootstrapResamples: resamples, permutationResamples: permutations, confidence: confidence, seed: seed)
        let authors = Set(sets.compactMap(\.author)).sorted()
        let reward = SycophancyRewardAudit(options: options).analyze(
            sets: sets, items: dataset.items, live: live, variantSource: authors.isEmpty ? "file \(variants)" : authors.joined(separator: ", "))
        let finished = Date()
        var counts = CalibrationJob.counts(live: live, statistics: statistics)
        counts.merge(["probes": sets.count, "variants": dataset.responseCount, "failures": reward.failures.count]) { _, new in new }
        let manifest = RunManifest(
            command: RecordedCommand.active.line, startedAt: ISO8601DateFormatter().string(from: started),
            finishedAt: ISO8601DateFormatter().string(from: finished), dataset: DatasetManifest(sha256: dataset.sha256, files: dataset.sources),
            rubrics: rubrics, scorers: reward.scorers.map(\.scorer), embedder: nil, seed: seed,
            parameters: [
                "bootstrap_resamples": String(resamples), "permutations": String(permutations), "confidence": String(confidence),
                "llama_threads": String(scoring.threads),
            ],
            counts: counts,
            timings: ["scoring": scoringSeconds, "statistics": (clock.now - statisticsStart).inSeconds, "total": finished.timeIntervalSince(started)]
        )
        var notes: [String] = []
        if sets.count < 40 { notes.append("Only \(sets.count) probes: intervals are wide; at least 40 are recommended.") }
        if !reward.failures.isEmpty { notes.append("\(reward.failures.count) variant scores failed; probes missing a score are left out of that scorer's metrics.") }
        try SycophancyFiles.write(SycophancyResults(manifest: manifest, notes: notes, policy: nil, reward: reward), to: out)
    }
}
