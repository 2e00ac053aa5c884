import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit audit` as a library: a checked plan, then a run that takes its models from a
/// ``ModelProvider``. The command line, `plaudit merge`, suites and tests all call this.
///
/// ```swift
/// let job = try CalibrationJob.plan(request, models: backends, progress: progress)
/// switch try await job.run(models: backends, cache: cache, progress: progress) {
/// case .results(let results, let scored): …   // write results.json, reports, scores.jsonl
/// case .shard(let manifest, let tables): …    // one part of a sharded audit
/// }
/// ```
public struct CalibrationJob: Sendable {
    public let request: CalibrationRequest
    /// What the audit reads: the data with every score file and preference file joined, or the
    /// prompts its policies answer first.
    enum Input: Sendable {
        case data(Dataset, validity: ValidityStages)
        case prompts([PromptsFile.Entry], SourceFile)
    }
    let input: Input
    public let selection: ScorerSelection
    /// The rubrics of every judge this run uses, for the manifest and the shard check.
    public let rubrics: [RubricReference]
    /// Whether any live scorer is asked for.
    public let needsScoring: Bool

    /// What a run produced.
    public enum Outcome: Sendable {
        /// The audit's results, and the data with every score used attached.
        case results(CalibrationResults, scored: Dataset)
        /// One part of a sharded audit: what `plaudit merge` needs, and the data it scored.
        case shard(ShardManifest, tables: [ScoredTable], data: Dataset)
    }

    /// Reads and checks everything before any model runs or any request is sent: the data, its
    /// scores and preferences, the rubrics, and the scorer names. Throws located
    /// ``InputError``s and ``ConfigurationError``s.
    /// - Parameter merging: the plan is for `plaudit merge` (no live scorer is asked).
    public static func plan(
        _ request: CalibrationRequest, models: any ModelProvider, progress: any ProgressReporter, merging: Bool = false
    ) throws -> CalibrationJob {
        try request.check()
        let rules = try request.validityRules()
        let input: Input
        if let generation = request.generation {
            let (entries, source) = try PromptsFile.read(generation.prompts)
            _ = try models.configuredGenerators(generation.generators)
            input = .prompts(entries, source)
        } else {
            var data = try DatasetReader(format: request.format, badRows: request.badRows).read(paths: request.dataset)
            let stages = try join(request, rules: rules, into: &data)
            input = .data(data, validity: stages)
        }
        let selection = try request.scorerSelection()
        if let pairwise = selection.localPairwiseRubric, pairwise.mode != .pairwise {
            throw ConfigurationError("--pairwise-rubric \(request.localPairwiseRubric ?? ""): rubric '\(pairwise.id)' is not pairwise (mode: pairwise)")
        }
        if let judge = selection.localJudgeRubric, judge.mode != .pointwise {
            throw ConfigurationError("--rubric \(request.localJudgeRubric ?? ""): rubric '\(judge.id)' is pairwise; use it with --local-pairwise-judge --pairwise-rubric")
        }
        if let name = request.validityScorer, name != ScorerNames.validity {
            let all = try models.configuredScorers(ScorerSelection())
            guard all.contains(where: { $0.name == name }) else {
                let known = all.map(\.name).joined(separator: ", ")
                throw ConfigurationError("--validity \(name): no such scorer in the configuration (scorers: \(known.isEmpty ? "none" : known); the built-in one is \(ScorerNames.validity))")
            }
        }
        if let name = request.qualityScorer {
            let all = try models.configuredScorers(ScorerSelection())
            guard all.contains(where: { $0.name == name }) else {
                let known = all.map(\.name).joined(separator: ", ")
                throw ConfigurationError("--quality \(name): no such scorer in the configuration (scorers: \(known.isEmpty ? "none" : known))")
            }
        }
        if let rubric = selection.localValidityRubric, rubric.mode != .pointwise {
            throw ConfigurationError("--validity-rubric: rubric '\(rubric.id)' is pairwise; a validity judge rates one answer")
        }
        let configured = try models.configuredScorers(selection)
        var rubrics = [selection.localJudgeRubric, selection.localPairwiseRubric, selection.localValidityRubric].compactMap { $0?.reference }
        var pairwiseConfigured = selection.localPairwiseRubric != nil
        for scorer in configured where scorer.type == .judge {
            let loaded = try Rubric.load(scorer.rubric ?? "pointwise-quality")
            rubrics.append(loaded.reference)
            if loaded.mode == .pairwise { pairwiseConfigured = true }
        }
        if pairwiseConfigured && (request.shard != nil || merging) {
            throw ConfigurationError("pairwise judges need the whole dataset's atypical–modal pairs: run them without --shard")
        }
        let needsScoring = selection.usesLocalModel || !configured.isEmpty
        let live = (selection.localJudgeRubric != nil ? [ScorerNames.judge] : []) + (selection.localPairwiseRubric != nil ? [ScorerNames.pairwiseJudge] : [])
            + (selection.localPerplexity ? [ScorerNames.perplexity] : []) + (selection.localValidityRubric != nil ? [ScorerNames.validity] : [])
            + configured.map(\.name)
        if Set(live).count != live.count {
            throw ConfigurationError("two live scorers share a name (\(live.joined(separator: ", "))); the built-in ones are \(ScorerNames.judge) and \(ScorerNames.perplexity)")
        }
        let job = CalibrationJob(
            request: request, input: input, selection: selection, rubrics: rubrics, needsScoring: needsScoring, liveNames: live, rules: rules)
        switch input {
        case .data(let data, let stages):
            try job.check(data, merging: merging)
            if let source = stages.source(humanThreshold: request.validThreshold) { progress.note("validity so far: \(source)") }
            progress.note(
                "read \(data.items.count) prompts, \(data.responseCount) responses from \(data.sources.count) files"
                    + (data.skippedRows.isEmpty ? "" : ", skipped \(data.skippedRows.count) bad rows")
            )
        case .prompts(let entries, _):
            if !live.contains(where: { !request.unaudited.contains($0) }) {
                throw ConfigurationError("nothing scores the generated responses: name a configured scorer, --local-judge or --local-perplexity")
            }
            progress.note("read \(entries.count) prompts from \(request.generation?.prompts ?? "")")
        }
        return job
    }

    /// The names of the live scorers, in run order.
    let liveNames: [String]
    /// The rules applied before any model is asked.
    let rules: ValidityRules

    /// Joins the request's scores files, human preference files and labels file to `data`, then
    /// applies the validity rules; returns what decided validity so far.
    static func join(_ request: CalibrationRequest, rules: ValidityRules, into data: inout Dataset) throws -> ValidityStages {
        for file in request.scoresFiles {
            let bytes = try DatasetReader.load(file)
            let (rows, skipped) = try ScoresFileReader(badRows: request.badRows).read(data: bytes, path: file)
            var log = BadRowLog(policy: request.badRows)
            try data.join(scores: rows, file: file, log: &log)
            data.skippedRows += skipped + log.skipped
            data.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
        }
        for file in request.preferenceFiles {
            try HumanPreferenceRows(badRows: request.badRows).attach(try DatasetReader.load(file), file: file, to: &data)
        }
        var stages = ValidityStages()
        stages.responses = data.responseCount
        stages.dataFlags = data.items.reduce(0) { $0 + $1.responses.filter { $0.valid != nil }.count }
        if let file = request.labelsFile {
            let bytes = try DatasetReader.load(file)
            stages.labels = try LabelsFile.apply(try LabelsFile.read(data: bytes, path: file), file: file, to: &data)
            data.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
        }
        stages.rules = rules.apply(to: &data)
        return stages
    }

    /// Checks that there is something to audit in `data` and that no live scorer takes the
    /// name of scores already in it.
    func check(_ data: Dataset, merging: Bool) throws {
        let precomputed = Set(data.items.flatMap { $0.responses.flatMap { $0.scores.keys } })
        let audited = liveNames.contains { !request.unaudited.contains($0) }
        if !audited && precomputed.isEmpty && !merging {
            throw ConfigurationError(
                "nothing to audit: no scores in the data or --scores files, no scorers in a configuration, and neither --local-judge nor --local-perplexity"
            )
        }
        for name in liveNames where precomputed.contains(name) {
            throw ConfigurationError("the data already has scores named '\(name)'; a live scorer of this run has that name")
        }
    }

    /// The data to audit: as read, or generated now from the prompts (written to
    /// `generations.jsonl`, then joined with the request's scores and preference files).
    func dataset(
        models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool, progress: any ProgressReporter
    ) async throws -> (Dataset, PromptGeneration.Run?, ValidityStages) {
        switch input {
        case .data(let data, let stages):
            return (data, nil, stages)
        case .prompts(let entries, let source):
            let run = try await request.generation!.generate(
                entries: entries, source: source, models: models, cache: cache, refresh: refresh, progress: progress)
            var data = run.dataset
            let stages = try Self.join(request, rules: rules, into: &data)
            try check(data, merging: false)
            if let source = stages.source(humanThreshold: request.validThreshold) { progress.note("validity so far: \(source)") }
            return (data, run, stages)
        }
    }

    /// Scores with the live scorers (through `cache`, resumably), then embeds, clusters and
    /// computes every statistic; or, for a shard, scores this part only.
    public func run(
        models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter
    ) async throws -> Outcome {
        let started = Date()
        var (data, generation, stages) = try await dataset(models: models, cache: cache, refresh: refresh, progress: progress)
        let collector = ScoreCollector(cache: cache, refresh: refresh)
        let embeddings = EmbeddingCollector(cache: cache, refresh: refresh)
        var live: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]
        // Pairwise judges need the atypical–modal pairs, so they run after the analysis, while
        // their backends are still up.
        var analysis: Analysis?
        var pairwise: [PairwiseJudgeAudit.Outcome] = []
        var validity: Validity?
        var quality: ScoredTable?
        let clock = ContinuousClock()
        let scoringStart = clock.now
        let stagesSoFar = stages
        if needsScoring {
            let scoring = try await models.withScorers(selection, progress: progress) { up in
                var data = data
                // Validity first: it decides which responses form pairs.
                var validity: Validity?
                if let name = request.validityScorer, let judge = up.scorers.first(where: { $0.scorer.descriptor.name == name }) {
                    var perScorer = collector
                    perScorer.concurrency = max(1, judge.concurrency)
                    let table = try await perScorer.collect(items: data.items, scorer: judge.scorer, progress: progress)
                    let verdicts = ScoredValidity.apply(table, threshold: request.validityThreshold, humanThreshold: request.validThreshold, to: &data)
                    progress.note("validity: \(verdicts.source)")
                    validity = Validity(verdicts: verdicts, table: table)
                }
                var tables: [ScoredTable] = []
                let indices = request.shard?.indices(itemCount: data.items.count)
                let judges = up.scorers.filter { $0.scorer.descriptor.kind == .pairwiseJudge }
                // Quality next: a judge's score that pairs are matched on, not audited.
                var quality: ScoredTable?
                if let name = request.qualityScorer, let judge = up.scorers.first(where: { $0.scorer.descriptor.name == name }) {
                    var perScorer = collector
                    perScorer.concurrency = max(1, judge.concurrency)
                    quality = try await perScorer.collect(items: data.items, scorer: judge.scorer, progress: progress)
                }
                for live in up.scorers
                where live.scorer.descriptor.kind != .pairwiseJudge && !request.unaudited.contains(live.scorer.descriptor.name) {
                    var perScorer = collector
                    perScorer.concurrency = max(1, live.concurrency)
                    tables.append(try await perScorer.collect(items: data.items, scorer: live.scorer, itemIndices: indices, progress: progress))
                }
                var analysis: Analysis?
                var outcomes: [PairwiseJudgeAudit.Outcome] = []
                if !judges.isEmpty {
                    var stages = stagesSoFar
                    stages.scored = validity?.verdicts
                    let done = try await analyze(
                        data, live: tables, validitySource: stages.source(humanThreshold: request.validThreshold), quality: quality, models: models,
                        embeddings: embeddings, progress: progress)
                    for judge in judges {
                        guard let rubric = judge.rubric else { continue }
                        var perScorer = collector
                        perScorer.concurrency = max(1, judge.concurrency)
                        outcomes.append(
                            try await PairwiseJudgeAudit(judge: judge.scorer, rubric: rubric, options: done.options, maximumPairsPerPrompt: request.pairsPerPrompt)
                                .run(items: data.items, structures: done.outcome.prompts, collector: perScorer, progress: progress))
                    }
                    analysis = done
                }
                return Scoring(
                    data: data, tables: tables, statistics: up.statistics(), analysis: analysis, pairwise: outcomes, validity: validity, quality: quality)
            }
            (data, live, statistics, analysis, pairwise, validity, quality) =
                (scoring.data, scoring.tables, scoring.statistics, scoring.analysis, scoring.pairwise, scoring.validity, scoring.quality)
        }
        var timings = ["scoring": (clock.now - scoringStart).inSeconds]
        if let generation { timings["generation"] = generation.seconds }

        stages.scored = validity?.verdicts
        if let shard = request.shard {
            let manifest = ShardManifest(
                shard: shard, arguments: request.shardArguments, workingDirectory: FileManager.default.currentDirectoryPath,
                dataset: DatasetManifest(sha256: data.sha256, files: data.sources), scorers: live.map(\.descriptor),
                rubrics: rubrics, failures: live.flatMap(\.failures),
                cache: Dictionary(live.map { ($0.descriptor.name, $0.counts) }, uniquingKeysWith: { a, _ in a }),
                items: shard.indices(itemCount: data.items.count).count,
                counts: RunCounts.of(live: live, statistics: statistics), timings: timings
            )
            return .shard(manifest, tables: live, data: data)
        }
        let done: Analysis
        if let analysis {
            done = analysis
        } else {
            done = try await analyze(
                data, live: live, validitySource: stages.source(humanThreshold: request.validThreshold), quality: quality, models: models,
                embeddings: embeddings, progress: progress)
        }
        let (results, scored) = finish(
            done, data: data, generation: generation, validity: validity, quality: quality, stages: stages, live: live, statistics: statistics, pairwise: pairwise,
            timings: timings, started: started)
        return .results(results, scored: scored)
    }

    /// The results of the sharded audit whose parts wrote `parts`: their scores instead of live
    /// scorers, then the same analysis as an unsharded run. Asks no scorer anything; embeds
    /// through `cache` when one is given.
    public func merge(
        parts: [String], models: any ModelProvider, cache: (any ResponseCache)? = nil, refresh: Bool = false, progress: any ProgressReporter
    ) async throws -> (CalibrationResults, scored: Dataset) {
        guard case .data(let data, let stages) = input else { throw ConfigurationError("a merge reads the parts' dataset; it generates nothing") }
        let started = Date()
        let clock = ContinuousClock()
        let reading = clock.now
        let (live, statistics) = try ShardMerge.tables(from: parts, data: data, arguments: request.shardArguments, rubrics: rubrics)
        let timings = ["scoring": (clock.now - reading).inSeconds]
        let done = try await analyze(
            data, live: live, validitySource: stages.source(humanThreshold: request.validThreshold), quality: nil, models: models,
            embeddings: EmbeddingCollector(cache: cache, refresh: refresh), progress: progress)
        return finish(done, data: data, generation: nil, validity: nil, quality: nil, stages: stages, live: live, statistics: statistics, pairwise: [], timings: timings, started: started)
    }

    /// What the live scorers' session produced.
    struct Scoring: Sendable {
        var data: Dataset
        var tables: [ScoredTable]
        var statistics: [String: BackendStatistics]
        var analysis: Analysis?
        var pairwise: [PairwiseJudgeAudit.Outcome]
        var validity: Validity?
        var quality: ScoredTable?
    }

    /// The validity scorer's verdicts and its scores.
    struct Validity: Sendable {
        var verdicts: ScoredValidity
        var table: ScoredTable
    }

    /// The audit's analysis and what it ran with.
    struct Analysis: Sendable {
        var outcome: CalibrationOutcome
        var embedder: EmbedderDescriptor
        var cut: Double
        var options: CalibrationOptions
    }

    /// Embeds (through `embeddings`' cache), clusters and computes every statistic on the scores
    /// collected.
    func analyze(
        _ data: Dataset, live: [ScoredTable], validitySource: String?, quality: ScoredTable?, models: any ModelProvider,
        embeddings: EmbeddingCollector, progress: any ProgressReporter
    ) async throws -> Analysis {
        try await models.withEmbedder(progress: progress) { chosen, remote in
            // A remote embedder's vectors are neural like MiniLM's; its cut is a starting point to calibrate.
            let cut =
                request.threshold
                ?? (remote ? CalibrationOptions.miniLMThreshold : CalibrationOptions.defaultThreshold(embedder: chosen.descriptor.name))
            progress.note("embedder: \(chosen.descriptor.name)" + (remote && request.threshold == nil ? " (cut \(cut), MiniLM's; calibrate with --threshold)" : ""))
            var options = CalibrationOptions(
                clustering: clusteringOption(cut: cut), humanValidityThreshold: request.validThreshold, qualityTolerance: request.qualityTolerance,
                bootstrapResamples: request.resamples, permutationResamples: request.permutations, confidence: request.confidence, seed: request.seed
            )
            options.validitySource = validitySource
            options.examplesPerScorer = request.examplesPerScorer
            if let quality {
                options.qualityJudge = (quality.descriptor.name, Dictionary(uniqueKeysWithValues: zip(data.items.map(\.id), quality.scores)))
            }
            let outcome = try await CalibrationAudit(options: options).analyze(
                dataset: data, embedder: chosen, live: live, embeddings: embeddings, progress: progress)
            return Analysis(outcome: outcome, embedder: chosen.descriptor, cut: cut, options: options)
        }
    }

    /// The results from the analysis, the pairwise judges' outcomes and the run's counts.
    func finish(
        _ done: Analysis, data: Dataset, generation: PromptGeneration.Run?, validity: Validity?, quality: ScoredTable?, stages: ValidityStages, live: [ScoredTable], statistics: [String: BackendStatistics], pairwise: [PairwiseJudgeAudit.Outcome],
        timings: [String: Double], started: Date
    ) -> (CalibrationResults, scored: Dataset) {
        var outcome = done.outcome
        outcome.timings.merge(timings) { _, new in new }
        if let validity {
            outcome.failures = validity.table.failures + outcome.failures
            if validity.verdicts.invalid > 0 {
                outcome.notes.insert("\(validity.verdicts.scorer) judged \(validity.verdicts.invalid) responses invalid; they form no pair.", at: 0)
            }
        }
        if let quality {
            outcome.failures = quality.failures + outcome.failures
            if data.items.contains(where: { $0.responses.contains { $0.humanMean != nil } }) {
                outcome.notes.append("The data has human ratings: pairs are matched on them, and \(quality.descriptor.name)'s quality scores are not used.")
            }
        }
        if let generation, generation.cut > 0, let asked = request.generation {
            outcome.notes.insert(
                "\(generation.cut) of \(generation.counts["generated"] ?? 0) generated responses stopped at --max-tokens \(asked.maxTokens) (cut short); "
                    + "they count as answers. Raise --max-tokens if a cut answer should not.",
                at: 0)
        }
        if let generation, outcome.validitySource.hasPrefix("none") {
            outcome.notes.insert(
                "The \(generation.counts["generated"] ?? 0) responses were generated and nothing judged their validity: an empty answer, a "
                    + "refusal or gibberish counts here as a valid atypical answer, so a scorer that rightly scores it low reads as "
                    + "under-rewarding. Add `valid` flags or human ratings to generations.jsonl and audit it again before acting on a flag.",
                at: 0)
        }
        if !pairwise.isEmpty {
            outcome.failures += pairwise.flatMap(\.failures)
            outcome.humanCalibration = HumanCalibrationAnalysis(bootstrapResamples: request.resamples, confidence: request.confidence, seed: request.seed)
                .adding(pairwise.map { ($0.result.scorer, .preferences($0.humanPreferences)) }, items: data.items, to: outcome.humanCalibration)
            for judged in pairwise {
                outcome.cache.hits += judged.cache.hits
                outcome.cache.misses += judged.cache.misses
                outcome.cache.stored += judged.cache.stored
                if judged.result.failed > 0 {
                    outcome.notes.append("\(judged.result.scorer.name): \(judged.result.failed) pairwise judgments gave no usable rating (see failures).")
                }
            }
        }
        let results = CalibrationResults(
            manifest: manifest(
                outcome: outcome, data: data, generation: generation, validity: validity, quality: quality, stages: stages, live: live, statistics: statistics,
                embedder: done.embedder,
                cut: done.cut,
                started: started, finished: Date()),
            validitySource: outcome.validitySource, qualitySource: outcome.qualitySource, notes: outcome.notes,
            scorers: outcome.scorers, prompts: outcome.prompts, failures: outcome.failures, skippedRows: data.skippedRows,
            humanCalibration: outcome.humanCalibration, pairwiseJudges: pairwise.map(\.result), examples: outcome.examples,
            comparisons: outcome.comparisons, generation: generation?.record
        )
        return (results, outcome.attachingScores(to: data))
    }

    func clusteringOption(cut: Double) -> CalibrationOptions.Clustering {
        switch request.clustering {
        case .agglomerative: .agglomerative(threshold: cut)
        case .kmeans: .kMeans(k: request.k)
        case .labels: .labels
        }
    }

    func manifest(
        outcome: CalibrationOutcome, data: Dataset, generation: PromptGeneration.Run?, validity: Validity?, quality: ScoredTable?, stages: ValidityStages,
        live: [ScoredTable], statistics: [String: BackendStatistics], embedder: EmbedderDescriptor,
        cut: Double, started: Date, finished: Date
    ) -> RunManifest {
        var timings = outcome.timings
        timings["total"] = finished.timeIntervalSince(started)
        let iso = ISO8601DateFormatter()
        var counts = RunCounts.of(live: live, statistics: statistics)
        // Pairwise judges' cache use (collected after the analysis).
        counts["cache_hits", default: 0] += outcome.cache.hits
        counts["cache_misses", default: 0] += outcome.cache.misses
        counts["cache_stored", default: 0] += outcome.cache.stored
        counts.merge([
            "items": data.items.count, "responses": data.responseCount, "skipped_rows": data.skippedRows.count,
            "prompts_with_pairs": outcome.prompts.filter { !$0.pairs.isEmpty }.count,
            "pairs": outcome.prompts.reduce(0) { $0 + $1.pairs.count }, "failures": outcome.failures.count,
        ]) { _, new in new }
        counts.merge(generation?.counts ?? [:]) { _, new in new }
        if let generation { counts["generation_cut_at_max_tokens"] = generation.cut }
        if stages.labels != nil || stages.rules.total > 0 || stages.scored != nil {
            counts.merge(stages.counts) { _, new in new }
        }
        for table in [validity?.table, quality].compactMap({ $0 }) {
            counts["cache_hits", default: 0] += table.counts.hits
            counts["cache_misses", default: 0] += table.counts.misses
            counts["cache_stored", default: 0] += table.counts.stored
        }
        outcome.embedding.record(in: &counts)
        let clustering =
            switch request.clustering {
            case .agglomerative: "agglomerative (average linkage, cosine distance < \(cut))"
            case .kmeans: "k-means++ (k = \(request.k))"
            case .labels: "labels from the data"
            }
        var parameters = [
            "clustering": clustering,
            "quality_tolerance": String(request.qualityTolerance),
            "valid_threshold": request.validThreshold.map { String($0) } ?? "none",
            "bootstrap_resamples": String(request.resamples),
            "permutations": String(request.permutations),
            "confidence": String(request.confidence),
            "bad_rows": request.badRows == .skip ? "skip" : "stop",
            "llama_threads": String(request.llamaThreads),
            "pairs_per_prompt": String(request.pairsPerPrompt),
        ]
        if let validity { parameters["validity"] = "\(validity.verdicts.scorer), score ≥ \(validity.verdicts.threshold)" }
        if let file = request.labelsFile { parameters["labels"] = file }
        if let quality { parameters["quality"] = quality.descriptor.name }
        if let file = request.refusalPatternsFile { parameters["refusal_patterns"] = "\(file) (\(rules.refusalPatterns.count) patterns)" }
        if let generation, let asked = request.generation {
            parameters["generation"] =
                "\(generation.record.models.keys.sorted().joined(separator: ", ")): \(asked.samples) samples per prompt, "
                + "max \(asked.maxTokens) tokens, seed \(asked.seed)"
        }
        return RunManifest(
            command: RecordedCommand(words: request.command.arguments(after: [], dropping: ["--out", "--shard"])).line,
            startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: data.sha256, files: data.sources),
            rubrics: rubrics, scorers: outcome.scorers.map(\.scorer), embedder: embedder, seed: request.seed,
            parameters: parameters,
            counts: counts,
            timings: timings
        )
    }
}
