import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditReports
import PlauditRuntime
import PlauditText

/// What generation produced, for the manifest and the report.
struct MonocultureGeneration {
    var description: String
    var counts: [String: Int]
    var failures: [ScoreFailure]
    var notes: [String]
}

extension MonocultureCommand {
    /// The sampling grid: temperatures × top-p values.
    var settings: [SamplingSetting] {
        let temperatures = self.temperatures.isEmpty ? [0.7, 1.0] : self.temperatures
        let topPs: [Double?] = self.topPs.isEmpty ? [nil] : self.topPs.map { $0 }
        return temperatures.flatMap { t in topPs.map { SamplingSetting(temperature: t, topP: $0, maxTokens: maxTokens) } }
    }

    /// Generates `samples` texts per item and setting with each generator, and adds them to
    /// `data` as configurations named `GENERATOR/SETTING` (for example `smollm2-135m/T0.7`).
    func generate(
        with generators: [LiveGenerator], data: inout MonocultureDataset, template: PromptTemplate, cache: (any ResponseCache)?,
        progress: ProgressDisplay
    ) async throws -> MonocultureGeneration {
        let plan = SamplePlan(settings: settings, samples: samples, seed: seed, system: template.system)
        let prompts = data.items.map { item in
            SamplePlan.Prompt(
                id: item.id,
                messages: [ChatMessage(role: "user", content: template.render(id: item.id, title: item.title, author: item.author))])
        }
        let tasks = plan.tasks(for: prompts)
        let index = Dictionary(uniqueKeysWithValues: data.items.enumerated().map { ($1.id, $0) })
        var counts: [String: Int] = ["generation_tasks": tasks.count * generators.count]
        var failures: [ScoreFailure] = []
        var notes: [String] = []
        for generator in generators {
            let collector = GenerationCollector(concurrency: generator.concurrency, cache: cache, refresh: cacheOptions.refresh)
            let table = try await collector.generate(tasks, generator: generator.generator, progress: progress)
            var cut = 0
            for (task, completion) in zip(tasks, table.completions) {
                guard let completion else { continue }
                let name = Self.configurationName(generator.name, task.setting)
                data.items[index[task.group]!].generated[name, default: TextSet()].texts.append(completion.text)
                if completion.finishReason == "length" { cut += 1 }
            }
            let groups = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0.group) })
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
                notes.append("\(generator.name): \(cut) of \(tasks.count) generated texts stopped at --max-tokens \(maxTokens) (cut short).")
            }
            if !table.failures.isEmpty {
                notes.append("\(generator.name): \(table.failures.count) generations were refused by the server and are missing.")
            }
        }
        data.configurations += generators.flatMap { g in settings.map { Self.configurationName(g.name, $0) } }
        let description =
            "\(generators.map(\.name).joined(separator: ", ")): \(samples) samples per item × \(settings.map(\.label).joined(separator: ", ")), "
            + "max \(maxTokens) tokens, seed \(seed), template \(template.id) v\(template.version)"
        return MonocultureGeneration(description: description, counts: counts, failures: failures, notes: notes)
    }

    /// Sentiment from the data's labels, VADER or a classifier endpoint.
    func classify(plan: Plan, audit: MonocultureAudit, assets: LocalAssets, progress: ProgressDisplay) async throws -> SentimentTable {
        switch plan.sentimentChoice {
        case .labels, .auto:
            return try await audit.sentiments(dataset: plan.data, source: .labels, template: plan.template, progress: progress)
        case .vader:
            return try await audit.sentiments(
                dataset: plan.data, source: .classifier(try assets.vaderAnalyzer()), template: plan.template, progress: progress)
        case .classifier:
            return try await SentimentSession.run(plan.configuration.backend(named: classifierBackend!)!) { classifier in
                try await audit.sentiments(dataset: plan.data, source: .classifier(classifier), template: plan.template, progress: progress)
            }
        case .judge:
            throw ConfigurationError("--sentiment judge: the judge '\(sentimentJudge ?? "")' did not run")
        }
    }

    /// Topics, dispersion, wording and every statistic. Embeds only when some side has texts.
    func analyze(
        plan: Plan, sentiments: SentimentTable, premium: [ScoredTable], assets: LocalAssets, progress: ProgressDisplay
    ) async throws -> (MonocultureOutcome, EmbedderDescriptor, Double?) {
        let hasTexts = plan.data.items.contains { item in MonocultureAudit.sideNames(plan.data).contains { !(item.side($0)?.texts.isEmpty ?? true) } }
        let tokenizer: (any WordTokenizer)? = hasTexts ? PlainWordTokenizer() : nil
        guard hasTexts, embedder != "none" else {
            let outcome = try await MonocultureAudit(options: options(embedder: nil)).analyze(
                dataset: plan.data, sentiments: sentiments, embedder: nil, tokenizer: tokenizer, premium: premium, progress: progress)
            return (outcome, EmbedderDescriptor(name: "none", dimension: 0), nil)
        }
        let session = EmbedderSession(
            configuration: plan.configuration, choice: EmbedderChoice(rawValue: embedder) ?? .auto, threads: embedderThreads)
        return try await session.run(assets: assets) { chosen, _ in
            let options = options(embedder: chosen.descriptor.name)
            progress.note("embedder: \(chosen.descriptor.name) (topic cut \(options.topicThreshold))")
            let outcome = try await MonocultureAudit(options: options).analyze(
                dataset: plan.data, sentiments: sentiments, embedder: chosen, tokenizer: tokenizer, premium: premium, progress: progress)
            return (outcome, chosen.descriptor, options.topicThreshold)
        }
    }

    func manifest(
        plan: Plan, outcome: MonocultureOutcome, generation: MonocultureGeneration?, statistics: [String: BackendStatistics],
        embedder: EmbedderDescriptor, cut: Double?, timings: [String: Double], started: Date, finished: Date
    ) -> RunManifest {
        let iso = ISO8601DateFormatter()
        var counts: [String: Int] = [
            "items": plan.data.items.count, "texts": plan.data.textCount, "skipped_rows": plan.data.skippedRows.count,
            "failures": outcome.failures.count + (generation?.failures.count ?? 0),
            "cache_hits": outcome.cache.hits, "cache_misses": outcome.cache.misses, "cache_stored": outcome.cache.stored,
            "requests": statistics.values.reduce(0) { $0 + $1.requests },
            "retries": statistics.values.reduce(0) { $0 + $1.retries },
            "throttled": statistics.values.reduce(0) { $0 + $1.throttled },
            "request_failures": statistics.values.reduce(0) { $0 + $1.failures },
        ]
        counts.merge(generation?.counts ?? [:]) { _, new in new }
        var parameters: [String: String] = [
            "sentiment": outcome.sentimentSource,
            "bootstrap_resamples": String(resamples),
            "confidence": String(confidence),
            "template": "\(plan.template.id) v\(plan.template.version)",
            "premium_pairs": "compound difference ≥ \(premiumMinGap), word-count ratio ≤ \(premiumMaxLengthRatio)",
            "bad_rows": skipBadRows ? "skip" : "stop",
        ]
        if let cut {
            parameters["topics"] = "per item, agglomerative (average linkage, cosine distance < \(cut)) on \(embedder.name)"
        }
        if let generation { parameters["generation"] = generation.description }
        return RunManifest(
            command: RecordedCommand.active.line, startedAt: iso.string(from: started),
            finishedAt: iso.string(from: finished), dataset: DatasetManifest(sha256: plan.data.sha256, files: plan.data.sources),
            rubrics: plan.rubrics, scorers: outcome.premium.map(\.scorer), embedder: embedder, seed: seed, parameters: parameters,
            counts: counts, timings: timings)
    }

    /// Writes the files only after everything succeeded, each atomically.
    func write(_ results: MonocultureResults, generated: MonocultureDataset?) throws {
        var files: [(name: String, data: Data)] = []
        if let generated {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = ""
            for item in generated.items { lines += String(decoding: try encoder.encode(item), as: UTF8.self) + "\n" }
            files.append(("generated.jsonl", Data(lines.utf8)))
        }
        try ResultsFolder.write(.monoculture(results), files: files, to: URL(fileURLWithPath: out))
    }
}
