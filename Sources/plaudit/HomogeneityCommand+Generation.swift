import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditReports
import PlauditRuntime

extension HomogeneityCommand {
    /// Generates `--samples` answers to every prompt with every generator at every temperature
    /// (through the shared generation component: cached, resumable), writes them to
    /// `generations.jsonl` in `--out` as grouped JSONL that this command reads back, and
    /// returns them as the dataset to analyse.
    func generate(promptsFile: String, configuration: PlauditConfiguration, progress: ProgressDisplay) async throws -> GenerationRun {
        let entries: [PromptsFile.Entry]
        let source: SourceFile
        do {
            (entries, source) = try PromptsFile.read(promptsFile)
        } catch {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        let settings = temperature.map { SamplingSetting(temperature: $0, topP: topP, maxTokens: maxTokens) }
        let plan = SamplePlan(settings: settings, samples: samples, seed: seed)
        let tasks = plan.tasks(for: entries.map { SamplePlan.Prompt(id: $0.id, messages: $0.prompt.messages) })
        let session = GeneratorSession(configuration: configuration, options: generatorOptions.selection)
        do {
            _ = try session.chosenBackends()
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        let cache = try await cacheOptions.open(configuration)
        let refresh = cacheOptions.refresh
        progress.note("generating \(tasks.count) answers per generator (\(entries.count) prompts × \(settings.count) settings × \(samples) samples)")
        let tables: [GeneratedModel]
        let clock = ContinuousClock()
        let start = clock.now
        do {
            tables = try await session.run(progress: progress) { generators, _ in
                var tables: [GeneratedModel] = []
                for live in generators {
                    let collector = GenerationCollector(concurrency: live.concurrency, cache: cache, refresh: refresh)
                    tables.append(GeneratedModel(name: live.name, table: try await collector.generate(tasks, generator: live.generator, progress: progress)))
                }
                return tables
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch {
            throw ExitStatus.fail("\(error)", code: ExitStatus.code(for: error))
        }

        let seconds = (clock.now - start).inSeconds
        let items = Self.items(entries: entries, settings: settings, samples: samples, generated: tables)
        let failed = tables.reduce(0) { $0 + $1.table.failures.count }
        for model in tables {
            for failure in model.table.failures.prefix(5) { progress.note("\(model.name): \(failure.taskID) failed: \(failure.reason)") }
        }
        let path = URL(fileURLWithPath: out).appendingPathComponent("generations.jsonl")
        let bytes: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            bytes = Data(try items.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined().utf8)
            try ResultsFile.writeAtomically(bytes, to: path)
        } catch {
            throw ExitStatus.fail("cannot write \(path.path): \(error)", code: ExitStatus.failure)
        }
        progress.note("wrote \(path.path) (\(items.reduce(0) { $0 + $1.responses.count }) generations\(failed > 0 ? ", \(failed) failed" : ""))")
        var models: [String: String] = [:]
        for model in tables {
            for setting in settings {
                models[Self.label(model.name, setting, settingCount: settings.count)] = "\(model.table.generator.backend) \(model.table.generator.model)"
            }
        }
        let record = GenerationRecord(
            models: models, samplesPerPrompt: samples,
            settings: [
                "temperatures": temperature.map { String($0) }.joined(separator: ","), "top_p": topP.map { String($0) } ?? "server default",
                "max_tokens": String(maxTokens), "seed": String(seed), "prompts_file": promptsFile,
            ],
            failed: failed
        )
        let dataset = Dataset(
            items: items, sources: [source, SourceFile(path: path.path, sha256: SHA256Hex.digest(of: bytes), bytes: bytes.count)]
        )
        let counts = [
            "generated": items.reduce(0) { $0 + $1.responses.count }, "generation_failures": failed,
            "cache_hits": tables.reduce(0) { $0 + $1.table.counts.hits }, "cache_stored": tables.reduce(0) { $0 + $1.table.counts.stored },
        ]
        return GenerationRun(dataset: dataset, record: record, seconds: seconds, counts: counts)
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

/// What a generating run made: the dataset to analyse and what the manifest records of it.
struct GenerationRun {
    var dataset: Dataset
    var record: GenerationRecord
    var seconds: Double
    var counts: [String: Int]
}

/// One generator's completions, under the name its samples are labelled with.
struct GeneratedModel: Sendable {
    var name: String
    var table: GeneratedTable
}
