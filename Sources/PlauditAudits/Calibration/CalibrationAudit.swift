public import PlauditCore
import Foundation
public import PlauditRuntime
import PlauditStats

/// The calibration-gap audit (ARCHITECTURE §1.1 steps 1–5 and 7): are valid atypical answers
/// scored below valid mainstream ones, per scorer, with how much certainty?
///
/// Written only against Core protocols: scorers and the embedder are handed in, so the same
/// code runs on live servers, score dumps and simulations.
public struct CalibrationAudit: Sendable {
    public var options: CalibrationOptions

    public init(options: CalibrationOptions = CalibrationOptions()) {
        self.options = options
    }

    /// Runs the audit. Scores already in the dataset (`scores` per response) enter as
    /// precomputed scorers; each live scorer is asked for every response through `collector`
    /// (which caches and resumes).
    public func run(
        dataset: Dataset,
        embedder: any Embedder,
        scorers: [any RewardScorer],
        collector: ScoreCollector? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> CalibrationOutcome {
        let collector = collector ?? ScoreCollector(concurrency: options.concurrency)
        let clock = ContinuousClock()
        let scoringStart = clock.now
        var live: [ScoredTable] = []
        for scorer in scorers {
            live.append(try await collector.collect(items: dataset.items, scorer: scorer, progress: progress))
        }
        let scoring = (clock.now - scoringStart).inSeconds
        var outcome = try await analyze(dataset: dataset, embedder: embedder, live: live, progress: progress)
        outcome.timings["scoring"] = scoring
        for table in live {
            outcome.cache.hits += table.counts.hits
            outcome.cache.misses += table.counts.misses
            outcome.cache.stored += table.counts.stored
        }
        return outcome
    }

    /// The audit on scores already collected: live tables (from scorers, or merged from
    /// shards) plus the dataset's precomputed scores. `run` and `plaudit merge` both end here,
    /// which is why a merged run's statistics equal an unsharded run's. Responses are embedded
    /// through `embeddings` (its cache, when it has one).
    public func analyze(
        dataset: Dataset,
        embedder: any Embedder,
        live: [ScoredTable],
        embeddings: EmbeddingCollector = EmbeddingCollector(),
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> CalibrationOutcome {
        let items = dataset.items
        var timings: [String: Double] = [:]
        let clock = ContinuousClock()

        // 1. Scores: precomputed first, then live.
        var tables: [(ScorerDescriptor, [[Double?]])] = Self.precomputedNames(items).map { name in
            (
                ScorerDescriptor(name: name, kind: .precomputed, backend: "dataset"),
                items.map { $0.responses.map { $0.scores[name] } }
            )
        }
        tables += live.map { ($0.descriptor, $0.scores) }
        let failures = live.flatMap(\.failures)

        // 2–4, streamed: embeddings, clusters, typicality, validity, pairs, a chunk of prompts at a time.
        let built = try await PromptStructureStream(options: options).build(
            items: items, embedder: embedder, collector: embeddings, progress: progress)
        timings["embedding"] = built.embeddingSeconds
        timings["clustering"] = built.clusteringSeconds
        let embedding = built.embedding

        let statisticsStart = clock.now
        var structures = built.structures
        let itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        let qualities = Dictionary(uniqueKeysWithValues: items.map { ($0.id, options.quality(of: $0)) })
        let useQuality = structures.allSatisfy { s in
            s.valid.indices.allSatisfy { !s.valid[$0] || qualities[s.itemID]![$0] != nil }
        }

        // 5, 7. Per scorer, overall and per category, the scorers spread over the cores.
        let phases = tables.count + 2
        progress.update(phase: "statistics", done: 0, total: phases, failed: 0, cached: 0)
        let analysed = structures
        let scorerTables = tables
        var results = await DispatchWork.map(tables.count, finished: { progress.update(phase: "statistics", done: $0, total: phases, failed: 0, cached: 0) }) {
            [options] t in
            ScorerStatistics(options: options, items: items, itemIndex: itemIndex, structures: analysed, useQuality: useQuality, qualities: qualities)
                .result(descriptor: scorerTables[t].0, scores: scorerTables[t].1, failed: failures.filter { $0.scorer == scorerTables[t].0.name }.count)
        }
        for index in structures.indices {
            let i = itemIndex[structures[index].itemID]!
            for (descriptor, scores) in tables { structures[index].scores[descriptor.name] = scores[i] }
        }
        let examples = tables.flatMap {
            CalibrationExamples.worstPairs(scorer: $0.0.name, scores: $0.1, items: items, structures: structures, count: options.examplesPerScorer)
        }
        Self.adjustForMultipleTesting(&results, alpha: 1 - options.confidence)
        let comparisons = ScorerComparisons(options: options).compare(
            results, structures: structures, itemIndex: itemIndex,
            scores: Dictionary(tables.map { ($0.0.name, $0.1) }, uniquingKeysWith: { first, _ in first }))
        progress.update(phase: "statistics", done: tables.count + 1, total: phases, failed: 0, cached: 0)
        // 6. Where human labels exist: the Artificial Hivemind subsets.
        let human = HumanCalibrationAnalysis(
            bootstrapResamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed
        ).analyze(items: items, scorers: tables.map { ($0.0, .pointwise($0.1)) })
        progress.update(phase: "statistics", done: phases, total: phases, failed: 0, cached: 0)
        progress.finish(phase: "statistics")
        timings["statistics"] = (clock.now - statisticsStart).inSeconds

        let anyFlag = items.contains { $0.responses.contains { $0.valid != nil } }
        let anyHuman = items.contains { $0.responses.contains { $0.humanMean != nil } }
        let validitySource: String
        if let decided = options.validitySource {
            validitySource = decided
        } else if anyFlag {
            validitySource = "valid flags in the data"
        } else if anyHuman, let threshold = options.humanValidityThreshold {
            validitySource = "mean human rating ≥ \(threshold)"
        } else {
            validitySource = "none: every response treated as valid"
        }
        let qualitySource =
            if !useQuality {
                "none: all valid responses treated as equal in quality"
            } else if let judge = options.qualityJudge, !anyHuman {
                "quality judge \(judge.name), pairs within ε = \(options.qualityTolerance) of its score"
            } else {
                "mean human rating, pairs within ε = \(options.qualityTolerance)"
            }
        var notes: [String] = []
        if validitySource.hasPrefix("none") {
            notes.append("Nothing in the data says which responses are valid: every response was treated as valid.")
        }
        if !useQuality {
            notes.append(
                "No human ratings: pairs are not quality-matched beyond validity, so a gap may reflect real quality differences between atypical and modal answers."
            )
        }
        let withoutPairs = structures.filter { $0.pairs.isEmpty }.count
        if withoutPairs > 0 {
            notes.append("\(withoutPairs) of \(structures.count) prompts had no valid atypical–modal pair and did not count.")
        }
        let tooSmall = items.count - structures.count
        if tooSmall > 0 { notes.append("\(tooSmall) prompts had fewer than 3 responses and were left out.") }
        for result in results {
            guard let overall = result.overall, result.verdict == .inconclusive else { continue }
            notes.append(Self.inconclusiveNote(result.scorer.name, overall, confidence: options.confidence))
        }
        notes += Self.discriminationNotes(results)
        for result in results where result.failed > 0 {
            notes.append("\(result.scorer.name): \(result.failed) responses could not be scored (see failures).")
        }
        return CalibrationOutcome(
            scorers: results, prompts: structures, failures: failures, validitySource: validitySource,
            qualitySource: qualitySource, notes: notes, humanCalibration: human, examples: examples, comparisons: comparisons, timings: timings,
            scores: Dictionary(tables.map { ($0.0.name, $0.1) }, uniquingKeysWith: { first, _ in first }), embedding: embedding
        )
    }

    /// Why an unflagged scorer is not "ok": what the run could detect, and the prompts that
    /// would detect the target gap.
    static func inconclusiveNote(_ scorer: String, _ estimates: GapEstimates, confidence: Double) -> String {
        let prompts = estimates.prompts == 1 ? "1 prompt" : "\(estimates.prompts) prompts"
        guard let power = estimates.power else {
            return "\(scorer): inconclusive (too few prompts): \(prompts) with pairs cannot show whether it under-rewards."
        }
        let level = String(format: "%.2g", 1 - confidence)
        var note = "\(scorer): inconclusive (too few prompts): not flagged, but with \(prompts) the smallest gap this run detects "
            + "with \(Int((power.power * 100).rounded()))% power (α = \(level)) is |G| = \(String(format: "%.2f", power.minimumDetectableGap)), "
            + "above \(String(format: "%.2g", power.target))"
        if let needed = power.promptsForTarget { note += "; about \(needed) prompts would detect |G| = \(String(format: "%.2g", power.target))" }
        return note + "."
    }

    /// Why a scorer's gap cannot be read, and a warning when nothing could check that any
    /// scorer tells good answers from bad ones.
    static func discriminationNotes(_ results: [ScorerResult]) -> [String] {
        var notes: [String] = []
        for result in results where result.overall != nil {
            guard let d = result.discrimination else { continue }
            let measure = d.validityAUC.map { "valid-vs-invalid AUC \(Self.interval($0)) over \(d.aucPrompts) prompts" }
                ?? d.humanSpearman.map { "Spearman ρ with human ratings \(Self.interval($0)) over \(d.spearmanPrompts) prompts" } ?? ""
            switch d.status {
            case .blind:
                notes.append("\(result.scorer.name): BLIND: its scores do not separate valid from invalid answers (\(measure)), so its gap says nothing about under-reward.")
            case .prefersInvalid:
                notes.append("\(result.scorer.name): PREFERS-INVALID: it scores invalid answers above valid ones (\(measure)); its gap cannot be read.")
            case .discriminates, .unmeasured:
                break
            }
        }
        let scored = results.filter { $0.overall != nil }
        if !scored.isEmpty, scored.allSatisfy({ $0.discrimination.map { $0.status == .unmeasured } ?? true }) {
            notes.append(
                "Discrimination not checked: fewer than 2 prompts had both valid and invalid responses (or 3 rated ones) with scores, "
                    + "so a scorer that cannot tell good answers from bad would still read ok. Invalid examples (--labels, --validity) or human ratings make the check possible."
            )
        }
        return notes
    }

    static func interval(_ estimate: Estimate) -> String {
        String(format: "%.2f [%.2f, %.2f]", estimate.value, estimate.lower, estimate.upper)
    }

    static func precomputedNames(_ items: [Item]) -> [String] {
        Set(items.flatMap { $0.responses.flatMap { $0.scores.keys } }).sorted()
    }

    /// A stable 64-bit stream id for a (scorer, category).
    static func stream(_ scorer: String, _ category: String?) -> UInt64 {
        UInt64(SHA256Hex.digest(of: scorer + "\u{0}" + (category ?? "")).prefix(16), radix: 16)!
    }

    /// Benjamini–Hochberg over every (scorer, overall or category) estimate, separately for
    /// the gap, the under-reward rate and the typicality slope.
    /// A category's gap then counts in either direction only when its q-value is below `alpha`.
    static func adjustForMultipleTesting(_ results: inout [ScorerResult], alpha: Double) {
        typealias Path = (scorer: Int, category: String?)
        var paths: [Path] = []
        for (s, result) in results.enumerated() {
            if result.overall != nil { paths.append((s, nil)) }
            for category in result.categories.keys.sorted() { paths.append((s, category)) }
        }
        func get(_ path: Path) -> GapEstimates {
            path.category.map { results[path.scorer].categories[$0]! } ?? results[path.scorer].overall!
        }
        func set(_ path: Path, _ value: GapEstimates) {
            if let category = path.category {
                results[path.scorer].categories[category] = value
            } else {
                results[path.scorer].overall = value
            }
        }
        let metrics: [WritableKeyPath<GapEstimates, Estimate?>] = [\.gapOptional, \.underRewardOptional, \.typicalitySlope]
        for metric in metrics {
            let present = paths.filter { get($0)[keyPath: metric]?.pValue != nil }
            let q = BenjaminiHochberg.adjust(present.map { get($0)[keyPath: metric]!.pValue! })
            for (path, value) in zip(present, q) {
                var estimates = get(path)
                estimates[keyPath: metric]!.qValue = value
                set(path, estimates)
            }
        }
        for path in paths where path.category != nil {
            var estimates = get(path)
            let significant = (estimates.gap.qValue ?? 1) < alpha
            estimates.significant = significant
            estimates.flagged = estimates.gap.upper < 0 && significant
            set(path, estimates)
        }
    }
}

extension GapEstimates {
    fileprivate var gapOptional: Estimate? {
        get { gap }
        set { if let newValue { gap = newValue } }
    }

    fileprivate var underRewardOptional: Estimate? {
        get { underRewardRate }
        set { if let newValue { underRewardRate = newValue } }
    }
}
