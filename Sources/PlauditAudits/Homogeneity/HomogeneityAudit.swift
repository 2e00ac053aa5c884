public import PlauditCore
import Foundation
public import PlauditRuntime
import PlauditStats

/// The homogeneity analysis (ARCHITECTURE §1.2; method of Artificial Hivemind §2, with
/// confidence intervals and cross-pairs-only model similarity): how alike generations are
/// within each model and across models.
///
/// Written against Core's `Embedder` only; the numerics run on threads of their own (``DispatchWork``), one prompt
/// per thread, because a pool of 1,250 generations takes a noticeable fraction of a second
/// and Swift's cooperative pool must not be blocked that long.
public struct HomogeneityAudit: Sendable {
    public var options: HomogeneityOptions

    public init(options: HomogeneityOptions = HomogeneityOptions()) {
        self.options = options
    }

    /// Embeds every response in one pass (an embedder may weigh words over the whole corpus),
    /// through `collector`'s cache when it has one, and returns the vectors per item
    /// (`vectors[i][j]` for item i's response j) with what embedding them took.
    public func embed(
        items: [Item], embedder: any Embedder, collector: EmbeddingCollector = EmbeddingCollector(),
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> (vectors: [[[Float]]], counts: EmbeddingCounts) {
        try await ItemEmbeddings.embed(items, embedder: embedder, collector: collector, progress: progress)
    }

    /// The analysis of `input` on `vectors` (`vectors[p][j]`: pool p's response j).
    public func analyze(input: HomogeneityInput, vectors: [[[Float]]], progress: any ProgressReporter = SilentProgress()) async
        -> HomogeneityOutcome
    {
        precondition(vectors.count == input.pools.count, "one vector list per pool")
        let pools = input.pools
        let models = input.models
        let options = options
        let workers = max(1, min(options.threads, pools.count))
        let analyses = await DispatchWork.map(pools.count, workers: workers, finished: { done in
            progress.update(phase: "analysing", done: done, total: pools.count, failed: 0, cached: 0)
        }) { p in
            PoolAnalysis(pool: pools[p], vectors: vectors[p], models: models, options: options)
        }
        progress.finish(phase: "analysing")
        return summarize(analyses, models: models)
    }

    func summarize(_ analyses: [PoolAnalysis], models names: [String]) -> HomogeneityOutcome {
        var summaries: [ModelHomogeneity] = []
        for (m, name) in names.enumerated() {
            let present = analyses.filter { !$0.withinMeans[m].isNaN }
            let means = present.map { $0.withinMeans[m] }
            let rows = present.map { $0.prompt.models.first { $0.model == name }! }
            summaries.append(modelSummary(name: name, means: means, rows: rows))
        }

        var values = [[Double?]](repeating: [Double?](repeating: nil, count: names.count), count: names.count)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: names.count), count: names.count)
        for a in names.indices {
            for b in names.indices {
                let perPrompt = analyses.map { a == b ? $0.withinMeans[a] : $0.crossMeans[a][b] }.filter { !$0.isNaN }
                counts[a][b] = perPrompt.count
                values[a][b] = perPrompt.isEmpty ? nil : Descriptive.mean(perPrompt)
            }
        }

        let mixing = options.neighbourCounts.enumerated().map { index, n in
            let perPrompt = analyses.map { $0.prompt.mixing[index] }
            let means = perPrompt.map(\.meanModels)
            return NeighbourMixing(
                neighbours: n, mean: Descriptive.mean(means), median: Descriptive.quantile(means, 0.5),
                randomMean: Descriptive.mean(perPrompt.map(\.randomExpectation)),
                cappedPrompts: perPrompt.filter { $0.effectiveNeighbours < n }.count
            )
        }

        let prompts = analyses.map(\.prompt)
        return HomogeneityOutcome(
            method: method(), models: summaries, similarity: ModelSimilarityMatrix(models: names, values: values, prompts: counts),
            mixing: mixing, prompts: prompts, notes: notes(summaries: summaries, prompts: prompts, models: names, mixing: mixing)
        )
    }

    /// A model's headline with bootstrap intervals over its prompts, and its histogram.
    func modelSummary(name: String, means: [Double], rows: [PromptModelHomogeneity]) -> ModelHomogeneity {
        let cut = options.highSimilarityCut
        let high = means.map { $0 >= cut ? 1.0 : 0.0 }
        let bootstrap = ClusterBootstrap(
            resamples: options.bootstrapResamples, confidence: options.confidence,
            seed: options.seed ^ CalibrationAudit.stream(name, "homogeneity")
        )
        let replicates = bootstrap.replicates(clusterCount: means.count) { drawn in
            [Descriptive.mean(drawn.map { means[$0] }), Descriptive.mean(drawn.map { high[$0] })]
        }
        let meanCI = bootstrap.interval(replicates.map { $0[0] })
        let shareCI = bootstrap.interval(replicates.map { $0[1] })
        let histogram = UnitIntervalHistogram(means, bins: options.bins)
        return ModelHomogeneity(
            model: name, prompts: means.count, generations: rows.reduce(0) { $0 + $1.generations },
            meanCosine: Estimate(value: Descriptive.mean(means), lower: meanCI.lower, upper: meanCI.upper),
            highSimilarityShare: Estimate(value: Descriptive.mean(high), lower: shareCI.lower, upper: shareCI.upper),
            histogram: histogram.counts, histogramPercent: histogram.counts.map { 100 * Double($0) / Double(max(1, means.count)) },
            belowZero: histogram.belowZero, aboveOne: histogram.aboveOne,
            meanDistinct: Descriptive.mean(rows.map { Double($0.distinct) }), meanModalShare: Descriptive.mean(rows.map(\.modalShare))
        )
    }

    /// The settings and rules, in the words the report and results use.
    public func method() -> HomogeneityMethod {
        let bins = options.bins
        let labels = (0..<bins).map { k in
            let lower = String(format: "%.1f", UnitIntervalHistogram.edge(k, bins))
            let upper = String(format: "%.1f", UnitIntervalHistogram.edge(k + 1, bins))
            return k == bins - 1 ? "[\(lower), \(upper)]" : "[\(lower), \(upper))"
        }
        return HomogeneityMethod(
            equivalenceThreshold: options.equivalenceThreshold, highSimilarityCut: options.highSimilarityCut, histogramBins: labels,
            neighbourCounts: options.neighbourCounts, bootstrapResamples: options.bootstrapResamples, confidence: options.confidence,
            rules: [
                "mean_cosine": "per (model, prompt): the mean cosine over the upper triangle (distinct pairs) of the model's generations",
                "histogram":
                    "\(bins) bins on [0, 1]: [k/\(bins), (k+1)/\(bins)) and a closed last bin; a mean below 0 counts in the first bin, one above 1 (rounding) in the last, and both are also counted apart",
                "high_similarity": "share of the model's prompts with mean cosine ≥ \(options.highSimilarityCut) (the paper's '> 0.8' bins)",
                "matrix":
                    "off the diagonal: per prompt, the mean over all cross pairs of the two models' generations, then the mean over the prompts both answered (self pairs never enter)",
                "diagonal": "the model's own mean over distinct pairs of its generations, averaged over its prompts (a generation is never paired with itself)",
                "mixing":
                    "per prompt, all models' generations pooled; for each generation its N most similar others (itself excluded; ties to the earlier one in the data), the number of distinct models among them, averaged over the pool; N is capped at pool size − 1; mean and median over prompts; random_mean is the exact expectation if neighbours were drawn at random",
                "distinct_k":
                    "greedy equivalence partition: walk the generations in data order; each joins the first class whose representative (its first member) has cosine ≥ \(options.equivalenceThreshold), else opens a class; per (model, prompt), and over each prompt's whole pool for the cluster sizes and modal share",
                "bootstrap":
                    "\(options.bootstrapResamples) seeded resamples of the model's prompts (seed \(options.seed)), percentile intervals at \(options.confidence)",
            ]
        )
    }

    func notes(summaries: [ModelHomogeneity], prompts: [PromptHomogeneity], models: [String], mixing: [NeighbourMixing]) -> [String] {
        var notes: [String] = []
        if models.count == 1 {
            notes.append("Only one model (\(models[0])): there is no inter-model similarity, and nearest-neighbour mixing is 1 by construction.")
        }
        let partial = prompts.filter { $0.models.count < models.count }.count
        if partial > 0 {
            notes.append("\(partial) of \(prompts.count) prompts were not answered by every model; each figure uses the prompts its models answered.")
        }
        for entry in mixing where entry.cappedPrompts > 0 {
            notes.append(
                "N = \(entry.neighbours) exceeds pool size − 1 in \(entry.cappedPrompts) of \(prompts.count) prompts; there N = pool size − 1 (every other generation)."
            )
        }
        for summary in summaries where summary.belowZero > 0 {
            notes.append("\(summary.model): \(summary.belowZero) prompts had a mean cosine below 0, counted in the first histogram bin.")
        }
        let small = summaries.filter { $0.prompts < 10 }.map(\.model)
        if !small.isEmpty {
            notes.append("Fewer than 10 prompts for \(small.joined(separator: ", ")): intervals over prompts are rough.")
        }
        return notes
    }
}

/// What ``HomogeneityAudit`` found; the command line adds the manifest.
public struct HomogeneityOutcome: Sendable {
    public var method: HomogeneityMethod
    public var models: [ModelHomogeneity]
    public var similarity: ModelSimilarityMatrix
    public var mixing: [NeighbourMixing]
    public var prompts: [PromptHomogeneity]
    public var notes: [String]
}
