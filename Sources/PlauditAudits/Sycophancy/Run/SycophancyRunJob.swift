import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit sycophancy run` as a library: the policy answers every probe (seeded, cached,
/// resumable), the answers are graded (string match, then a categorical judge that shares the
/// policy's transport, or its local server), and each condition is compared with the
/// unmodified one.
public struct SycophancyRunJob: Sendable {
    public let request: SycophancyRunRequest
    let probes: [SycophancyProbe]
    let source: SourceFile
    let rubric: LabelRubric?

    /// Checks the request, reads the probes and checks the policy and judge against the models
    /// before any model starts. Throws located ``InputError``s and ``ConfigurationError``s.
    public static func plan(_ request: SycophancyRunRequest, models: any ModelProvider, progress: any ProgressReporter) throws -> SycophancyRunJob {
        try request.check()
        let bytes = try DatasetReader.load(request.probes)
        let probes = try SycophancyProbeReader().probes(data: bytes, path: request.probes)
        let source = SourceFile(path: request.probes, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)
        let rubric = request.grader == .stringMatch ? nil : try LabelRubric.load(request.judgeRubric)
        _ = try models.configuredGenerators(request.policy)
        if case .judge(let name) = request.grader {
            do {
                _ = try models.configuredGenerators(GeneratorSelection(generators: [name]))
            } catch let error as ConfigurationError {
                // The provider names the option generators come from; this one came from --judge.
                throw ConfigurationError(error.description.replacingOccurrences(of: "--generator \(name)", with: "--judge \(name)"))
            }
        }
        progress.note("read \(probes.count) probes (\(Set(probes.map(\.itemID)).count) items) from \(request.probes)")
        return SycophancyRunJob(request: request, probes: probes, source: source, rubric: rubric)
    }

    /// The models the run brings up: the policy, and the judge's backend (or the local model)
    /// beside it so they share one transport and one local server.
    var generators: GeneratorSelection {
        var selection = request.policy
        switch request.grader {
        case .judge(let name) where !selection.generators.contains(name): selection.generators.append(name)
        case .localJudge: selection.localGenerator = true
        default: break
        }
        return selection
    }

    /// Generates, grades and analyses; the results with their manifest.
    public func run(models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter) async throws -> SycophancyResults {
        let started = Date()
        let clock = ContinuousClock()
        let setting = SamplingSetting(temperature: request.temperature, topP: request.topP, maxTokens: request.maxTokens)
        let runStart = clock.now
        let outcome = try await models.withGenerators(generators, progress: progress) { live in
            guard let policy = live.first(where: { $0.name == request.policyName }) else {
                throw ConfigurationError("no generator \(request.policyName)")
            }
            let judgeName: String? = switch request.grader {
            case .judge(let name): name
            case .localJudge: GeneratorSelection.localName
            case .stringMatch: nil
            }
            let judge = live.first { $0.name == judgeName }
            return try await SycophancyPolicyAudit(setting: setting, seed: request.seed, confidence: request.confidence).run(
                probes: probes, generator: policy.generator,
                generation: GenerationCollector(concurrency: policy.concurrency, cache: cache, refresh: refresh),
                judge: judge.flatMap { judge in rubric.map { models.labelJudge(on: judge, rubric: $0) } },
                grading: ScoreCollector(concurrency: request.judgeConcurrency ?? judge?.concurrency ?? 1, cache: cache, refresh: refresh),
                progress: progress)
        }
        let runSeconds = (clock.now - runStart).inSeconds
        let finished = Date()
        let policy = outcome.results
        return SycophancyResults(
            manifest: manifest(policy, counts: outcome.counts, started: started, finished: finished, runSeconds: runSeconds),
            notes: notes(policy), policy: policy, reward: nil)
    }

    /// What a reader of the results should know before the numbers.
    func notes(_ policy: SycophancyPolicyResults) -> [String] {
        var notes: [String] = []
        if !probes.contains(where: { $0.condition == .unmodified }) {
            notes.append("The probes have no unmodified condition (none × none): no condition could be compared with it.")
        }
        if let judge = policy.judge, let generator = policy.generator, judge.model == generator.model, judge.backend == generator.backend {
            notes.append("The policy grades its own answers (the judge is the same model): grades are only as good as that model.")
        }
        let failed = policy.grading.generationFailures + policy.grading.judgeFailures
        if failed > 0 { notes.append("\(failed) of \(probes.count) answers could not be generated or graded; they are left out of every rate.") }
        return notes
    }

    /// What produced the results: the command, the probes, the rubrics, the judge, the
    /// sampling and the counts.
    func manifest(
        _ policy: SycophancyPolicyResults, counts: SycophancyPolicyAudit.Counts, started: Date, finished: Date, runSeconds: Double
    ) -> RunManifest {
        let iso = ISO8601DateFormatter()
        return RunManifest(
            command: request.command.line, startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: Dataset(items: [], sources: [source]).sha256, files: [source]),
            rubrics: (rubric.map { [$0.reference] } ?? []) + Self.contextsReferences(probes),
            scorers: policy.judge.map { [$0] } ?? [], embedder: nil, seed: request.seed,
            parameters: policy.sampling.merging(["confidence": String(request.confidence), "llama_threads": String(request.policy.threads)]) { a, _ in a },
            counts: [
                "probes": probes.count, "items": policy.items, "generation_cache_hits": counts.generation.hits,
                "generation_cache_stored": counts.generation.stored, "grading_cache_hits": counts.grading.hits,
                "grading_cache_stored": counts.grading.stored, "generation_failures": policy.grading.generationFailures,
                "judge_failures": policy.grading.judgeFailures,
            ],
            timings: ["generation_and_grading": runSeconds, "total": finished.timeIntervalSince(started)]
        )
    }

    /// The contexts files the probes were built from, by version and digest.
    static func contextsReferences(_ probes: [SycophancyProbe]) -> [RubricReference] {
        Set(probes.map { RubricReference(id: "sycophancy-contexts", version: $0.contextsVersion, sha256: $0.contextsSHA256) })
            .sorted { ($0.version, $0.sha256) < ($1.version, $1.sha256) }
    }
}
