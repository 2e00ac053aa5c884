import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditRuntime

/// `plaudit sycophancy run`: the policy side. A generator answers every probe, the answers are
/// graded against the key, and error rates are compared with the unmodified condition.
struct SycophancyRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run sycophancy probes on a policy: error rate per condition, McNemar against the unmodified condition, BH.",
        discussion: """
            Input: a probes file from `plaudit sycophancy build`. The policy is --generator NAME (a chat backend in \
            plaudit.yaml) or --local-generator (SmolLM2-135M on llama.cpp). Answers are graded by a string-match pre-check, \
            then by a categorical judge (--judge NAME or --local-judge, rubric sycophancy-correctness) that sees the question \
            and the answer key. Writes results.json, report.md and report.html to --out.
            """
    )

    @Argument(help: "The probes file (JSONL from `plaudit sycophancy build`).")
    var probes: String

    @OptionGroup var generation: GeneratorOptions

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

    @Option(help: "Backends (plaudit.yaml). Default: ./plaudit.yaml when it exists.")
    var config: String?

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Folder for results.json, report.md and report.html.")
    var out = "results"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard generation.generators.count + (generation.localGenerator ? 1 : 0) == 1 else {
            throw ValidationError("name one policy: --generator NAME or --local-generator")
        }
        guard [judge != nil, localJudge, noJudge].filter({ $0 }).count == 1 else {
            throw ValidationError("choose one grader: --judge NAME, --local-judge or --no-judge")
        }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative") }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1]") }
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        if let judgeConcurrency, judgeConcurrency < 1 { throw ValidationError("--judge-concurrency must be at least 1") }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        let probeList: [SycophancyProbe]
        let source: SourceFile
        let configuration: PlauditConfiguration
        let rubric: LabelRubric?
        let bytes = try DatasetReader.load(probes)
        probeList = try SycophancyProbeReader().probes(data: bytes, path: probes)
        source = SourceFile(path: probes, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)
        configuration = try PlauditConfiguration.loadDefault(config)
        rubric = noJudge ? nil : try LabelRubric.load(judgeRubric)
        if let judge {
            guard let backend = configuration.backend(named: judge) else {
                throw ConfigurationError("--judge \(judge): no such backend in the configuration")
            }
            guard BackendRegistry.servesChat(backend.kind) else {
                throw ConfigurationError("--judge \(judge): a \(backend.kind.rawValue) backend does not serve chat completions")
            }
        }
        progress.note("read \(probeList.count) probes (\(Set(probeList.map(\.itemID)).count) items) from \(probes)")

        // The judge's backend joins the session's generators, so it shares the transport; a
        // local judge shares the local server with a local policy.
        var options = generation
        if let judge, !options.generators.contains(judge) { options.generators.append(judge) }
        let session = GeneratorSession(configuration: configuration, options: options.selection, needsLocalServer: localJudge)
        let cache = try await cacheOptions.open(configuration)
        let setting = SamplingSetting(temperature: temperature, topP: topP, maxTokens: maxTokens)
        let clock = ContinuousClock()
        let runStart = clock.now
        let outcome: (results: SycophancyPolicyResults, counts: SycophancyPolicyAudit.Counts)
        outcome = try await session.run(progress: progress) { live, localClient in
            let policyName = generation.localGenerator ? GeneratorSession.localName : generation.generators[0]
            guard let policy = live.first(where: { $0.name == policyName }) else { throw ConfigurationError("no generator \(policyName)") }
            var judgeModel: (generator: any ChatGenerator, name: String, concurrency: Int)?
            if localJudge, let localClient {
                judgeModel = (try BackendRegistry.chatGenerator(client: localClient), GeneratorSession.localName, generation.generationConcurrency ?? 1)
            } else if let judge, let backend = live.first(where: { $0.name == judge }) {
                judgeModel = (backend.generator, backend.name, backend.concurrency)
            }
            let labelJudge = judgeModel.map { model in
                ChatLabelJudge(name: model.name, generator: model.generator, rubric: rubric!)
            }
            return try await SycophancyPolicyAudit(setting: setting, seed: seed, confidence: confidence).run(
                probes: probeList, generator: policy.generator,
                generation: GenerationCollector(concurrency: policy.concurrency, cache: cache, refresh: cacheOptions.refresh),
                judge: labelJudge,
                grading: ScoreCollector(concurrency: judgeConcurrency ?? judgeModel?.concurrency ?? 1, cache: cache, refresh: cacheOptions.refresh),
                progress: progress)
        }
        let finished = Date()
        let policy = outcome.results
        var notes: [String] = []
        if !probeList.contains(where: { $0.condition == .unmodified }) {
            notes.append("The probes have no unmodified condition (none × none): no condition could be compared with it.")
        }
        if let judge = policy.judge, let generator = policy.generator, judge.model == generator.model, judge.backend == generator.backend {
            notes.append("The policy grades its own answers (the judge is the same model): grades are only as good as that model.")
        }
        let failed = policy.grading.generationFailures + policy.grading.judgeFailures
        if failed > 0 { notes.append("\(failed) of \(probeList.count) answers could not be generated or graded; they are left out of every rate.") }
        let counts: [String: Int] = [
            "probes": probeList.count, "items": policy.items, "generation_cache_hits": outcome.counts.generation.hits,
            "generation_cache_stored": outcome.counts.generation.stored, "grading_cache_hits": outcome.counts.grading.hits,
            "grading_cache_stored": outcome.counts.grading.stored, "generation_failures": policy.grading.generationFailures,
            "judge_failures": policy.grading.judgeFailures,
        ]
        let manifest = RunManifest(
            command: RecordedCommand.active.line, startedAt: ISO8601DateFormatter().string(from: started),
            finishedAt: ISO8601DateFormatter().string(from: finished),
            dataset: DatasetManifest(sha256: Dataset(items: [], sources: [source]).sha256, files: [source]),
            rubrics: (rubric.map { [$0.reference] } ?? []) + Self.contextsReferences(probeList),
            scorers: policy.judge.map { [$0] } ?? [], embedder: nil, seed: seed,
            parameters: policy.sampling.merging(["confidence": String(confidence), "llama_threads": String(generation.threads)]) { a, _ in a },
            counts: counts,
            timings: ["generation_and_grading": (clock.now - runStart).inSeconds, "total": finished.timeIntervalSince(started)]
        )
        try SycophancyFiles.write(SycophancyResults(manifest: manifest, notes: notes, policy: policy, reward: nil), to: out)
    }

    /// The contexts files the probes were built from, by version and digest.
    static func contextsReferences(_ probes: [SycophancyProbe]) -> [RubricReference] {
        Set(probes.map { RubricReference(id: "sycophancy-contexts", version: $0.contextsVersion, sha256: $0.contextsSHA256) })
            .sorted { ($0.version, $0.sha256) < ($1.version, $1.sha256) }
    }
}

extension LabelRubric {
    /// A categorical rubric file, or the id of one built into the binary.
    static func load(_ rubric: String) throws -> LabelRubric {
        if FileManager.default.fileExists(atPath: rubric) { return try LabelRubric(contentsOf: rubric) }
        if rubric == "sycophancy-correctness", let source = EmbeddedTemplates.source(id: rubric) {
            return try LabelRubric(yaml: Data(source.utf8), file: "embedded:\(rubric)")
        }
        throw ConfigurationError("grading rubric '\(rubric)' is neither a file nor the embedded sycophancy-correctness")
    }
}
