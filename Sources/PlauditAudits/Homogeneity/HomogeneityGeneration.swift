import Foundation
public import PlauditCore
import PlauditRuntime

/// The generating half of a homogeneity run: `samples` answers to every prompt with every
/// generator at every temperature, through the shared generation stage (cached, resumable),
/// written to `generations.jsonl` as grouped JSONL that `plaudit homogeneity` reads back.
public struct HomogeneityGeneration: Sendable {
    public var request: HomogeneityRequest

    /// What a generating run made: the dataset to analyse and what the manifest records of it.
    public struct Run: Sendable {
        public var dataset: Dataset
        public var record: GenerationRecord
        public var seconds: Double
        public var counts: [String: Int]
    }

    /// One generator's completions, under the name its samples are labelled with.
    struct GeneratedModel: Sendable {
        var name: String
        var table: GeneratedTable
    }

    var settings: [SamplingSetting] {
        request.temperatures.map { SamplingSetting(temperature: $0, topP: request.topP, maxTokens: request.maxTokens) }
    }

    func generate(
        entries: [PromptsFile.Entry], source: SourceFile, models: any ModelProvider, cache: (any ResponseCache)?, refresh: Bool,
        progress: any ProgressReporter
    ) async throws -> Run {
        let settings = self.settings
        let samples = request.samples
        let plan = SamplePlan(settings: settings, samples: samples, seed: request.seed)
        let tasks = plan.tasks(for: entries.map { SamplePlan.Prompt(id: $0.id, messages: $0.prompt.messages) })
        progress.note("generating \(tasks.count) answers per generator (\(entries.count) prompts × \(settings.count) settings × \(samples) samples)")
        let clock = ContinuousClock()
        let start = clock.now
        let tables = try await models.withGenerators(request.generators, progress: progress) { generators in
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
        let path = request.folder.appendingPathComponent("generations.jsonl")
        let bytes: Data
        do {
            bytes = try JSONLines.encode(items)
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw AuditError("cannot write \(path.path): \(error)")
        }
        progress.note("wrote \(path.path) (\(items.reduce(0) { $0 + $1.responses.count }) generations\(failed > 0 ? ", \(failed) failed" : ""))")
        var labelled: [String: String] = [:]
        for model in tables {
            for setting in settings {
                labelled[Self.label(model.name, setting, settingCount: settings.count)] = "\(model.table.generator.backend) \(model.table.generator.model)"
            }
        }
        let record = GenerationRecord(
            models: labelled, samplesPerPrompt: samples,
            settings: [
                "temperatures": request.temperatures.map { String($0) }.joined(separator: ","), "top_p": request.topP.map { String($0) } ?? "server default",
                "max_tokens": String(request.maxTokens), "seed": String(request.seed), "prompts_file": request.prompts ?? "",
            ],
            failed: failed
        )
        let dataset = Dataset(items: items, sources: [source, SourceFile(path: path.path, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)])
        let counts = [
            "generated": items.reduce(0) { $0 + $1.responses.count }, "generation_failures": failed,
            "cache_hits": tables.reduce(0) { $0 + $1.table.counts.hits }, "cache_stored": tables.reduce(0) { $0 + $1.table.counts.stored },
        ]
        return Run(dataset: dataset, record: record, seconds: seconds, counts: counts)
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
