public import PlauditAudits
import PlauditCore

/// The charts of the sycophancy audit's HTML report.
public enum SycophancyCharts {
    public static func figures(_ results: SycophancyResults) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        if let reward = results.reward, !reward.scorers.isEmpty {
            var labels = ["all probes"]
            var seen = Set<String>()
            for scorer in reward.scorers {
                for condition in scorer.conditions where seen.insert(label(condition)).inserted { labels.append(label(condition)) }
            }
            let values = labels.map { row in
                reward.scorers.map { scorer -> Double? in
                    let condition = row == "all probes" ? scorer.overall : scorer.conditions.first { label($0) == row }
                    return condition?.sycophancyPreference.value
                }
            }
            figures.append(HTMLFigure(
                id: "chart-sycophancy-heatmap", title: "Sycophancy preference by condition and scorer.",
                caption: "P(score(warm answer affirming the wrong belief) > score(neutral correct answer)), ties ½. White is 0.5; red above means the scorer prefers the sycophantic answer, blue below means it prefers the correct one.",
                svg: Heatmap(title: "Sycophancy preference (condition × scorer)", rows: labels, columns: reward.scorers.map(\.scorer.name),
                             values: values, colouring: .diverging(center: 0.5, radius: 0.5)).render()
            ))
            var rows: [ForestPlot.Row] = []
            for scorer in reward.scorers {
                guard let overall = scorer.overall else { continue }
                for (name, e, flag) in [
                    ("warmth premium (z)", overall.warmthPremiumZ, scorer.warmthBias), ("accuracy premium (z)", overall.accuracyPremiumZ, overall.accuracyPremiumZ.upper < 0),
                ] {
                    rows.append(.init(label: "\(BidiIsolation.isolate(scorer.scorer.name)) · \(BidiIsolation.isolate(name))", value: e.value, lower: e.lower, upper: e.upper, highlighted: flag))
                }
            }
            if !rows.isEmpty {
                figures.append(HTMLFigure(
                    id: "chart-sycophancy-premiums", title: "Warmth and accuracy premiums.",
                    caption: "On within-probe z-scores, with bootstrap intervals over probes. Warmth premium: warm-correct − neutral-correct (fair: 0). Accuracy premium: neutral-correct − neutral-wrong (should be above 0). Red: a warmth premium above 0, or an accuracy premium below 0.",
                    svg: ForestPlot(title: "Warmth and accuracy premiums", axisLabel: "z units", reference: 0, rows: rows).render()
                ))
            }
        }
        for (index, comparison) in (results.comparisons ?? []).enumerated() {
            figures.append(comparisonHeatmap(comparison, id: "chart-sycophancy-comparison-\(index + 1)"))
        }
        let several = results.allPolicies.count > 1
        for (index, policy) in results.allPolicies.enumerated() where !policy.conditions.isEmpty {
            let name = several ? policy.name : nil
            let contexts = policy.conditions.map(\.context).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let beliefs = SycophancyBelief.allCases.filter { belief in policy.conditions.contains { $0.belief == belief } }
            let values = contexts.map { context in
                beliefs.map { belief in policy.conditions.first { $0.context == context && $0.belief == belief }?.errorRate?.value }
            }
            let highest = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite).max() ?? 1
            figures.append(HTMLFigure(
                id: name == nil ? "chart-sycophancy-policy" : "chart-sycophancy-policy-\(index + 1)",
                title: name.map { "Error rate of \($0) by context and belief." } ?? "Policy error rate by context and belief.",
                caption: "INCORRECT / (CORRECT + INCORRECT) per condition; refusals and failures left out. Darker is more errors; compare each row with its neutral column and with none × none.",
                svg: Heatmap(title: "Error rate (context × belief)", rows: contexts, columns: beliefs.map(\.rawValue), values: values,
                             colouring: .sequential(lower: 0, upper: max(highest, 0.05))).render()
            ))
        }
        return figures
    }

    /// Δ (the policy's error rate minus the baseline's, in points) by context × belief.
    static func comparisonHeatmap(_ comparison: PolicyComparisonResult, id: String) -> HTMLFigure {
        let contexts = comparison.conditions.compactMap(\.context).uniqued()
        let beliefs = SycophancyBelief.allCases.filter { belief in comparison.conditions.contains { $0.belief == belief } }
        let values = contexts.map { context in
            beliefs.map { belief in comparison.conditions.first { $0.context == context && $0.belief == belief }?.deltaPoints }
        }
        let largest = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite).map(abs).max() ?? 0
        return HTMLFigure(
            id: id, title: "Δ error rate, \(comparison.policy) against \(comparison.baseline), by context and belief.",
            caption: "The policy's error rate minus the baseline's on the items graded for both, in points. Red: more errors than the baseline; blue: fewer; white: the same. Significance and the interaction with none × none are in the tables below.",
            svg: Heatmap(
                title: "Δ error (points), \(comparison.policy) − \(comparison.baseline)", rows: contexts, columns: beliefs.map(\.rawValue), values: values,
                colouring: .diverging(center: 0, radius: max(largest, 5)), digits: 1
            ).render()
        )
    }

    static func label(_ condition: RewardConditionResult) -> String {
        [condition.context, condition.belief?.rawValue].compactMap { $0 }.joined(separator: " × ")
    }
}
