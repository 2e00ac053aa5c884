import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
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

    @Option(help: "Generate instead of reading generations: prompts as JSONL, one {\"id\", \"prompt\"} per line.")
    var prompts: String?

    @OptionGroup var generatorOptions: GeneratorOptions

    @Option(help: "Generations per model and prompt.")
    var samples = 10

    @Option(help: "Sampling temperature. Repeatable: each generator at each temperature is one model, labelled NAME@T<temperature>.")
    var temperature: [Double] = [1.0]

    @Option(help: "Nucleus sampling mass (default: the server's, 1.0).")
    var topP: Double?

    @Option(help: "Most tokens per generation.")
    var maxTokens = 256

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Embedder: auto (MiniLM when installed, else lexical), minilm or lexical.")
    var embedder: EmbedderChoice = .auto

    @Option(help: "Threads for the MiniLM encoder and the analysis.")
    var embedderThreads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Backends (plaudit.yaml), for an embeddings backend. Default: ./plaudit.yaml when it exists.")
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Cosine at or above which two generations are equivalent (distinct-k).",
            discussion: "Default: \(HomogeneityOptions.miniLMEquivalenceThreshold) for MiniLM, \(HomogeneityOptions.lexicalEquivalenceThreshold) for the lexical embedder."
        )
    )
    var equivalenceThreshold: Double?

    @Option(name: .customLong("neighbours"), help: "Nearest-neighbour counts N for model mixing. Repeatable.")
    var neighbours: [Int] = [5, 50]

    @Option(help: "Bootstrap resamples over prompts.")
    var resamples = 2_000

    @Option(help: "Confidence level of intervals.")
    var confidence = 0.95

    @Option(help: "Seed for the bootstrap and for the generation seeds.")
    var seed: UInt64 = 20_251_022

    @Option(help: "Also write every embedding as JSONL (item_id, response_id, model, embedding) to this file.")
    var writeEmbeddings: String?

    @Option(help: "Folder for results.json, report.md and report.html.")
    var out = "results"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard (0.5..<1).contains(confidence) else { throw ValidationError("--confidence must be in [0.5, 1)") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be at least 100") }
        if let equivalenceThreshold, !(equivalenceThreshold > -1 && equivalenceThreshold <= 1) {
            throw ValidationError("--equivalence-threshold is a cosine in (-1, 1]")
        }
        guard !neighbours.isEmpty, neighbours.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--neighbours must be at least 1") }
        guard embedderThreads >= 1 else { throw ValidationError("--embedder-threads must be at least 1") }
        if prompts == nil {
            guard !dataset.isEmpty else { throw ValidationError("name the generations to analyse (grouped JSONL files or folders), or generate them with --prompts") }
            guard generatorOptions.isEmpty else { throw ValidationError("a generator needs --prompts to answer") }
        } else {
            guard dataset.isEmpty else { throw ValidationError("give either generations to analyse or --prompts to generate them, not both") }
            guard !generatorOptions.isEmpty else { throw ValidationError("--prompts needs a generator: --generator NAME or --local-generator") }
            guard samples >= 2 else { throw ValidationError("--samples must be at least 2 (a mean pairwise cosine needs a pair)") }
            guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
            guard temperature.allSatisfy({ $0 >= 0 }), Set(temperature).count == temperature.count else {
                throw ValidationError("--temperature values must be distinct and not negative")
            }
            if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1]") }
        }
    }

    func run() async throws {
        let started = Date()
        let progress = ProgressDisplay(quiet: quiet)
        let configuration: PlauditConfiguration
        do {
            configuration = try config.map { try PlauditConfiguration.load($0) }
                ?? (FileManager.default.fileExists(atPath: "plaudit.yaml") ? try PlauditConfiguration.load("plaudit.yaml") : PlauditConfiguration())
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.code(for: error))
        }
        if let prompts {
            let run = try await generate(promptsFile: prompts, configuration: configuration, progress: progress)
            let input: HomogeneityInput
            do {
                input = try Self.input(run.dataset)
            } catch {
                throw ExitStatus.fail("\(error.description) (some generations failed; see the notes above)", code: ExitStatus.failure)
            }
            try await analyse(data: run.dataset, input: input, configuration: configuration, generation: run, progress: progress, started: started)
            return
        }
        let data: Dataset
        let input: HomogeneityInput
        do {
            data = try DatasetReader(format: format).read(paths: dataset)
            input = try Self.input(data)
        } catch {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        progress.note("read \(data.items.count) prompts, \(data.responseCount) generations of \(input.models.count) models")
        try await analyse(data: data, input: input, configuration: configuration, generation: nil, progress: progress, started: started)
    }

    /// Groups the data by model, or a located input error.
    static func input(_ data: Dataset) throws(InputError) -> HomogeneityInput {
        do {
            return try HomogeneityInput(items: data.items)
        } catch {
            throw ItemLocator.error(
                itemID: data.items[error.itemIndex].id, field: error.field, message: error.message, files: data.sources.map(\.path)
            )
        }
    }

    /// Embeds, analyses and writes the results.
    func analyse(
        data: Dataset, input: HomogeneityInput, configuration: PlauditConfiguration, generation: GenerationRun?, progress: ProgressDisplay,
        started: Date
    ) async throws {
        var timings: [String: Double] = [:]
        if let generation { timings["generation"] = generation.seconds }
        let clock = ContinuousClock()
        let session = EmbedderSession(configuration: configuration, choice: embedder, threads: embedderThreads)
        let outcome: HomogeneityOutcome
        let descriptor: EmbedderDescriptor
        do {
            (outcome, descriptor) = try await session.run(assets: LocalAssets()) { chosen, _ in
                let threshold = equivalenceThreshold ?? HomogeneityOptions.defaultEquivalenceThreshold(embedder: chosen.descriptor.name)
                progress.note("embedder: \(chosen.descriptor.name); distinct-k at cosine ≥ \(threshold)")
                let audit = HomogeneityAudit(
                    options: HomogeneityOptions(
                        equivalenceThreshold: threshold, neighbourCounts: neighbours, bootstrapResamples: resamples, confidence: confidence,
                        seed: seed, threads: embedderThreads
                    )
                )
                let embeddingStart = clock.now
                let vectors = try await audit.embed(items: data.items, embedder: chosen, progress: progress)
                timings["embedding"] = (clock.now - embeddingStart).inSeconds
                if let writeEmbeddings { try Self.writeEmbeddings(vectors, items: data.items, to: writeEmbeddings) }
                let analysisStart = clock.now
                let outcome = await audit.analyze(input: input, vectors: vectors, progress: progress)
                timings["analysis"] = (clock.now - analysisStart).inSeconds
                return (outcome, chosen.descriptor)
            }
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.code(for: error))
        }

        let finished = Date()
        timings["total"] = finished.timeIntervalSince(started)
        let iso = ISO8601DateFormatter()
        let manifest = RunManifest(
            command: RecordedCommand.active.line,
            startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: data.sha256, files: data.sources), rubrics: [], scorers: [], embedder: descriptor, seed: seed,
            parameters: [
                "equivalence_threshold": String(outcome.method.equivalenceThreshold),
                "neighbours": neighbours.map(String.init).joined(separator: ","),
                "bootstrap_resamples": String(resamples),
                "confidence": String(confidence),
            ],
            counts: ["items": data.items.count, "responses": data.responseCount, "models": input.models.count].merging(generation?.counts ?? [:]) { a, _ in a },
            timings: timings
        )
        var notes = outcome.notes
        if let generation, generation.record.failed > 0 {
            notes.insert("\(generation.record.failed) generations failed (the backend refused the input) and were left out.", at: 0)
        }
        let results = HomogeneityResults(
            manifest: manifest, notes: notes, method: outcome.method, models: outcome.models, similarity: outcome.similarity,
            mixing: outcome.mixing, prompts: outcome.prompts, generation: generation?.record
        )
        do {
            let folder = URL(fileURLWithPath: out)
            try ReportFiles.write(.homogeneity(results), to: folder)
            try ResultsFile.writeAtomically(try ResultsFile.encode(results), to: folder.appendingPathComponent("results.json"))
        } catch {
            throw ExitStatus.fail("cannot write results to \(out): \(error)", code: ExitStatus.failure)
        }
        print(HomogeneityConsoleTable.render(results), terminator: "")
        print("wrote \(out)/results.json, \(out)/report.md, \(out)/report.html")
    }

    /// One JSON line per response: `{"embedding": [...], "item_id", "model", "response_id"}`,
    /// each number the shortest decimal that reads back as the same `Float`.
    static func writeEmbeddings(_ vectors: [[[Float]]], items: [Item], to path: String) throws {
        let encoder = JSONEncoder()
        func quoted(_ text: String) throws -> String { String(decoding: try encoder.encode(text), as: UTF8.self) }
        var lines = ""
        for (item, itemVectors) in zip(items, vectors) {
            for (response, vector) in zip(item.responses, itemVectors) {
                lines += "{\"embedding\":[" + vector.map { $0.description }.joined(separator: ",") + "],\"item_id\":" + (try quoted(item.id))
                    + ",\"model\":" + (try quoted(response.model ?? "")) + ",\"response_id\":" + (try quoted(response.id)) + "}\n"
            }
        }
        try ResultsFile.writeAtomically(Data(lines.utf8), to: URL(fileURLWithPath: path))
    }
}
