import Foundation
public import PlauditCore
public import PlauditRuntime

/// `plaudit homogeneity` as a library: how alike generations are, within each model and across
/// models, from files or from generators run first (cached, resumable).
public struct HomogeneityJob: Sendable {
    public let request: HomogeneityRequest
    /// What the job analyses or generates from.
    public enum Input: Sendable {
        case generations(Dataset, HomogeneityInput)
        case prompts([PromptsFile.Entry], SourceFile)
    }
    public let input: Input

    /// Checks the request and reads its input before any model runs. Throws located
    /// ``InputError``s and ``ConfigurationError``s.
    public static func plan(_ request: HomogeneityRequest, models: any ModelProvider, progress: any ProgressReporter) throws -> HomogeneityJob {
        try request.check()
        if let prompts = request.prompts {
            let (entries, source) = try PromptsFile.read(prompts)
            _ = try models.configuredGenerators(request.generators)
            return HomogeneityJob(request: request, input: .prompts(entries, source))
        }
        let data = try DatasetReader(format: request.format).read(paths: request.dataset)
        let input = try Self.input(data)
        progress.note("read \(data.items.count) prompts, \(data.responseCount) generations of \(input.models.count) models")
        return HomogeneityJob(request: request, input: .generations(data, input))
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

    /// Generates when asked (writing `generations.jsonl` into the request's folder), then embeds
    /// and analyses.
    public func run(models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool = false, progress: any ProgressReporter) async throws -> HomogeneityResults {
        let started = Date()
        switch input {
        case .generations(let data, let input):
            return try await analyse(
                data: data, input: input, models: models, embeddings: EmbeddingCollector(cache: cache, refresh: refresh), generation: nil,
                progress: progress, started: started)
        case .prompts(let entries, let source):
            let run = try await generation.generate(entries: entries, source: source, models: models, cache: cache, refresh: refresh, progress: progress)
            let input: HomogeneityInput
            do {
                input = try Self.input(run.dataset)
            } catch {
                throw AuditError("\(error.description) (some generations failed; see the notes above)")
            }
            return try await analyse(
                data: run.dataset, input: input, models: models, embeddings: EmbeddingCollector(cache: cache, refresh: refresh), generation: run,
                progress: progress, started: started)
        }
    }

    /// Embeds (through `embeddings`' cache) and analyses, and the results with their manifest.
    func analyse(
        data: Dataset, input: HomogeneityInput, models: any ModelProvider, embeddings: EmbeddingCollector, generation: PromptGeneration.Run?,
        progress: any ProgressReporter, started: Date
    ) async throws -> HomogeneityResults {
        var timings: [String: Double] = [:]
        if let generation { timings["generation"] = generation.seconds }
        let clock = ContinuousClock()
        let (outcome, descriptor, measured, embedding) = try await models.withEmbedder(progress: progress) { chosen, _ in
            var timings: [String: Double] = [:]
            let threshold = request.equivalenceThreshold ?? HomogeneityOptions.defaultEquivalenceThreshold(embedder: chosen.descriptor.name)
            progress.note("embedder: \(chosen.descriptor.name); distinct-k at cosine ≥ \(threshold)")
            let audit = HomogeneityAudit(
                options: HomogeneityOptions(
                    equivalenceThreshold: threshold, neighbourCounts: request.neighbours, bootstrapResamples: request.resamples,
                    confidence: request.confidence, seed: request.seed, threads: request.threads
                )
            )
            let embeddingStart = clock.now
            let (vectors, embedding) = try await audit.embed(items: data.items, embedder: chosen, collector: embeddings, progress: progress)
            timings["embedding"] = (clock.now - embeddingStart).inSeconds
            if let path = request.writeEmbeddings { try Self.writeEmbeddings(vectors, items: data.items, to: path) }
            let analysisStart = clock.now
            let outcome = await audit.analyze(input: input, vectors: vectors, progress: progress)
            timings["analysis"] = (clock.now - analysisStart).inSeconds
            return (outcome, chosen.descriptor, timings, embedding)
        }
        timings.merge(measured) { _, new in new }
        let finished = Date()
        timings["total"] = finished.timeIntervalSince(started)
        let iso = ISO8601DateFormatter()
        var counts = ["items": data.items.count, "responses": data.responseCount, "models": input.models.count].merging(Self.counts(generation)) { a, _ in a }
        embedding.record(in: &counts)
        let manifest = RunManifest(
            command: request.command.line,
            startedAt: iso.string(from: started), finishedAt: iso.string(from: finished),
            dataset: DatasetManifest(sha256: data.sha256, files: data.sources), rubrics: [], scorers: [], embedder: descriptor, seed: request.seed,
            parameters: [
                "equivalence_threshold": String(outcome.method.equivalenceThreshold),
                "neighbours": request.neighbours.map(String.init).joined(separator: ","),
                "bootstrap_resamples": String(request.resamples),
                "confidence": String(request.confidence),
            ],
            counts: counts,
            timings: timings
        )
        var notes = outcome.notes
        if let generation, generation.record.failed > 0 {
            notes.insert("\(generation.record.failed) generations failed (the backend refused the input) and were left out.", at: 0)
        }
        return HomogeneityResults(
            manifest: manifest, notes: notes, method: outcome.method, models: outcome.models, similarity: outcome.similarity,
            mixing: outcome.mixing, prompts: outcome.prompts, generation: generation?.record
        )
    }

    /// The generation stage this request asks for.
    var generation: PromptGeneration {
        var generation = PromptGeneration(prompts: request.prompts ?? "", folder: request.folder)
        generation.generators = request.generators
        generation.samples = request.samples
        generation.temperatures = request.temperatures
        generation.topP = request.topP
        generation.maxTokens = request.maxTokens
        generation.seed = request.seed
        return generation
    }

    /// A generating run's counts under the names homogeneity results have always used.
    static func counts(_ generation: PromptGeneration.Run?) -> [String: Int] {
        guard let counts = generation?.counts else { return [:] }
        return [
            "generated": counts["generated"] ?? 0, "generation_failures": counts["generation_failures"] ?? 0,
            "cache_hits": counts["generation_cache_hits"] ?? 0, "cache_stored": counts["generation_cache_stored"] ?? 0,
        ]
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
        try AtomicFile.write(Data(lines.utf8), to: URL(fileURLWithPath: path))
    }
}
