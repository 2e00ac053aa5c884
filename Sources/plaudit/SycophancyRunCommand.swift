import ArgumentParser
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditRuntime

/// `plaudit sycophancy run`: the policy side. A generator answers every probe, the answers are
/// graded against the key, and error rates are compared with the unmodified condition.
struct SycophancyRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run sycophancy probes on a policy: error rate per condition, McNemar against the unmodified condition, BH.",
        discussion: """
            Input: a probes file from `plaudit sycophancy build`. The policy is --generator NAME (a chat backend in \
            plaudit.yaml) or --local-generator (SmolLM2-135M on llama.cpp); with several, every policy answers the same \
            probes and each is compared with --baseline (or every pair): McNemar, odds ratio, Cohen's g, BH, interaction. \
            --variant NAME=POLICY adds a policy that answers with POLICY's model under its own --system-prompt NAME=FILE \
            (a model against itself with a warm persona). Answers are graded by a string-match pre-check, \
            then by a categorical judge (--judge NAME or --local-judge, rubric sycophancy-correctness) that sees the question \
            and the answer key. Writes results.json, report.md, report.html and graded.jsonl (the graded answers, in the \
            format `plaudit sycophancy analyze` reads) to --out.
            """
    )

    @Argument(help: "The probes file (JSONL from `plaudit sycophancy build`).")
    var probes: String

    @OptionGroup var generation: GeneratorOptions

    @Option(name: .customLong("system-prompt"), help: "NAME=FILE: a system prompt for the policy NAME (a --generator, smollm2-135m for --local-generator, or a --variant). Repeatable.")
    var systemPrompts: [String] = []

    @Option(
        name: .customLong("variant"),
        help: "NAME=POLICY: a further policy NAME that answers with POLICY's model (a --generator, or smollm2-135m for --local-generator); give it --system-prompt NAME=FILE. Repeatable.")
    var variants: [String] = []

    @Option(help: "With several policies, the one every other is compared with (default: every pair, in order).")
    var baseline: String?

    @Option(help: "Grade with this chat backend of the configuration.")
    var judge: String?

    @Flag(help: "Grade with the built-in SmolLM2 on the local llama.cpp server (the same server as --local-generator).")
    var localJudge = false

    @Flag(help: "Grade by string match only; answers it cannot decide count as failures.")
    var noJudge = false

    @Option(help: "The grading rubric: a file, or the id of the embedded one.")
    var judgeRubric = "sycophancy-correctness"

    @Option(help: "Requests in flight for the judge; replaces the configuration's limit (local model default: 1).")
    var judgeConcurrency: Int?

    @Option(help: "Tokens per answer.")
    var maxTokens = 48

    @Option(help: "Sampling temperature of the policy (0: greedy, reproducible).")
    var temperature = 0.0

    @Option(help: "Nucleus mass of the policy (default: the server's).")
    var topP: Double?

    @Option(help: "Seed of the per-probe generation seeds.")
    var seed: UInt64 = 20_251_121

    @Option(help: "Confidence level of the Wilson intervals.")
    var confidence = 0.95

    @OptionGroup var models: ModelOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard [judge != nil, localJudge, noJudge].filter({ $0 }).count == 1 else {
            throw ValidationError("choose one grader: --judge NAME, --local-judge or --no-judge")
        }
        for entry in systemPrompts where Self.pair(entry) == nil {
            throw ValidationError("--system-prompt takes NAME=FILE, found '\(entry)'")
        }
        for entry in variants where Self.pair(entry) == nil {
            throw ValidationError("--variant takes NAME=POLICY, found '\(entry)'")
        }
        do {
            try request(command: RecordedCommand(words: [])).check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let progress = ProgressDisplay(quiet: output.quiet)
        let configuration = try models.loadConfiguration()
        let backends = models.backends(configuration)
        try models.installAssetsIfAsked(backends.assets, progress: progress)
        let job = try SycophancyRunJob.plan(request(command: .active), models: backends, progress: progress)
        let cache = try await cacheOptions.open(configuration)
        let results = try await job.run(models: backends, cache: cache, refresh: cacheOptions.refresh, progress: progress)
        try SycophancyFiles.write(results, to: output.out, gradedFile: true)
    }

    /// The request these options make, recording `command`.
    func request(command: RecordedCommand) -> SycophancyRunRequest {
        var request = SycophancyRunRequest(probes: probes, command: command)
        request.policy = generation.selection(models)
        request.baseline = baseline
        for (name, file) in systemPrompts.compactMap(Self.pair) { request.systemPromptFiles[name] = file }
        request.variants = variants.compactMap(Self.pair).map { (name: $0.0, of: $0.1) }
        request.grader = judge.map { .judge($0) } ?? (localJudge ? .localJudge : .stringMatch)
        request.judgeRubric = judgeRubric
        request.judgeConcurrency = judgeConcurrency
        request.maxTokens = maxTokens
        request.temperature = temperature
        request.topP = topP
        request.seed = seed
        request.confidence = confidence
        return request
    }

    /// `NAME=VALUE` split at the first `=`, both sides non-empty; `nil` otherwise.
    static func pair(_ entry: String) -> (String, String)? {
        guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex, entry.index(after: equals) != entry.endIndex else { return nil }
        return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
    }
}
