public import PlauditAudits
import PlauditCore
import PlauditStats

/// The charts of the calibration audit's HTML report.
public enum CalibrationCharts {
    public static func figures(_ results: CalibrationResults) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        let interval = CalibrationMarkdown.confidenceLabel(results)
        let gapRows = rows(results) { $0.gap }
        if !gapRows.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-gap", title: "Calibration gap G per scorer and category.",
                caption: "Mean within-prompt z-score difference, atypical − modal, with \(interval) cluster-bootstrap intervals. Left of the dashed line at 0: valid atypical answers scored below modal ones; red rows are flagged (the whole interval below 0).",
                svg: ForestPlot(title: "Calibration gap G", axisLabel: "G (z units): atypical − modal", reference: 0, rows: gapRows).render()
            ))
            figures.append(HTMLFigure(
                id: "chart-under-reward", title: "Under-reward rate U.",
                caption: "Share of quality-matched pairs where the atypical answer scored lower (ties ½), with \(interval) intervals. 0.5 is fair; bars to the right of 0.5 mean under-reward.",
                svg: ForestPlot(
                    title: "Under-reward rate U", axisLabel: "U: P(atypical scored lower)", reference: 0.5, rows: rows(results) { $0.underRewardRate },
                    style: .bars, limits: 0...1
                ).render()
            ))
        }
        figures += comparisonFigures(results, interval: interval)
        for (index, scorer) in results.scorers.enumerated() {
            let (points, atypical) = scatterPoints(results, scorer: scorer.scorer.name)
            guard points.count >= 3 else { continue }
            figures.append(HTMLFigure(
                id: "chart-scatter-\(index)", title: "Score against typicality: \(BidiIsolation.isolate(scorer.scorer.name)).",
                caption: "Each valid response: its score as a z-score within its prompt against its typicality (mean cosine to the prompt's other responses), with the least-squares line. Red: atypical answers of quality-matched pairs. A rising line means more typical answers score higher.",
                svg: ScatterPlot(
                    title: "Score z against typicality for \(BidiIsolation.isolate(scorer.scorer.name))", xLabel: "typicality (mean cosine to the other responses)",
                    yLabel: "score z within prompt", points: points, highlighted: atypical
                ).render()
            ))
        }
        if let human = results.humanCalibration { figures += humanFigures(human) }
        if !results.pairwiseJudges.isEmpty {
            var judgeRows: [ForestPlot.Row] = []
            for judge in results.pairwiseJudges {
                let first = judge.firstPositionRate
                judgeRows.append(.init(label: "\(BidiIsolation.isolate(judge.scorer.name)) · first position", value: first.value, lower: first.lower, upper: first.upper,
                                       highlighted: first.lower > 0.5 || first.upper < 0.5))
                let flips = judge.flipRate
                judgeRows.append(.init(label: "\(BidiIsolation.isolate(judge.scorer.name)) · flips", value: flips.value, lower: flips.lower, upper: flips.upper, highlighted: flips.lower > 0.5))
                if let u = judge.underRewardRate {
                    judgeRows.append(.init(label: "\(BidiIsolation.isolate(judge.scorer.name)) · U", value: u.value, lower: u.lower, upper: u.upper, highlighted: judge.flagged))
                }
            }
            figures.append(HTMLFigure(
                id: "chart-pairwise", title: "Pairwise judges: position bias and preference.",
                caption: "First position: share of judgments won by the answer shown first (0.5 unbiased). Flips: share of pairs whose winner changed with the order. U: share of atypical–modal pairs where the order-averaged verdict favours the modal answer. Red: the interval excludes 0.5 (position), lies above 0.5 (flips, U).",
                svg: ForestPlot(title: "Pairwise judges", axisLabel: "rate", reference: 0.5, rows: judgeRows, limits: 0...1).render()
            ))
        }
        return figures
    }

    /// The ranking of scorers by G, their discrimination, and the paired differences between them.
    static func comparisonFigures(_ results: CalibrationResults, interval: String) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        let ranked = CalibrationComparisonMarkdown.ranking(results.scorers)
        if ranked.count >= 2 {
            let rows = ranked.enumerated().map { rank, result in
                let g = result.overall!.gap
                let verdict = result.verdict
                return ForestPlot.Row(
                    label: "\(rank + 1). \(result.scorer.name) · \(verdict?.rawValue ?? "no pairs")", value: g.value, lower: g.lower, upper: g.upper,
                    highlighted: verdict.map { $0 != .ok && $0 != .inconclusive } ?? false)
            }
            figures.append(HTMLFigure(
                id: "chart-ranking", title: "Scorer ranking by G.",
                caption: "Scorers from the lowest G (most under-rewarding) down the chart, with \(interval) cluster-bootstrap intervals and each scorer's verdict. Red rows need action: under- or over-rewarding, blind to validity, or preferring invalid answers.",
                svg: ForestPlot(title: "Scorer ranking by G", axisLabel: "G (z units): atypical − modal", reference: 0, rows: rows).render()
            ))
        }
        let discriminating = results.scorers.compactMap { result -> ForestPlot.Row? in
            guard let auc = result.discrimination?.validityAUC else { return nil }
            let status = result.discrimination!.status
            return ForestPlot.Row(
                label: result.scorer.name, value: auc.value, lower: auc.lower, upper: auc.upper, highlighted: status == .blind || status == .prefersInvalid)
        }
        if !discriminating.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-discrimination", title: "Discrimination: valid against invalid answers.",
                caption: "Within-prompt AUC: the chance that a valid answer scores above an invalid one to the same prompt (0.5 is chance), averaged over prompts, with \(interval) intervals. Red rows include or fall below chance: the scorer's gap cannot be read.",
                svg: ForestPlot(title: "Valid-vs-invalid AUC", axisLabel: "AUC", reference: 0.5, rows: discriminating, limits: 0...1).render()
            ))
        }
        let differences = results.comparisons.compactMap { c -> ForestPlot.Row? in
            guard c.gapDifference.lower.isFinite, c.gapDifference.upper.isFinite else { return nil }
            return ForestPlot.Row(
                label: "\(c.first) − \(c.second)", value: c.gapDifference.value, lower: c.gapDifference.lower, upper: c.gapDifference.upper,
                highlighted: c.finding != .noDifference)
        }
        if !differences.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-comparisons", title: "Paired differences in G between scorers.",
                caption: "G(first) − G(second) on the prompts both scored, with \(interval) paired cluster-bootstrap intervals. Left of 0: the first scorer under-rewards more. Red rows hold up after Benjamini–Hochberg over the pairs.",
                svg: ForestPlot(title: "Paired ΔG between scorers", axisLabel: "ΔG (z units)", reference: 0, rows: differences).render()
            ))
        }
        return figures
    }

    /// Overall and per-category rows of one metric, scorers in results order.
    static func rows(_ results: CalibrationResults, metric: (GapEstimates) -> Estimate) -> [ForestPlot.Row] {
        var rows: [ForestPlot.Row] = []
        for result in results.scorers {
            if let overall = result.overall {
                let e = metric(overall)
                rows.append(.init(label: result.scorer.name, value: e.value, lower: e.lower, upper: e.upper, highlighted: overall.flagged))
            }
            for category in result.categories.keys.sorted() {
                let estimates = result.categories[category]!
                let e = metric(estimates)
                rows.append(.init(label: "\(BidiIsolation.isolate(result.scorer.name)) · \(BidiIsolation.isolate(category))", value: e.value, lower: e.lower, upper: e.upper, highlighted: estimates.flagged))
            }
        }
        return rows
    }

    /// (typicality, within-prompt z of the score) for every valid scored response, and the
    /// indices of atypical answers of pairs.
    static func scatterPoints(_ results: CalibrationResults, scorer: String) -> ([(x: Double, y: Double)], Set<Int>) {
        var points: [(x: Double, y: Double)] = []
        var atypical = Set<Int>()
        for structure in results.prompts {
            guard let scores = structure.scores[scorer] else { continue }
            let members = scores.indices.filter { $0 < structure.valid.count && structure.valid[$0] && scores[$0] != nil }
            guard members.count >= 2 else { continue }
            let values = members.map { scores[$0]! }
            let mean = Descriptive.mean(values)
            let sd = Descriptive.standardDeviation(values)
            let pairAtypical = Set(structure.pairs.map(\.atypical))
            for (j, value) in zip(members, values) {
                if pairAtypical.contains(j) { atypical.insert(points.count) }
                points.append((structure.typicality[j], sd > 0 && sd.isFinite ? (value - mean) / sd : 0))
            }
        }
        return (points, atypical)
    }

    static func humanFigures(_ human: HumanCalibrationResults) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        for (kind, title) in [("absolute", "score vs mean human rating"), ("pairwise", "score difference vs mean preference label")] {
            let perScorer = human.scorers.map { kind == "absolute" ? $0.absolute : $0.pairwise }
            guard let first = perScorer.first(where: { !$0.isEmpty }) else { continue }
            let categories = first.map(\.subset.label)
            let series = zip(human.scorers, perScorer).compactMap { scorer, correlations -> SeriesChart.Series? in
                guard correlations.count == categories.count else { return nil }
                return SeriesChart.Series(name: scorer.scorer, values: correlations.map(\.rho), lower: correlations.map(\.lower), upper: correlations.map(\.upper))
            }
            guard !series.isEmpty else { continue }
            figures.append(HTMLFigure(
                id: "chart-human-\(kind)", title: "Agreement with people, \(title).",
                caption: "Spearman ρ on all labelled data, then on the Artificial Hivemind subsets: similar quality (Tukey fences, narrowing k) and disagreement (top p% by label entropy or lowest agreement). Bands: cluster-bootstrap intervals over prompts. A curve that falls toward 0 on the subsets means the scorer tracks people only where they agree on a clear winner.",
                svg: SeriesChart(title: "Spearman ρ by subset, \(title)", categories: categories, yLabel: "Spearman ρ", series: series).render()
            ))
        }
        return figures
    }
}
