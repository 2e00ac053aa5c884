public import Foundation
import PlauditCore
import PlauditRuntime

/// What generation produced, for the manifest and the report.
struct MonocultureGeneration: Sendable {
    var description: String
    var counts: [String: Int]
    var failures: [ScoreFailure]
    var notes: [String]
}

extension MonocultureJob {
    /// A generated configuration's name: `GENERATOR/SETTING`, for example `smollm2-135m/T0.7`.
    static func configurationName(_ generator: String, _ setting: SamplingSetting) -> String {
        "\(generator)/\(setting.label)"
    }

    /// Generates `samples` texts per item and setting with each generator, and adds them to
    /// `data` as configurations named `GENERATOR/SETTING`.
    func generate(
        with generators: [LiveGenerator], data: inout MonocultureDataset, cache: (any ResponseCache)?, refresh: Bool,
        progress: any ProgressReporter
    ) async throws -> MonocultureGeneration {
        let settings = request.settings
        let plan = SamplePlan(settings: settings, samples: request.samples, seed: request.seed, system: template.system)
        let prompts = data.items.map { item in
            SamplePlan.Prompt(
                id: item.id,
                messages: [ChatMessage(role: "user", content: template.render(id: item.id, title: item.title, author: item.author))])
        }
        let tasks = plan.tasks(for: prompts)
        let index = Dictionary(uniqueKeysWithValues: data.items.enumerated().map { ($1.id, $0) })
        let groups = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0.group) })
        var counts: [String: Int] = ["generation_tasks": tasks.count * generators.count]
        var failures: [ScoreFailure] = []
        var notes: [String] = []
        for generator in generators {
            let collector = GenerationCollector(concurrency: generator.concurrency, cache: cache, refresh: refresh)
            let table = try await collector.generate(tasks, generator: generator.generator, progress: progress)
            var cut = 0
            for (task, completion) in zip(tasks, table.completions) {
                guard let completion else { continue }
                let name = Self.configurationName(generator.name, task.setting)
                data.items[index[task.group]!].generated[name, default: TextSet()].texts.append(completion.text)
                if completion.finishReason == "length" { cut += 1 }
            }
            for failure in table.failures {
                failures.append(
                    ScoreFailure(
                        scorer: generator.name, itemID: groups[failure.taskID] ?? failure.taskID, responseID: "generation \(failure.taskID)",
                        reason: failure.reason))
            }
            counts["generation_cache_hits", default: 0] += table.counts.hits
            counts["generation_cache_stored", default: 0] += table.counts.stored
            counts["generation_failures", default: 0] += table.failures.count
            counts["generation_cut_at_max_tokens", default: 0] += cut
            if cut > 0 {
                notes.append("\(generator.name): \(cut) of \(tasks.count) generated texts stopped at --max-tokens \(request.maxTokens) (cut short).")
            }
            if !table.failures.isEmpty {
                notes.append("\(generator.name): \(table.failures.count) generations were refused by the server and are missing.")
            }
        }
        data.configurations += generators.flatMap { g in settings.map { Self.configurationName(g.name, $0) } }
        let description =
            "\(generators.map(\.name).joined(separator: ", ")): \(request.samples) samples per item × \(settings.map(\.label).joined(separator: ", ")), "
            + "max \(request.maxTokens) tokens, seed \(request.seed), template \(template.id) v\(template.version)"
        return MonocultureGeneration(description: description, counts: counts, failures: failures, notes: notes)
    }
}

extension MonocultureDataset {
    /// The items as JSONL, one per line with sorted keys: `generated.jsonl` of a generating run,
    /// which `plaudit monoculture` reads back.
    public func jsonLines() throws -> Data {
        try JSONLines.encode(items)
    }
}
