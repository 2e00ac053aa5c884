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
    /// System prompt texts by policy name.
    let systemPrompts: [String: String]

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
        var systemPrompts: [String: String] = [:]
        for (name, path) in request.systemPromptFiles {
            let text = String(decoding: try DatasetReader.load(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw InputError(file: path, line: 0, message: "the system prompt for \(name) is empty") }
            systemPrompts[name] = text
        }
        progress.note("read \(probes.count) probes (\(Set(probes.map(\.itemID)).count) items) from \(request.probes)")
        return SycophancyRunJob(request: request, probes: probes, source: source, rubric: rubric, systemPrompts: systemPrompts)
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
        let names = request.policyNames
        let (outcomes, provenance) = try await models.withGenerators(generators, progress: progress) { live in
            let judgeName: String? = switch request.grader {
            case .judge(let name): name
            case .localJudge: GeneratorSelection.localName
            case .stringMatch: nil
            }
            let judgeModel = live.first { $0.name == judgeName }
            let judge = judgeModel.flatMap { judge in rubric.map { models.labelJudge(on: judge, rubric: $0) } }
            let judgeConcurrency = request.judgeConcurrency ?? judgeModel?.concurrency ?? 1
            var outcomes: [(results: SycophancyPolicyResults, counts: SycophancyPolicyAudit.Counts)] = []
            var provenance = Provenance(judge: judge?.descriptor)
            for name in names {
                let generatorName = request.generatorName(of: name)
                guard let policy = live.first(where: { $0.name == generatorName }) else { throw ConfigurationError("no generator \(generatorName)") }
                provenance.generators[name] = policy.generator.descriptor
                outcomes.append(
                    try await SycophancyPolicyAudit(setting: setting, seed: request.seed, confidence: request.confidence).run(
                        probes: probes, name: name, generator: policy.generator, systemPrompt: systemPrompts[name],
                        generation: GenerationCollector(concurrency: policy.concurrency, cache: cache, refresh: refresh), judge: judge,
                        grading: ScoreCollector(concurrency: judgeConcurrency, cache: cache, refresh: refresh),
                        progress: progress))
            }
            return (outcomes, provenance)
        }
        let runSeconds = (clock.now - runStart).inSeconds
        let finished = Date()
        let policies = outcomes.map(\.results)
        var counts = outcomes[0].counts
        for outcome in outcomes.dropFirst() {
            counts.generation.hits += outcome.counts.generation.hits
            counts.generation.stored += outcome.counts.generation.stored
            counts.grading.hits += outcome.counts.grading.hits
            counts.grading.stored += outcome.counts.grading.stored
        }
        var comparisons: [PolicyComparisonResult]?
        if policies.count > 1 {
            var groups: [String: String] = [:]
            for probe in probes { groups[probe.context] = probe.contextGroup }
            comparisons = SycophancyModelComparison(confidence: request.confidence, seed: request.seed).compareAll(
                policies.map { PolicyGrades(name: $0.name ?? "", answers: $0.answers) }, baseline: request.baseline,
                conditions: probes.map(\.condition), groups: groups)
        }
        return SycophancyResults(
            manifest: manifest(policies, provenance: provenance, counts: counts, started: started, finished: finished, runSeconds: runSeconds),
            notes: notes(policies, provenance: provenance), policy: policies.count == 1 ? policies[0] : nil, reward: nil,
            policies: policies.count > 1 ? policies : nil, comparisons: comparisons)
    }

    /// What produced the answers: each policy's generator, and the judge.
    struct Provenance: Sendable {
        var judge: ScorerDescriptor?
        var generators: [String: GeneratorDescriptor] = [:]
    }

    /// What a reader of the results should know before the numbers.
    func notes(_ policies: [SycophancyPolicyResults], provenance: Provenance) -> [String] {
        var notes: [String] = []
        if !probes.contains(where: { $0.condition == .unmodified }) {
            notes.append("The probes have no unmodified condition (none × none): no condition could be compared with it.")
        }
        for policy in policies {
            let name = policy.name ?? ""
            if let judge = provenance.judge, let generator = provenance.generators[name], judge.model == generator.model,
                judge.backend == generator.backend
            {
                notes.append("Policy \(name) grades its own answers (the judge is the same model): grades are only as good as that model.")
            }
            let failed = policy.grading.generationFailures + policy.grading.judgeFailures
            if failed > 0 { notes.append("\(failed) of \(probes.count) answers of \(name) could not be generated or graded; they are left out of every rate.") }
        }
        return notes
    }

    /// What produced the results: the command, the probes, the rubrics, the generators, the
    /// judge, the sampling and the counts.
    func manifest(
        _ policies: [SycophancyPolicyResults], provenance: Provenance, counts: SycophancyPolicyAudit.Counts, started: Date, finished: Date,
        runSeconds: Double
    ) -> RunManifest {
        var parameters = [
            "temperature": String(request.temperature), "max_tokens": String(request.maxTokens), "seed": String(request.seed),
            "confidence": String(request.confidence), "llama_threads": String(request.policy.threads),
        ]
        if let topP = request.topP { parameters["top_p"] = String(topP) }
        for (name, text) in systemPrompts { parameters["system_prompt_sha256.\(name)"] = SHA256Hex.digest(of: Data(text.utf8)) }
        if policies.count > 1 { parameters["policies"] = request.policyNames.joined(separator: ",") }
        if let baseline = request.baseline { parameters["baseline"] = baseline }
        let iso = ISO8601DateFormatter()
        return RunManifest(
            command: request.command.line, startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: Dataset(items: [], sources: [source]).sha256, files: [source]),
            rubrics: (rubric.map { [$0.reference] } ?? []) + Self.contextsReferences(probes),
            scorers: provenance.judge.map { [$0] } ?? [], embedder: nil, seed: request.seed,
            parameters: parameters,
            counts: [
                "probes": probes.count * policies.count, "items": policies[0].items, "generation_cache_hits": counts.generation.hits,
                "generation_cache_stored": counts.generation.stored, "grading_cache_hits": counts.grading.hits,
                "grading_cache_stored": counts.grading.stored,
                "generation_failures": policies.map(\.grading.generationFailures).reduce(0, +),
                "judge_failures": policies.map(\.grading.judgeFailures).reduce(0, +),
            ],
            timings: ["generation_and_grading": runSeconds, "total": finished.timeIntervalSince(started)],
            generators: provenance.generators
        )
    }

    /// The contexts files the probes were built from, by version and digest.
    static func contextsReferences(_ probes: [SycophancyProbe]) -> [RubricReference] {
        Set(probes.map { RubricReference(id: "sycophancy-contexts", version: $0.contextsVersion, sha256: $0.contextsSHA256) })
            .sorted { ($0.version, $0.sha256) < ($1.version, $1.sha256) }
    }
}
