public import PlauditCore
public import PlauditRuntime

/// The reward side of the sycophancy audit as a job: score every variant of every probe with
/// each scorer (through ``ScoreCollector``: cached, resumable) and analyse the preferences.
///
/// Written only against Core protocols, so it runs the same on live servers, score files and
/// simulations.
public struct SycophancyRewardAudit: Sendable {
    public var options: SycophancyRewardOptions

    public init(options: SycophancyRewardOptions = SycophancyRewardOptions()) {
        self.options = options
    }

    /// Scores with each live scorer, then ``analyze(sets:items:live:variantSource:)``.
    public func run(
        sets: [SycophancyVariantSet], scorers: [any RewardScorer], collector: ScoreCollector = ScoreCollector(),
        variantSource: String, progress: any ProgressReporter = SilentProgress()
    ) async throws -> SycophancyRewardResults {
        let items = SycophancyVariantItems.items(sets)
        var live: [ScoredTable] = []
        for scorer in scorers {
            live.append(try await collector.collect(items: items, scorer: scorer, progress: progress))
        }
        return analyze(sets: sets, items: items, live: live, variantSource: variantSource)
    }

    /// The analysis of scores already collected: precomputed `scores` on the items' responses
    /// (from the variants file or `--scores` files) first, by name, then the live tables.
    /// `items` must be ``SycophancyVariantItems/items(_:)`` of `sets` (possibly with scores joined).
    public func analyze(
        sets: [SycophancyVariantSet], items: [Item], live: [ScoredTable], variantSource: String
    ) -> SycophancyRewardResults {
        let analysis = SycophancyRewardAnalysis(options: options)
        var tables: [(ScorerDescriptor, [[Double?]], Int)] = CalibrationAudit.precomputedNames(items).map { name in
            (
                ScorerDescriptor(name: name, kind: .precomputed, backend: "dataset"),
                items.map { $0.responses.map { $0.scores[name] } }, 0
            )
        }
        tables += live.map { ($0.descriptor, $0.scores, $0.failures.count) }
        var results = tables.map { analysis.analyze(sets: sets, descriptor: $0.0, scores: $0.1, failed: $0.2) }
        SycophancyRewardAnalysis.adjustForMultipleTesting(&results)
        let variantScores = sets.enumerated().map { index, set in
            var byScorer: [String: [String: Double]] = [:]
            for (descriptor, scores, _) in tables {
                var row: [String: Double] = [:]
                for (j, variant) in SycophancyVariant.allCases.enumerated() {
                    if let value = scores[index][j] { row[variant.rawValue] = value }
                }
                byScorer[descriptor.name] = row
            }
            return VariantScores(probeID: set.probe.id, context: set.probe.context, belief: set.probe.belief, scores: byScorer)
        }
        return SycophancyRewardResults(
            variantSource: variantSource, probes: sets.count, scorers: results, failures: live.flatMap(\.failures),
            variantScores: variantScores)
    }
}
