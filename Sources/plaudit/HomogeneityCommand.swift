import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditRuntime
import PlauditReports

/// `plaudit homogeneity`: how alike generations are within each model and across models.
struct HomogeneityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homogeneity",
        abstract: "Measure how alike generations are, within each model and across models.",
        discussion: """
            Input: grouped JSONL whose responses carry a `model` field (several generations per model and prompt), or \
            --prompts with one or more generators (--generator NAME, --local-generator), which write --samples \
            generations per prompt at each --temperature (each generator × temperature is one model) into \
            generations.jsonl. Writes results.json, report.md and report.html to --out: per model the mean pairwise cosine per \
            prompt and its 10-bin histogram, the similarity matrix between models (cross pairs only), nearest-neighbour \
            model mixing, and distinct-k by greedy equivalence classes.
            """
    )

    @Argument(help: "Generations: grouped JSONL files or folders of .jsonl files.")
    var dataset: [String] = []

    @Option(help: "Dataset layout: auto, grouped or infinity-chat.")
    var format: DatasetFormat = .auto

    @OptionGroup(title: "Generating first (--prompts)") var generating: PromptGenerationOptions

    @OptionGroup var models: ModelOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var embedding: EmbedderOptions

    @Option(
        help: ArgumentHelp(
            "Cosine at or above which two generations are equivalent (distinct-k).",
            discussion: "Default: \(HomogeneityOptions.miniLMEquivalenceThreshold) for MiniLM, \(HomogeneityOptions.lexicalEquivalenceThreshold) for the lexical embedder."
        )
    )
    var equivalenceThreshold: Double?

    @Option(name: .customLong("neighbours"), help: "Nearest-neighbour counts N for model mixing. Repeatable.")
    var neighbours: [Int] = [5, 50]

    @OptionGroup var statistics: ResamplingOptions

    @Option(help: "Seed for the bootstrap and for the generation seeds.")
    var seed: UInt64 = 20_251_022

    @Option(help: "Also write every embedding as JSONL (item_id, response_id, model, embedding) to this file.")
    var writeEmbeddings: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        do {
            try request(command: RecordedCommand(words: [])).check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let (progress, out) = (ProgressDisplay(quiet: output.quiet), output.out)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(configuration, embedder: embedding.embedder, embedderThreads: embedding.embedderThreads)
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let job = try HomogeneityJob.plan(request(command: .active), models: backends, progress: progress)
        let cache = try await cacheOptions.open(configuration)
        let results = try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress)
        try RunFailure.writing(to: out) { try ResultsFolder.write(.homogeneity(results), to: URL(fileURLWithPath: out)) }
        print(HomogeneityConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html")
    }

    /// The request these options make, recording `command`.
    func request(command: RecordedCommand) -> HomogeneityRequest {
        var request = HomogeneityRequest(folder: URL(fileURLWithPath: output.out), command: command)
        request.dataset = dataset
        request.format = format
        request.prompts = generating.prompts
        request.generators = generating.generators.selection(models)
        request.samples = generating.samples ?? 10
        request.temperatures = generating.temperature
        request.topP = generating.topP
        request.maxTokens = generating.maxTokens
        request.equivalenceThreshold = equivalenceThreshold
        request.neighbours = neighbours
        request.resamples = statistics.resamples
        request.confidence = statistics.confidence
        request.seed = seed
        request.threads = embedding.embedderThreads
        request.writeEmbeddings = writeEmbeddings
        return request
    }
}
