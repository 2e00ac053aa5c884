import Foundation
import PlauditCore
import PlauditRuntime

extension MonocultureJob {
    /// What produced the results: the command, data, rubrics, scorers, embedder, settings,
    /// counts and timings.
    func manifest(
        data: MonocultureDataset, outcome: MonocultureOutcome, generation: MonocultureGeneration?, statistics: [String: BackendStatistics],
        embedder: EmbedderDescriptor, cut: Double?, timings: [String: Double], started: Date, finished: Date
    ) -> RunManifest {
        let iso = ISO8601DateFormatter()
        var counts: [String: Int] = [
            "items": data.items.count, "texts": data.textCount, "skipped_rows": data.skippedRows.count,
            "failures": outcome.failures.count + (generation?.failures.count ?? 0),
            "cache_hits": outcome.cache.hits, "cache_misses": outcome.cache.misses, "cache_stored": outcome.cache.stored,
            "requests": statistics.values.reduce(0) { $0 + $1.requests },
            "retries": statistics.values.reduce(0) { $0 + $1.retries },
            "throttled": statistics.values.reduce(0) { $0 + $1.throttled },
            "request_failures": statistics.values.reduce(0) { $0 + $1.failures },
        ]
        counts.merge(generation?.counts ?? [:]) { _, new in new }
        outcome.embedding?.record(in: &counts)
        var parameters: [String: String] = [
            "sentiment": outcome.sentimentSource,
            "bootstrap_resamples": String(request.resamples),
            "confidence": String(request.confidence),
            "template": "\(template.id) v\(template.version)",
            "premium_pairs": "compound difference ≥ \(request.premiumMinGap), word-count ratio ≤ \(request.premiumMaxLengthRatio)",
            "bad_rows": request.badRows.rawValue,
        ]
        if let cut {
            parameters["topics"] = "per item, agglomerative (average linkage, cosine distance < \(cut)) on \(embedder.name)"
        }
        if let generation { parameters["generation"] = generation.description }
        return RunManifest(
            command: request.command.line, startedAt: iso.string(from: started),
            finishedAt: iso.string(from: finished), dataset: DatasetManifest(sha256: data.sha256, files: data.sources),
            rubrics: rubrics, scorers: outcome.premium.map(\.scorer), embedder: embedder, seed: request.seed, parameters: parameters,
            counts: counts, timings: timings)
    }
}
