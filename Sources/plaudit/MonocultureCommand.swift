import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
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

    @Option(help: "A label file for a generated configuration, as NAME=FILE or FILE (named after the file). Repeatable.")
    var generatedLabels: [String] = []

    @Option(help: "Sentiment: auto (the data's labels when every side has them, else VADER), labels, vader, classifier or judge.")
    var sentiment: MonocultureRequest.Sentiment = .auto

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

    @OptionGroup var generation: GeneratorOptions

    @Option(help: "Samples per item and sampling setting when generating.")
    var samples = 5

    @Option(name: .customLong("temperature"), help: "Sampling temperature of the grid. Repeatable (default 0.7 and 1.0).")
    var temperatures: [Double] = []

    @Option(name: .customLong("top-p"), help: "Nucleus mass of the grid. Repeatable (default: the server's, 1.0).")
    var topPs: [Double] = []

    @Option(help: "Most tokens per generated text.")
    var maxTokens = 120

    @OptionGroup(title: "Scoring the source texts for the positivity premium") var scoring: ScorerOptions

    @Option(help: "Smallest compound difference for one text of a pair to count as more positive.")
    var premiumMinGap = 0.1

    @Option(help: "Largest word-count ratio for two texts to count as of similar length.")
    var premiumMaxLengthRatio = 1.25

    @OptionGroup var models: ModelOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var statistics: ResamplingOptions

    @Option(help: "Seed for generation, clustering and bootstrap.")
    var seed: UInt64 = 20_251_022

    @OptionGroup var output: OutputOptions

    @Flag(help: "Leave out bad JSONL rows (counted in the results) instead of stopping.")
    var skipBadRows = false

    func validate() throws {
        guard ["auto", "none"].contains(embedder) || EmbedderChoice(rawValue: embedder) != nil else {
            throw ValidationError("--embedder must be auto, minilm, lexical or none")
        }
        do {
            try request(command: RecordedCommand(words: []), localJudgeRubric: nil).check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let progress = ProgressDisplay(quiet: output.quiet)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(
            configuration, scoring: scoring, embedder: EmbedderChoice(rawValue: embedder) ?? .auto, embedderThreads: embedderThreads)
        // Install first: the plan checks that VADER is there.
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let request = request(command: .active, localJudgeRubric: scoring.localJudge ? try Rubric.load(scoring.rubric) : nil)
        let job = try MonocultureJob.plan(request, models: backends, tokenizer: PlainWordTokenizer(), progress: progress)
        let cache = try await cacheOptions.open(configuration)
        let run = try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress)
        let out = output.out
        try RunFailure.writing(to: out) {
            let files = try run.generated.map { [("generated.jsonl", try $0.jsonLines())] } ?? []
            try ResultsFolder.write(.monoculture(run.results), files: files, to: URL(fileURLWithPath: out))
        }
        print(MonocultureConsoleTable.render(run.results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html" + (run.generated == nil ? "" : ", \(out)/generated.jsonl"))
    }

    /// The request these options make, recording `command`.
    func request(command: RecordedCommand, localJudgeRubric: Rubric?) -> MonocultureRequest {
        var request = MonocultureRequest(command: command)
        request.data = data
        request.sourceLabels = sourceLabels
        request.generatedLabels = generatedLabels
        request.badRows = skipBadRows ? .skip : .stop
        request.sentiment = sentiment
        request.classifierBackend = classifierBackend
        request.sentimentJudge = sentimentJudge
        request.embed = embedder != "none"
        request.topicThreshold = topicThreshold
        request.template = template
        request.generators = generation.selection(models)
        request.samples = samples
        request.temperatures = temperatures
        request.topPs = topPs
        request.maxTokens = maxTokens
        request.premiumScorers = ScorerSelection(
            configured: scoring.scorerNames, localJudgeRubric: localJudgeRubric, localPerplexity: scoring.localPerplexity)
        request.premiumScorers.allWhenEmpty = false
        request.premiumMinGap = premiumMinGap
        request.premiumMaxLengthRatio = premiumMaxLengthRatio
        request.resamples = statistics.resamples
        request.confidence = statistics.confidence
        request.seed = seed
        return request
    }
}
