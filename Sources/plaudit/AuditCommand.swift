import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditReports
import PlauditRuntime

/// `plaudit audit`: the calibration gap between valid atypical and valid mainstream answers.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report, per scorer, whether valid atypical answers are scored below valid mainstream ones.",
        discussion: """
            Input: grouped JSONL (one prompt with its responses per line) or Infinity-Chat rows, as files or \
            folders of .jsonl files. Scores come from --scores files, from `scores` in the data, and from the \
            local SmolLM2 judge and perplexity scorers. With --prompts and a generator, the policies answer every prompt \
            first (cached, resumable) and the run also writes generations.jsonl, which `plaudit audit` reads back. Writes \
            results.json, report.md, report.html and scores.jsonl to --out.
            """
    )

    @Argument(help: "Dataset files or folders of .jsonl files (none with --prompts).")
    var dataset: [String] = []

    @Option(help: "Dataset layout: auto, grouped or infinity-chat.")
    var format: DatasetFormat = .auto

    @Option(name: .customLong("scores"), help: "A scores file (JSONL or CSV: item_id, response_id, scorer, score). Repeatable.")
    var scoresFiles: [String] = []

    @Option(name: .customLong("human-preferences"), help: "Pairwise human preference rows (JSONL or CSV: user_query, response_1, response_2, human_labels in -2..2), joined to the items by text. Repeatable.")
    var preferenceFiles: [String] = []

    @OptionGroup(title: "Generating the responses first (--prompts)") var generating: PromptGenerationOptions

    @OptionGroup var scoring: ScorerOptions

    @OptionGroup var models: ModelOptions

    @Flag(help: "Judge atypical–modal pairs (and human-labelled pairs) with the local SmolLM2 model in both orders: position bias and preference for atypical answers.")
    var localPairwiseJudge = false

    @Option(help: "The pairwise rubric: a file, or the id of an embedded rubric.")
    var pairwiseRubric = "pairwise-preference"

    @Option(help: "Audit pairs per prompt given to pairwise judges (a seeded choice); human-labelled pairs are all judged.")
    var pairsPerPrompt = 4

    @Option(help: "Clustering: agglomerative, kmeans or labels (the data's `cluster` fields).")
    var clustering: CalibrationRequest.Clustering = .agglomerative

    @Option(help: "Cosine-distance cut for agglomerative clustering (default: calibrated per embedder).")
    var threshold: Double?

    @OptionGroup var embedding: EmbedderOptions

    @Option(help: "Clusters per prompt for k-means.")
    var k = 3

    @Option(help: "Mean human rating at or above which an unflagged response counts as valid.")
    var validThreshold: Double?

    @OptionGroup(title: "Validity and quality where the data has none") var validity: ValidityOptions

    @Option(help: "Largest human-rating difference for a quality-matched pair (ε).")
    var qualityTolerance = 0.5

    @OptionGroup var statistics: StatisticsOptions

    @Option(help: "Seed for clustering, bootstrap and permutations.")
    var seed: UInt64 = 20_251_022

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Do part i of n (for example 2/4) and write it for `plaudit merge`.")
    var shard: ShardSpec?

    @OptionGroup var output: OutputOptions

    @OptionGroup(title: "Acting on the verdicts") var acting: ActingOptions

    @Flag(help: "Leave out bad input rows (counted in the results) instead of stopping.")
    var skipBadRows = false

    func validate() throws {
        do {
            try CalibrationRequest.checkClustering(threshold: threshold, k: k, pairsPerPrompt: pairsPerPrompt)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let (progress, out) = (ProgressDisplay(quiet: output.quiet), output.out)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(configuration, scoring: scoring, embedder: embedding.embedder, embedderThreads: embedding.embedderThreads)
        let job = try CalibrationJob.plan(request(configuration, command: .active), models: backends, progress: progress)
        // Install first, so that a first run on a fresh machine already uses MiniLM.
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let cache = try await cacheOptions.open(configuration)
        switch try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress) {
        case .shard(let manifest, let tables, let data):
            try RunFailure.writing(to: out) { try ShardMerge.write(manifest, tables: tables, data: data, to: out) }
            print("wrote shard \(manifest.shard) (\(manifest.items) prompts) to \(out)/shard.json and \(out)/scores.jsonl; combine the parts with `plaudit merge`")
        case .results(let results, let scored):
            try Self.write(results, scored: scored, to: out)
            try acting.act(on: results, scored: scored)
        }
    }

    /// The request these options make, recording `command`.
    func request(_ configuration: PlauditConfiguration, command: RecordedCommand) -> CalibrationRequest {
        var request = CalibrationRequest(dataset: dataset, command: command)
        request.generation = generating.generation(models: models, seed: seed, folder: output.out)
        request.format = format
        request.scoresFiles = scoresFiles
        request.preferenceFiles = preferenceFiles
        request.badRows = skipBadRows ? .skip : .stop
        request.configuration = configuration
        request.scorerNames = scoring.scorerNames
        request.localJudgeRubric = scoring.localJudge ? scoring.rubric : nil
        request.localPairwiseRubric = localPairwiseJudge ? pairwiseRubric : nil
        request.localPerplexity = scoring.localPerplexity
        request.pairsPerPrompt = pairsPerPrompt
        request.clustering = clustering
        request.threshold = threshold
        request.k = k
        request.validThreshold = validThreshold
        validity.apply(to: &request)
        request.qualityTolerance = qualityTolerance
        request.resamples = statistics.resamples
        request.permutations = statistics.permutations
        request.confidence = statistics.confidence
        (request.seed, request.examplesPerScorer) = (seed, acting.examples)
        request.shard = shard
        request.llamaThreads = models.threads
        return request
    }

    /// Writes the audit's files (results.json last) and prints its table.
    static func write(_ results: CalibrationResults, scored: Dataset, to out: String) throws {
        try RunFailure.writing(to: out) {
            try ResultsFolder.write(.calibration(results), files: [("scores.jsonl", try ScoreRow.jsonLines(scored))], to: URL(fileURLWithPath: out))
        }
        print(CalibrationConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html, \(out)/scores.jsonl")
    }
}
