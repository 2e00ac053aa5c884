import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditRuntime
import PlauditText

/// `plaudit audit`: the calibration gap between valid atypical and valid mainstream answers.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report, per scorer, whether valid atypical answers are scored below valid mainstream ones.",
        discussion: """
            Input: grouped JSONL (one prompt with its responses per line) or Infinity-Chat rows, as files or \
            folders of .jsonl files. Scores come from --scores files, from `scores` in the data, and from the \
            local SmolLM2 judge and perplexity scorers. Writes results.json, report.md, report.html and scores.jsonl to --out.
            """
    )

    @Argument(help: "Dataset files or folders of .jsonl files.")
    var dataset: [String]

    @Option(help: "Dataset layout: auto, grouped or infinity-chat.")
    var format: DatasetFormat = .auto

    @Option(name: .customLong("scores"), help: "A scores file (JSONL or CSV: item_id, response_id, scorer, score). Repeatable.")
    var scoresFiles: [String] = []

    @Option(name: .customLong("human-preferences"), help: "Pairwise human preference rows (JSONL or CSV: user_query, response_1, response_2, human_labels in -2..2), joined to the items by text. Repeatable.")
    var preferenceFiles: [String] = []

    @OptionGroup var scoring: ScorerOptions

    @Flag(help: "Judge atypical–modal pairs (and human-labelled pairs) with the local SmolLM2 model in both orders: position bias and preference for atypical answers.")
    var localPairwiseJudge = false

    @Option(help: "The pairwise rubric: a file, or the id of an embedded rubric.")
    var pairwiseRubric = "pairwise-preference"

    @Option(help: "Audit pairs per prompt given to pairwise judges (a seeded choice); human-labelled pairs are all judged.")
    var pairsPerPrompt = 4

    @Option(help: "Clustering: agglomerative, kmeans or labels (the data's `cluster` fields).")
    var clustering: ClusteringChoice = .agglomerative

    @Option(help: "Cosine-distance cut for agglomerative clustering (default: calibrated per embedder).")
    var threshold: Double?

    @Option(help: "Embedder: auto (MiniLM when installed, else lexical), minilm or lexical.")
    var embedder: EmbedderChoice = .auto

    @Option(help: "Threads for the MiniLM encoder.")
    var embedderThreads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Clusters per prompt for k-means.")
    var k = 3

    @Option(help: "Mean human rating at or above which an unflagged response counts as valid.")
    var validThreshold: Double?

    @Option(help: "Largest human-rating difference for a quality-matched pair (ε).")
    var qualityTolerance = 0.5

    @Option(help: "Bootstrap resamples over prompts.")
    var resamples = 2_000

    @Option(help: "Sign-flip permutations for p-values.")
    var permutations = 9_999

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    @Option(help: "Seed for clustering, bootstrap and permutations.")
    var seed: UInt64 = 20_251_022

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Do part i of n (for example 2/4) and write it for `plaudit merge`.")
    var shard: ShardSpec?

    @Option(name: .customLong("merge-from"), parsing: .singleValue, help: .hidden)
    var mergeFrom: [String] = []

    @Option(help: "Folder for results.json, report.md, report.html and scores.jsonl.")
    var out = "results"

    @Flag(help: "Leave out bad input rows (counted in the results) instead of stopping.")
    var skipBadRows = false

    @Flag(help: "No progress output.")
    var quiet = false

    enum ClusteringChoice: String, ExpressibleByArgument, CaseIterable {
        case agglomerative, kmeans, labels
    }

    func validate() throws {
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be at least 100") }
        guard permutations >= 99 else { throw ValidationError("--permutations must be at least 99") }
        if let threshold, !(threshold > 0 && threshold <= 2) { throw ValidationError("--threshold is a cosine distance in (0, 2]") }
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        if shard != nil && !mergeFrom.isEmpty { throw ValidationError("--shard and --merge-from exclude each other") }
        guard pairsPerPrompt >= 1 else { throw ValidationError("--pairs-per-prompt must be at least 1") }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        let plan = try prepare(progress: progress)
        let data = plan.data

        // Install first, so that a first run on a fresh machine already uses MiniLM.
        let assets = LocalAssets()
        if installAssets && !(assets.hasLocalModel && assets.hasTextModels) {
            progress.note("installing model assets into \(assets.root.path)")
            do {
                try AssetInstaller(assets: assets).install { progress.note($0) }
            } catch {
                throw ExitStatus.fail("\(error)", code: ExitStatus.failure)
            }
        }

        let cacheStore = try await openCache(plan.configuration, progress: progress)
        let collector = ScoreCollector(cache: cacheStore, refresh: cacheOptions.refresh)
        var live: [ScoredTable] = []
        var statistics: [String: BackendStatistics] = [:]
        var timings: [String: Double] = [:]
        // Pairwise judges need the atypical–modal pairs, so they run after the analysis, while
        // their backends are still up.
        var analysis: Analysis?
        var pairwise: [PairwiseJudgeAudit.Outcome] = []
        let clock = ContinuousClock()
        let scoringStart = clock.now
        do {
            if !mergeFrom.isEmpty {
                (live, statistics) = try ShardMerge.tables(
                    from: mergeFrom, data: data, arguments: Self.recordedArguments(), rubrics: plan.rubrics)
            } else if plan.session.needsScoring {
                (live, statistics, analysis, pairwise) = try await plan.session.run(progress: progress) { scorers, backends in
                    var tables: [ScoredTable] = []
                    let indices = shard?.indices(itemCount: data.items.count)
                    let judges = scorers.filter { $0.scorer.descriptor.kind == .pairwiseJudge }
                    for live in scorers where live.scorer.descriptor.kind != .pairwiseJudge {
                        var perScorer = collector
                        perScorer.concurrency = max(1, live.concurrency)
                        tables.append(try await perScorer.collect(items: data.items, scorer: live.scorer, itemIndices: indices, progress: progress))
                    }
                    var analysis: Analysis?
                    var outcomes: [PairwiseJudgeAudit.Outcome] = []
                    if !judges.isEmpty {
                        let done = try await analyze(plan: plan, live: tables, assets: assets, progress: progress)
                        for judge in judges {
                            guard let rubric = (judge.scorer as? ChatLogprobJudge)?.rubric else { continue }
                            var perScorer = collector
                            perScorer.concurrency = max(1, judge.concurrency)
                            outcomes.append(
                                try await PairwiseJudgeAudit(judge: judge.scorer, rubric: rubric, options: done.options, maximumPairsPerPrompt: pairsPerPrompt)
                                    .run(items: data.items, structures: done.outcome.prompts, collector: perScorer, progress: progress))
                        }
                        analysis = done
                    }
                    let statistics = Dictionary(backends.map { ($0.configuration.name, $0.statistics) }, uniquingKeysWith: { a, _ in a })
                    return (tables, statistics, analysis, outcomes)
                }
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.code(for: error))
        }
        timings["scoring"] = (clock.now - scoringStart).inSeconds

        if let shard {
            let manifest = ShardManifest(
                shard: shard, arguments: Self.recordedArguments(), workingDirectory: FileManager.default.currentDirectoryPath,
                dataset: DatasetManifest(sha256: data.sha256, files: data.sources), scorers: live.map(\.descriptor),
                rubrics: plan.rubrics, failures: live.flatMap(\.failures),
                cache: Dictionary(live.map { ($0.descriptor.name, $0.counts) }, uniquingKeysWith: { a, _ in a }), items: shard.indices(itemCount: data.items.count).count,
                counts: Self.counts(live: live, statistics: statistics), timings: timings
            )
            do {
                try ShardMerge.write(manifest, tables: live, data: data, to: out)
            } catch {
                throw ExitStatus.fail("cannot write the shard to \(out): \(error)", code: ExitStatus.failure)
            }
            print("wrote shard \(shard) (\(manifest.items) prompts) to \(out)/shard.json and \(out)/scores.jsonl; combine the parts with `plaudit merge`")
            return
        }

        let done: Analysis
        if let analysis {
            done = analysis
        } else {
            do {
                done = try await analyze(plan: plan, live: live, assets: assets, progress: progress)
            } catch let error as ConfigurationError {
                throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
            } catch {
                throw ExitStatus.fail("\(error)", code: ExitStatus.failure)
            }
        }
        var outcome = done.outcome
        outcome.timings.merge(timings) { _, new in new }
        let (chosenEmbedder, cut) = (done.embedder, done.cut)
        if !pairwise.isEmpty {
            outcome.failures += pairwise.flatMap(\.failures)
            outcome.humanCalibration = HumanCalibrationAnalysis(bootstrapResamples: resamples, confidence: confidence, seed: seed)
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

        let finished = Date()
        let results = CalibrationResults(
            manifest: manifest(
                data: data, outcome: outcome, live: live, statistics: statistics, embedder: chosenEmbedder, cut: cut, rubrics: plan.rubrics,
                started: started, finished: finished
            ),
            validitySource: outcome.validitySource, qualitySource: outcome.qualitySource, notes: outcome.notes,
            scorers: outcome.scorers, prompts: outcome.prompts, failures: outcome.failures, skippedRows: data.skippedRows,
            humanCalibration: outcome.humanCalibration, pairwiseJudges: pairwise.map(\.result), examples: outcome.examples
        )
        do {
            try write(results: results, scored: outcome.attachingScores(to: data))
        } catch {
            throw ExitStatus.fail("cannot write results to \(out): \(error)", code: ExitStatus.failure)
        }
        print(CalibrationConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html, \(out)/scores.jsonl")
    }

    /// The audit's analysis and what it ran with.
    struct Analysis: Sendable {
        var outcome: CalibrationOutcome
        var embedder: EmbedderDescriptor
        var cut: Double
        var options: CalibrationOptions
    }

    /// Embeds, clusters and computes every statistic on the scores collected.
    func analyze(plan: Plan, live: [ScoredTable], assets: LocalAssets, progress: ProgressDisplay) async throws -> Analysis {
        let session = EmbedderSession(configuration: plan.configuration, choice: embedder, threads: embedderThreads)
        return try await session.run(assets: assets) { chosen, remote in
            // A remote embedder's vectors are neural like MiniLM's; its cut is a starting point to calibrate.
            let cut = threshold ?? (remote ? CalibrationOptions.miniLMThreshold : CalibrationOptions.defaultThreshold(embedder: chosen.descriptor.name))
            progress.note("embedder: \(chosen.descriptor.name)" + (remote && threshold == nil ? " (cut \(cut), MiniLM's; calibrate with --threshold)" : ""))
            let options = CalibrationOptions(
                clustering: clusteringOption(cut: cut), humanValidityThreshold: validThreshold, qualityTolerance: qualityTolerance,
                bootstrapResamples: resamples, permutationResamples: permutations, confidence: confidence, seed: seed
            )
            let outcome = try await CalibrationAudit(options: options).analyze(dataset: plan.data, embedder: chosen, live: live, progress: progress)
            return Analysis(outcome: outcome, embedder: chosen.descriptor, cut: cut, options: options)
        }
    }

    /// What the run will do, checked before any model runs or any request is sent.
    struct Plan {
        var data: Dataset
        var configuration: PlauditConfiguration
        var session: ScorerSession
        var rubrics: [RubricReference]
    }

    func prepare(progress: ProgressDisplay) throws -> Plan {
        let policy: BadRowPolicy = skipBadRows ? .skip : .stop
        do {
            var data = try DatasetReader(format: format, badRows: policy).read(paths: dataset)
            for file in scoresFiles {
                let bytes = try DatasetReader.load(file)
                let (rows, skipped) = try ScoresFileReader(badRows: policy).read(data: bytes, path: file)
                var log = BadRowLog(policy: policy)
                try data.join(scores: rows, file: file, log: &log)
                data.skippedRows += skipped + log.skipped
                data.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
            }
            for file in preferenceFiles {
                try HumanPreferenceRows(badRows: policy).attach(try DatasetReader.load(file), file: file, to: &data)
            }
            let configuration = try loadConfiguration()
            let judgeRubric = localJudge ? try loadRubric(rubric) : nil
            let pairwise = localPairwiseJudge ? try loadRubric(pairwiseRubric) : nil
            if let pairwise, pairwise.mode != .pairwise {
                throw ConfigurationError("--pairwise-rubric \(pairwiseRubric): rubric '\(pairwise.id)' is not pairwise (mode: pairwise)")
            }
            if let judgeRubric, judgeRubric.mode != .pointwise {
                throw ConfigurationError("--rubric \(rubric): rubric '\(judgeRubric.id)' is pairwise; use it with --local-pairwise-judge --pairwise-rubric")
            }
            var session = ScorerSession(
                configuration: configuration, selected: scorerNames, localJudgeRubric: judgeRubric, localPerplexity: localPerplexity,
                llamaURL: llamaURL, threads: threads, concurrencyOverride: concurrency, verbose: verbose
            )
            session.localPairwiseRubric = pairwise
            let configured = try session.chosenScorers()
            var rubrics = [judgeRubric, pairwise].compactMap { $0?.reference }
            var pairwiseConfigured = pairwise != nil
            for scorer in configured where scorer.type == .judge {
                let loaded = try loadRubric(scorer.rubric ?? "pointwise-quality")
                rubrics.append(loaded.reference)
                if loaded.mode == .pairwise { pairwiseConfigured = true }
            }
            if pairwiseConfigured && (shard != nil || !mergeFrom.isEmpty) {
                throw ConfigurationError("pairwise judges need the whole dataset's atypical–modal pairs: run them without --shard")
            }
            let precomputed = Set(data.items.flatMap { $0.responses.flatMap { $0.scores.keys } })
            if !session.needsScoring && precomputed.isEmpty && mergeFrom.isEmpty {
                throw ConfigurationError(
                    "nothing to audit: no scores in the data or --scores files, no scorers in a configuration, and neither --local-judge nor --local-perplexity"
                )
            }
            let live = (localJudge ? [ScorerNames.judge] : []) + (localPairwiseJudge ? [ScorerNames.pairwiseJudge] : [])
                + (localPerplexity ? [ScorerNames.perplexity] : []) + configured.map(\.name)
            for name in live where precomputed.contains(name) {
                throw ConfigurationError("the data already has scores named '\(name)'; a live scorer of this run has that name")
            }
            if Set(live).count != live.count {
                throw ConfigurationError("two live scorers share a name (\(live.joined(separator: ", "))); the built-in ones are \(ScorerNames.judge) and \(ScorerNames.perplexity)")
            }
            progress.note(
                "read \(data.items.count) prompts, \(data.responseCount) responses from \(data.sources.count) files"
                    + (data.skippedRows.isEmpty ? "" : ", skipped \(data.skippedRows.count) bad rows")
            )
            return Plan(data: data, configuration: configuration, session: session, rubrics: rubrics)
        } catch let error as InputError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
    }

    func loadConfiguration() throws -> PlauditConfiguration {
        try PlauditConfiguration.loadDefault(config)
    }

    func openCache(_ configuration: PlauditConfiguration, progress: ProgressDisplay) async throws -> (any ResponseCache)? {
        // A merge asks no scorer anything, so it needs no cache.
        guard mergeFrom.isEmpty else { return nil }
        return try await cacheOptions.open(configuration)
    }

    /// The arguments as given, without `--out`, `--shard` and `--merge-from` (which differ
    /// between the parts of one sharded audit and its merge).
    static func recordedArguments() -> [String] {
        RecordedCommand(words: RecordedCommand.active.arguments(after: ["audit"], dropping: ["--out", "--shard", "--merge-from"])).redacted
    }

    static func counts(live: [ScoredTable], statistics: [String: BackendStatistics]) -> [String: Int] {
        [
            "cache_hits": live.reduce(0) { $0 + $1.counts.hits },
            "cache_misses": live.reduce(0) { $0 + $1.counts.misses },
            "cache_stored": live.reduce(0) { $0 + $1.counts.stored },
            "requests": statistics.values.reduce(0) { $0 + $1.requests },
            "retries": statistics.values.reduce(0) { $0 + $1.retries },
            "throttled": statistics.values.reduce(0) { $0 + $1.throttled },
            "request_failures": statistics.values.reduce(0) { $0 + $1.failures },
        ]
    }

    func clusteringOption(cut: Double) -> CalibrationOptions.Clustering {
        switch clustering {
        case .agglomerative: .agglomerative(threshold: cut)
        case .kmeans: .kMeans(k: k)
        case .labels: .labels
        }
    }

    func loadRubric(_ rubric: String) throws -> Rubric {
        try Rubric.load(rubric)
    }

    func manifest(
        data: Dataset, outcome: CalibrationOutcome, live: [ScoredTable], statistics: [String: BackendStatistics], embedder: EmbedderDescriptor,
        cut: Double, rubrics: [RubricReference], started: Date, finished: Date
    ) -> RunManifest {
        var timings = outcome.timings
        timings["total"] = finished.timeIntervalSince(started)
        let iso = ISO8601DateFormatter()
        var counts = Self.counts(live: live, statistics: statistics)
        // Pairwise judges' cache use (collected after the analysis).
        counts["cache_hits", default: 0] += outcome.cache.hits
        counts["cache_misses", default: 0] += outcome.cache.misses
        counts["cache_stored", default: 0] += outcome.cache.stored
        counts.merge([
            "items": data.items.count, "responses": data.responseCount, "skipped_rows": data.skippedRows.count,
            "prompts_with_pairs": outcome.prompts.filter { !$0.pairs.isEmpty }.count,
            "pairs": outcome.prompts.reduce(0) { $0 + $1.pairs.count }, "failures": outcome.failures.count,
        ]) { _, new in new }
        return RunManifest(
            command: (["plaudit", "audit"] + Self.recordedArguments()).joined(separator: " "),
            startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: data.sha256, files: data.sources),
            rubrics: rubrics, scorers: outcome.scorers.map(\.scorer), embedder: embedder, seed: seed,
            parameters: [
                "clustering": clustering == .agglomerative ? "agglomerative (average linkage, cosine distance < \(cut))"
                    : clustering == .kmeans ? "k-means++ (k = \(k))" : "labels from the data",
                "quality_tolerance": String(qualityTolerance),
                "valid_threshold": validThreshold.map { String($0) } ?? "none",
                "bootstrap_resamples": String(resamples),
                "permutations": String(permutations),
                "confidence": String(confidence),
                "bad_rows": skipBadRows ? "skip" : "stop",
                "llama_threads": String(threads),
                "pairs_per_prompt": String(pairsPerPrompt),
            ],
            counts: counts,
            timings: timings
        )
    }

    /// Writes the three files only after everything succeeded, each atomically.
    func write(results: CalibrationResults, scored: Dataset) throws {
        let folder = URL(fileURLWithPath: out)
        var scoreLines = ""
        // Sorted keys: the same scores give the same bytes (key order is otherwise unspecified).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for item in scored.items {
            for response in item.responses {
                for name in response.scores.keys.sorted() {
                    let row = ScoreRow(itemID: item.id, responseID: response.id, scorer: name, score: response.scores[name]!)
                    scoreLines += String(decoding: try encoder.encode(row), as: UTF8.self) + "\n"
                }
            }
        }
        let json = try ResultsFile.encode(results)
        try ResultsFile.writeAtomically(Data(scoreLines.utf8), to: folder.appendingPathComponent("scores.jsonl"))
        try ReportFiles.write(.calibration(results), to: folder)
        try ResultsFile.writeAtomically(json, to: folder.appendingPathComponent("results.json"))
    }
}
