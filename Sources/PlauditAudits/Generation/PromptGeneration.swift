public import Foundation
public import PlauditCore
public import PlauditRuntime

/// The generation stage every job that starts from prompts shares (homogeneity, an audit from
/// prompts): `samples` answers to every prompt with every generator at every sampling setting,
/// through the shared generation stage (seeded per sample, cached, resumable), written to
/// `generations.jsonl` as grouped JSONL that `plaudit audit` and `plaudit homogeneity` read back.
public struct PromptGeneration: Sendable {
    /// The prompts file (JSONL, one `{"id", "prompt"}` per line).
    public var prompts: String
    public var generators = GeneratorSelection()
    public var samples = 10
    public var temperatures: [Double] = [1.0]
    public var topP: Double?
    public var maxTokens = 256
    public var seed: UInt64 = 20_251_022
    /// Where `generations.jsonl` is written (before any analysis, so it survives one that fails).
    public var folder: URL

    public init(prompts: String, folder: URL) {
        self.prompts = prompts
        self.folder = folder
    }

    /// The file the generations are written to.
    public var file: URL { folder.appendingPathComponent("generations.jsonl") }

    /// The settings' rules, in the words of the command line's options.
    public func check() throws(ConfigurationError) {
        guard !generators.isEmpty else { throw ConfigurationError("--prompts needs a generator: --generator NAME or --local-generator") }
        guard samples >= 1 else { throw ConfigurationError("--samples must be at least 1") }
        guard maxTokens >= 1 else { throw ConfigurationError("--max-tokens must be at least 1") }
        guard !temperatures.isEmpty, temperatures.allSatisfy({ $0 >= 0 }), Set(temperatures).count == temperatures.count else {
            throw ConfigurationError("--temperature values must be distinct and not negative")
        }
        if let topP, !(topP > 0 && topP <= 1) { throw ConfigurationError("--top-p must be in (0, 1]") }
    }

    /// What a generating run made: the dataset to analyse and what the results record of it.
    public struct Run: Sendable {
        public var dataset: Dataset
        public var record: GenerationRecord
        public var seconds: Double
        /// `generated`, `generation_failures`, `generation_cache_hits`, `generation_cache_stored`.
        public var counts: [String: Int]
        /// Answers that stopped at the token limit (finish reason `length`).
        public var cut = 0
    }

    /// One generator's completions, under the name its samples are labelled with.
    struct GeneratedModel: Sendable {
        var name: String
        var table: GeneratedTable
    }

    var settings: [SamplingSetting] {
        temperatures.map { SamplingSetting(temperature: $0, topP: topP, maxTokens: maxTokens) }
    }

    /// Generates, then writes `generations.jsonl` atomically. A task the backend refuses leaves
    /// its sample out (counted and noted); a failure of the run itself throws, keeping every
    /// answer already stored in `cache` for the next run.
    public func generate(
        entries: [PromptsFile.Entry], source: SourceFile, models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool,
        progress: any ProgressReporter
    ) async throws -> Run {
        let settings = self.settings
        let plan = SamplePlan(settings: settings, samples: samples, seed: seed)
        let tasks = plan.tasks(for: entries.map { SamplePlan.Prompt(id: $0.id, messages: $0.prompt.messages) })
        progress.note("generating \(tasks.count) answers per generator (\(entries.count) prompts × \(settings.count) settings × \(samples) samples)")
        let clock = ContinuousClock()
        let start = clock.now
        let tables = try await models.withGenerators(generators, progress: progress) { generators in
            var tables: [GeneratedModel] = []
            for live in generators {
                let collector = GenerationCollector(concurrency: live.concurrency, cache: cache, refresh: refresh)
                tables.append(GeneratedModel(name: live.name, table: try await collector.generate(tasks, generator: live.generator, progress: progress)))
            }
            return tables
        }
        let seconds = (clock.now - start).inSeconds
        let items = Self.items(entries: entries, settings: settings, samples: samples, generated: tables)
        let failed = tables.reduce(0) { $0 + $1.table.failures.count }
        for model in tables {
            for failure in model.table.failures.prefix(5) { progress.note("\(model.name): \(failure.taskID) failed: \(failure.reason)") }
        }
        let bytes: Data
        do {
            bytes = try JSONLines.encode(items)
            try AtomicFile.write(bytes, to: file)
        } catch {
            throw AuditError("cannot write \(file.path): \(error)")
        }
        let generated = items.reduce(0) { $0 + $1.responses.count }
        progress.note("wrote \(file.path) (\(generated) generations\(failed > 0 ? ", \(failed) failed" : ""))")
        var labelled: [String: String] = [:]
        for model in tables {
            for setting in settings {
                labelled[Self.label(model.name, setting, settingCount: settings.count)] = "\(model.table.generator.backend) \(model.table.generator.model)"
            }
        }
        let record = GenerationRecord(
            models: labelled, samplesPerPrompt: samples,
            settings: [
                "temperatures": temperatures.map { String($0) }.joined(separator: ","), "top_p": topP.map { String($0) } ?? "server default",
                "max_tokens": String(maxTokens), "seed": String(seed), "prompts_file": prompts,
            ],
            failed: failed
        )
        let dataset = Dataset(items: items, sources: [source, SourceFile(path: file.path, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)])
        let counts = [
            "generated": generated, "generation_failures": failed,
            "generation_cache_hits": tables.reduce(0) { $0 + $1.table.counts.hits },
            "generation_cache_stored": tables.reduce(0) { $0 + $1.table.counts.stored },
        ]
        let cut = tables.reduce(0) { $0 + $1.table.completions.compactMap { $0 }.filter { $0.finishReason == "length" }.count }
        return Run(dataset: dataset, record: record, seconds: seconds, counts: counts, cut: cut)
    }

    /// A model's label: the generator's name, with the setting (`smollm2-135m@T0.5`) when the
    /// run samples at more than one setting.
    static func label(_ name: String, _ setting: SamplingSetting, settingCount: Int) -> String {
        settingCount == 1 ? name : "\(name)@\(setting.label)"
    }

    /// One item per prompt: every model's samples in generator, setting and sample order; a
    /// failed task leaves its sample out.
    static func items(entries: [PromptsFile.Entry], settings: [SamplingSetting], samples: Int, generated: [GeneratedModel]) -> [Item] {
        entries.enumerated().map { p, entry in
            var responses: [Response] = []
            for model in generated {
                for (s, setting) in settings.enumerated() {
                    let label = label(model.name, setting, settingCount: settings.count)
                    for sample in 0..<samples {
                        // Tasks run prompt by prompt, then setting by setting, then sample by sample.
                        guard let completion = model.table.completions[(p * settings.count + s) * samples + sample] else { continue }
                        responses.append(Response(id: "\(label)/\(sample)", text: completion.text, model: label))
                    }
                }
            }
            return Item(id: entry.id, prompt: entry.prompt, category: entry.category, responses: responses)
        }
    }
}
