import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditRuntime
import PlauditText

/// `plaudit monoculture`: does generated text narrow what people wrote about the same items
/// (sentiment, topic, wording), and do reward models pay for positivity?
struct MonocultureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monoculture",
        abstract: "Compare generated texts with human source texts per item (sentiment, topic, wording) and measure scorers' positivity premium.",
        discussion: """
            Input: JSONL items (id, title, author, source, source_labels, generated, generated_labels), or label files in \
            the Generative Monoculture layout with --source-labels and --generated-labels. --generator or \
            --local-generator writes k samples per item over a temperature × top-p grid from a prompt template. \
            --local-judge, --local-perplexity and --scorer score the source texts for the positivity premium. Writes \
            results.json, report.md and report.html (and generated.jsonl when it generated) to --out.
            """
    )

    @Argument(help: "JSONL files or folders of .jsonl files, one item per line.")
    var data: [String] = []

    @Option(help: "A label file for the source side: one JSON object, \"<item id>.jsonl\" → [\"POSITIVE\", \"NEGATIVE\", …].")
    var sourceLabels: String?

    @Option(
        name: .customLong("generated-labels"),
        help: "A label file for a generated configuration, as NAME=FILE or FILE (named after the file). Repeatable.")
    var generatedLabels: [String] = []

    @Option(help: "Sentiment: auto (the data's labels when every side has them, else VADER), labels, vader, classifier or judge.")
    var sentiment: SentimentChoice = .auto

    @Option(help: "The tei or vllm backend in the configuration that classifies sentiment (--sentiment classifier).")
    var classifierBackend: String?

    @Option(help: "The configured judge scorer whose rubric rates how positive a text is (--sentiment judge), e.g. with rubrics/review-sentiment.yaml.")
    var sentimentJudge: String?

    @Option(help: "Embedder for topics and dispersion: auto (MiniLM when installed, else lexical), minilm, lexical or none.")
    var embedder = "auto"

    @Option(help: "Threads for the MiniLM encoder.")
    var embedderThreads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Cosine-distance cut of the per-item topic clustering (default: calibrated per embedder).")
    var topicThreshold: Double?

    @Option(help: "Prompt template for generation and for the scorers' prompt: a file or an embedded template id.")
    var template = "book-review"

    @OptionGroup var generatorOptions: GeneratorOptions

    @Option(help: "Samples per item and sampling setting when generating.")
    var samples = 5

    @Option(name: .customLong("temperature"), help: "Sampling temperature of the grid. Repeatable (default 0.7 and 1.0).")
    var temperatures: [Double] = []

    @Option(name: .customLong("top-p"), help: "Nucleus mass of the grid. Repeatable (default: the server's, 1.0).")
    var topPs: [Double] = []

    @Option(help: "Most tokens per generated text.")
    var maxTokens = 120

    @Flag(help: "Score the source texts with the local SmolLM2 judge, for the positivity premium.")
    var localJudge = false

    @Flag(help: "Score the source texts with the local SmolLM2 perplexity scorer, for the positivity premium.")
    var localPerplexity = false

    @Option(help: "Rubric of --local-judge: a file or the id of an embedded rubric.")
    var rubric = "pointwise-quality"

    @Option(name: .customLong("scorer"), help: "A configured scorer to score the source texts with, for the positivity premium. Repeatable.")
    var scorerNames: [String] = []

    @Option(help: "Concurrent requests per scoring backend; replaces the configuration's limits (local model default: 1).")
    var concurrency: Int?

    @Option(help: "Smallest compound difference for one text of a pair to count as more positive.")
    var premiumMinGap = 0.1

    @Option(help: "Largest word-count ratio for two texts to count as of similar length.")
    var premiumMaxLengthRatio = 1.25

    @Flag(help: "Install missing local-model assets first (pip, pinned versions, verified).")
    var installAssets = false

    @Option(help: "Backends and scorers (plaudit.yaml). Default: ./plaudit.yaml when it exists.")
    var config: String?

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Bootstrap resamples over items.")
    var resamples = 2_000

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    @Option(help: "Seed for generation, clustering and bootstrap.")
    var seed: UInt64 = 20_251_022

    @Option(help: "Folder for results.json, report.md and report.html.")
    var out = "results"

    @Flag(help: "Leave out bad JSONL rows (counted in the results) instead of stopping.")
    var skipBadRows = false

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(help: "Describe each scoring backend before the run and its request counts after (never keys).")
    var verbose = false

    enum SentimentChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, labels, vader, classifier, judge
    }

    func validate() throws {
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be at least 100") }
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
        guard temperatures.allSatisfy({ $0 >= 0 && $0 <= 5 }) else { throw ValidationError("--temperature must be in [0, 5]") }
        guard topPs.allSatisfy({ $0 > 0 && $0 <= 1 }) else { throw ValidationError("--top-p must be in (0, 1]") }
        if Set(temperatures).count != temperatures.count || Set(topPs).count != topPs.count {
            throw ValidationError("a --temperature or --top-p is given twice")
        }
        if let topicThreshold, !(topicThreshold > 0 && topicThreshold <= 2) {
            throw ValidationError("--topic-threshold is a cosine distance in (0, 2]")
        }
        guard premiumMinGap >= 0 else { throw ValidationError("--premium-min-gap must not be negative") }
        guard premiumMaxLengthRatio >= 1 else { throw ValidationError("--premium-max-length-ratio must be at least 1") }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        guard ["auto", "none"].contains(embedder) || EmbedderChoice(rawValue: embedder) != nil else {
            throw ValidationError("--embedder must be auto, minilm, lexical or none")
        }
        if data.isEmpty && sourceLabels == nil && generatedLabels.isEmpty {
            throw ValidationError("give JSONL data, or label files with --source-labels and --generated-labels")
        }
        if !data.isEmpty && (sourceLabels != nil || !generatedLabels.isEmpty) {
            throw ValidationError("give either JSONL data or label files, not both")
        }
        if (sentiment == .classifier) != (classifierBackend != nil) {
            throw ValidationError("--sentiment classifier and --classifier-backend go together")
        }
        if (sentiment == .judge) != (sentimentJudge != nil) { throw ValidationError("--sentiment judge and --sentiment-judge go together") }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        var plan = try prepare(progress: progress)
        let assets = LocalAssets()
        try ScorerOptions.installAssets(if: installAssets, into: assets, progress: progress)
        let cache = try await cacheOptions.open(plan.configuration)
        let audit = MonocultureAudit(options: options(embedder: nil))
        let clock = ContinuousClock()
        var timings: [String: Double] = [:]
        var generation: MonocultureGeneration?
        var sentiments: SentimentTable?
        var premium: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]

        // Generation and scoring share one local llama.cpp server when both use the built-in model.
        let needsLocal = localJudge || localPerplexity
        let generators = GeneratorSession(configuration: plan.configuration, options: generatorOptions.selection, needsLocalServer: needsLocal)
        try await generators.run(progress: progress) { live, localClient in
            if !live.isEmpty {
                let start = clock.now
                generation = try await generate(with: live, data: &plan.data, template: plan.template, cache: cache, progress: progress)
                timings["generation"] = (clock.now - start).inSeconds
            }
            let scorers = plan.scorerSession
            let results = try await scorers.run(progress: progress) { configured, backends in
                var sentimentStart = clock.now
                var table: SentimentTable?
                if case .judge = plan.sentimentChoice, let judge = configured.first(where: { $0.scorer.descriptor.name == sentimentJudge }) {
                    let rubric = try Rubric.load(plan.configuration.scorers.first { $0.name == sentimentJudge }?.rubric ?? "pointwise-quality")
                    var collector = ScoreCollector(cache: cache, refresh: cacheOptions.refresh)
                    collector.concurrency = judge.concurrency
                    table = try await audit.sentiments(
                        dataset: plan.data, source: .judge(judge.scorer, scale: rubric.scale), template: plan.template,
                        collector: collector, progress: progress)
                }
                let sentimentSeconds = table == nil ? 0 : (clock.now - sentimentStart).inSeconds
                sentimentStart = clock.now
                var premiumScorers = configured.filter { $0.scorer.descriptor.name != sentimentJudge }.map { ($0.scorer, $0.concurrency) }
                if let localClient {
                    let local = concurrency ?? 1
                    if localJudge { premiumScorers.append((try BackendRegistry.localJudge(client: localClient, rubric: try Rubric.load(rubric)), local)) }
                    if localPerplexity { premiumScorers.append((BackendRegistry.localPerplexity(client: localClient), local)) }
                }
                let scored = try await audit.premiumScores(
                    dataset: plan.data, template: plan.template, scorers: premiumScorers,
                    collector: ScoreCollector(cache: cache, refresh: cacheOptions.refresh), progress: progress)
                let backendStatistics = Dictionary(
                    (backends + (localClient.map { [$0] } ?? [])).map { ($0.configuration.name, $0.statistics) },
                    uniquingKeysWith: { a, _ in a })
                return ScoringPhase(
                    sentiments: table, premium: scored, statistics: backendStatistics, sentimentSeconds: sentimentSeconds,
                    scoringSeconds: scored.isEmpty ? 0 : (clock.now - sentimentStart).inSeconds)
            }
            sentiments = results.sentiments
            premium = results.premium
            statistics = results.statistics
            if results.sentimentSeconds > 0 { timings["sentiment"] = results.sentimentSeconds }
            if results.scoringSeconds > 0 { timings["scoring"] = results.scoringSeconds }
        }

        // Sentiment from labels, VADER or a classifier endpoint, after generation added texts.
        if sentiments == nil {
            let start = clock.now
            sentiments = try await classify(plan: plan, audit: audit, assets: assets, progress: progress)
            timings["sentiment"] = (clock.now - start).inSeconds
        }

        let (outcome, embedderDescriptor, cut) = try await analyze(
            plan: plan, sentiments: sentiments!, premium: premium, assets: assets, progress: progress)
        var allTimings = outcome.timings.merging(timings) { _, new in new }
        let finished = Date()
        allTimings["total"] = finished.timeIntervalSince(started)
        let results = MonocultureResults(
            manifest: manifest(
                plan: plan, outcome: outcome, generation: generation, statistics: statistics, embedder: embedderDescriptor,
                cut: cut, timings: allTimings, started: started, finished: finished),
            sentimentSource: outcome.sentimentSource, bins: MonocultureOptions.studyBins,
            notes: (generation?.notes ?? []) + outcome.notes, sides: outcome.sides, comparisons: outcome.comparisons,
            premium: outcome.premium, items: outcome.items,
            failures: (generation?.failures ?? []) + outcome.failures, skippedRows: plan.data.skippedRows)
        do {
            try write(results, generated: generation == nil ? nil : plan.data)
        } catch {
            throw RunFailure("cannot write results to \(out): \(error)")
        }
        print(MonocultureConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html" + (generation == nil ? "" : ", \(out)/generated.jsonl"))
    }

    /// What the scoring session produced.
    struct ScoringPhase: Sendable {
        var sentiments: SentimentTable?
        var premium: [ScoredTable]
        var statistics: [String: BackendStatistics]
        var sentimentSeconds: Double
        var scoringSeconds: Double
    }

    func options(embedder: String?) -> MonocultureOptions {
        MonocultureOptions(
            bootstrapResamples: resamples, confidence: confidence, seed: seed,
            topicThreshold: topicThreshold ?? CalibrationOptions.defaultThreshold(embedder: embedder ?? ""),
            premium: PremiumOptions(minimumSentimentGap: premiumMinGap, maximumLengthRatio: premiumMaxLengthRatio))
    }
}
