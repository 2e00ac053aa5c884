import ArgumentParser
import Foundation
import PlauditAudits
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditText

/// `plaudit audit`: the calibration gap between valid atypical and valid mainstream answers.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report, per scorer, whether valid atypical answers are scored below valid mainstream ones.",
        discussion: """
            Input: grouped JSONL (one prompt with its responses per line) or Infinity-Chat rows, as files or \
            folders of .jsonl files. Scores come from --scores files, from `scores` in the data, and from the \
            local SmolLM2 judge and perplexity scorers. Writes results.json, report.md and scores.jsonl to --out.
            """
    )

    @Argument(help: "Dataset files or folders of .jsonl files.")
    var dataset: [String]

    @Option(help: "Dataset layout: auto, grouped or infinity-chat.")
    var format: DatasetFormat = .auto

    @Option(name: .customLong("scores"), help: "A scores file (JSONL or CSV: item_id, response_id, scorer, score). Repeatable.")
    var scoresFiles: [String] = []

    @Flag(help: "Score with the local SmolLM2 judge (expected rating over top log-probabilities).")
    var localJudge = false

    @Flag(help: "Score with the local SmolLM2 perplexity scorer (score = − perplexity of the response).")
    var localPerplexity = false

    @Option(help: "A rubric file, or the id of an embedded rubric.")
    var rubric = "pointwise-quality"

    @Option(help: "Use a llama.cpp server already running at this URL instead of starting one.")
    var llamaURL: String?

    @Option(help: "CPU threads for the local llama.cpp server.")
    var threads = 1

    @Flag(help: "Install missing local-model assets first (pip, pinned versions, verified).")
    var installAssets = false

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

    @Option(help: "Concurrent requests per live scorer.")
    var concurrency = 1

    @Option(help: "Folder for results.json, report.md and scores.jsonl.")
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
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        let policy: BadRowPolicy = skipBadRows ? .skip : .stop

        // Everything that can be wrong with the input is checked before any model runs.
        var data: Dataset
        var judgeRubric: Rubric?
        do {
            data = try DatasetReader(format: format, badRows: policy).read(paths: dataset)
            for file in scoresFiles {
                let bytes = try DatasetReader.load(file)
                let (rows, skipped) = try ScoresFileReader(badRows: policy).read(data: bytes, path: file)
                var log = BadRowLog(policy: policy)
                try data.join(scores: rows, file: file, log: &log)
                data.skippedRows += skipped + log.skipped
                data.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count))
            }
            if localJudge { judgeRubric = try loadRubric() }
            let precomputed = Set(data.items.flatMap { $0.responses.flatMap { $0.scores.keys } })
            if !localJudge && !localPerplexity && precomputed.isEmpty {
                throw ConfigurationError(
                    "nothing to audit: no scores in the data or --scores files, and neither --local-judge nor --local-perplexity"
                )
            }
            let live = (localJudge ? [ScorerNames.judge] : []) + (localPerplexity ? [ScorerNames.perplexity] : [])
            for name in live where precomputed.contains(name) {
                throw ConfigurationError("the data already has scores named '\(name)'; that name is reserved for the local scorer")
            }
        } catch let error as InputError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        progress.note(
            "read \(data.items.count) prompts, \(data.responseCount) responses from \(data.sources.count) files"
                + (data.skippedRows.isEmpty ? "" : ", skipped \(data.skippedRows.count) bad rows")
        )

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
        let chosenEmbedder: any Embedder
        do {
            chosenEmbedder = try embedder.make(assets: assets, threads: embedderThreads)
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.badInput)
        }
        let cut = threshold ?? CalibrationOptions.defaultThreshold(embedder: chosenEmbedder.descriptor.name)
        progress.note("embedder: \(chosenEmbedder.descriptor.name)")
        let options = CalibrationOptions(
            clustering: clusteringOption(cut: cut), humanValidityThreshold: validThreshold, qualityTolerance: qualityTolerance,
            bootstrapResamples: resamples, permutationResamples: permutations, confidence: confidence, seed: seed,
            concurrency: concurrency
        )
        let outcome: CalibrationOutcome
        var modelName: String?
        do {
            if localJudge || localPerplexity {
                (outcome, modelName) = try await runWithLocalModel(data: data, options: options, embedder: chosenEmbedder, rubric: judgeRubric, progress: progress)
            } else {
                outcome = try await CalibrationAudit(options: options).run(dataset: data, embedder: chosenEmbedder, scorers: [], progress: progress)
            }
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.failure)
        }

        let finished = Date()
        let results = CalibrationResults(
            manifest: manifest(data: data, outcome: outcome, embedder: chosenEmbedder, cut: cut, rubric: judgeRubric, model: modelName, started: started, finished: finished),
            validitySource: outcome.validitySource, qualitySource: outcome.qualitySource, notes: outcome.notes,
            scorers: outcome.scorers, prompts: outcome.prompts, failures: outcome.failures, skippedRows: data.skippedRows
        )
        do {
            try write(results: results, scored: outcome.attachingScores(to: data))
        } catch {
            throw ExitStatus.fail("cannot write results to \(out): \(error)", code: ExitStatus.failure)
        }
        print(CalibrationConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/scores.jsonl")
    }

    func clusteringOption(cut: Double) -> CalibrationOptions.Clustering {
        switch clustering {
        case .agglomerative: .agglomerative(threshold: cut)
        case .kmeans: .kMeans(k: k)
        case .labels: .labels
        }
    }

    func loadRubric() throws -> Rubric {
        if FileManager.default.fileExists(atPath: rubric) { return try Rubric(contentsOf: rubric) }
        if let source = EmbeddedRubrics.source(id: rubric) {
            return try Rubric(yaml: Data(source.utf8), file: "embedded:\(rubric)")
        }
        throw ConfigurationError("rubric '\(rubric)' is neither a file nor an embedded rubric (\(EmbeddedRubrics.ids.joined(separator: ", ")))")
    }

    /// Starts the local llama.cpp server (or uses --llama-url), runs the audit, stops it.
    /// The HTTP client is shut down on every path before returning.
    func runWithLocalModel(
        data: Dataset, options: CalibrationOptions, embedder: any Embedder, rubric: Rubric?, progress: ProgressDisplay
    ) async throws -> (CalibrationOutcome, String) {
        let http = AsyncHTTPTransport(connectionsPerHost: max(concurrency, 1))
        do {
            let result = try await runWithLocalModel(data: data, options: options, embedder: embedder, rubric: rubric, progress: progress, http: http)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    private func runWithLocalModel(
        data: Dataset, options: CalibrationOptions, embedder: any Embedder, rubric: Rubric?, progress: ProgressDisplay,
        http: AsyncHTTPTransport
    ) async throws -> (CalibrationOutcome, String) {
        let model = "smollm2"
        func audit(baseURL: String) async throws -> CalibrationOutcome {
            let client = try BackendClient(
                configuration: BackendConfiguration(name: "llama.cpp", kind: .llamaCpp, urls: [baseURL], model: model, concurrency: concurrency),
                transport: http, environment: [:]
            )
            var scorers: [any RewardScorer] = []
            if let rubric {
                scorers.append(ChatLogprobJudge(name: ScorerNames.judge, generator: try OpenAIChatGenerator(client: client), rubric: rubric))
            }
            if localPerplexity {
                scorers.append(LlamaCppPerplexityScorer(name: ScorerNames.perplexity, client: client, model: model))
            }
            return try await CalibrationAudit(options: options).run(dataset: data, embedder: embedder, scorers: scorers, progress: progress)
        }
        if let llamaURL {
            return (try await audit(baseURL: llamaURL), model)
        }
        let assets = LocalAssets()
        guard assets.hasLocalModel else {
            throw ConfigurationError("the local model is not installed in \(assets.root.path); run `plaudit assets install` or add --install-assets")
        }
        progress.note("starting llama.cpp (SmolLM2-135M-Instruct, \(threads) thread\(threads == 1 ? "" : "s")) on 127.0.0.1")
        let outcome = try await LlamaServer.withRunning(.smolLM2(assets, threads: threads)) { server in
            progress.note("llama.cpp ready at \(server.baseURL) (pid \(server.pid))")
            return try await audit(baseURL: server.baseURL)
        }
        return (outcome, "SmolLM2-135M-Instruct.Q4_1.gguf")
    }

    func manifest(
        data: Dataset, outcome: CalibrationOutcome, embedder: any Embedder, cut: Double, rubric: Rubric?, model: String?,
        started: Date, finished: Date
    ) -> RunManifest {
        var scorers = outcome.scorers.map(\.scorer)
        if let model {
            scorers = scorers.map { descriptor in
                var d = descriptor
                if d.kind != .precomputed { d.model = model; d.backend = llamaURL == nil ? "llama.cpp (local, started by plaudit)" : "llama.cpp at \(llamaURL!)" }
                return d
            }
        }
        var timings = outcome.timings
        timings["total"] = finished.timeIntervalSince(started)
        let iso = ISO8601DateFormatter()
        return RunManifest(
            command: (["plaudit"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: data.sha256, files: data.sources),
            rubrics: rubric.map { [$0.reference] } ?? [], scorers: scorers, embedder: embedder.descriptor, seed: seed,
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
            ],
            counts: [
                "items": data.items.count, "responses": data.responseCount, "skipped_rows": data.skippedRows.count,
                "prompts_with_pairs": outcome.prompts.filter { !$0.pairs.isEmpty }.count,
                "pairs": outcome.prompts.reduce(0) { $0 + $1.pairs.count }, "failures": outcome.failures.count,
            ],
            timings: timings
        )
    }

    /// Writes the three files only after everything succeeded, each atomically.
    func write(results: CalibrationResults, scored: Dataset) throws {
        let folder = URL(fileURLWithPath: out)
        var scoreLines = ""
        for item in scored.items {
            for response in item.responses {
                for name in response.scores.keys.sorted() {
                    let row = ScoreRow(itemID: item.id, responseID: response.id, scorer: name, score: response.scores[name]!)
                    scoreLines += String(decoding: try JSONEncoder().encode(row), as: UTF8.self) + "\n"
                }
            }
        }
        let markdown = CalibrationMarkdown.render(results, dataset: scored)
        let json = try ResultsFile.encode(results)
        try ResultsFile.writeAtomically(Data(scoreLines.utf8), to: folder.appendingPathComponent("scores.jsonl"))
        try ResultsFile.writeAtomically(Data(markdown.utf8), to: folder.appendingPathComponent("report.md"))
        try ResultsFile.writeAtomically(json, to: folder.appendingPathComponent("results.json"))
    }
}

/// Names of the built-in local scorers, as they appear in results.
enum ScorerNames {
    static let judge = "smollm2-judge"
    static let perplexity = "smollm2-perplexity"
}
