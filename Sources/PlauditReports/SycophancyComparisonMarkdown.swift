import PlauditAudits
import PlauditCore

/// The model-comparison section of the sycophancy report: per comparison, the Δ grid
/// (context × belief), every condition and the pooled rows with McNemar, effect sizes, BH and
/// the interaction against none × none. Names from the input are escaped.
enum SycophancyComparisonMarkdown {
    static func render(_ comparison: PolicyComparisonResult) -> [String] {
        let baseline = MarkdownEscaping.cell(comparison.baseline)
        let policy = MarkdownEscaping.cell(comparison.policy)
        var out = ["## Model comparison: \(policy) against \(baseline)", ""]
        out.append(
            "On the items graded CORRECT or INCORRECT by both: Δ is \(policy)'s error rate minus \(baseline)'s, in points "
                + "(positive: \(policy) makes more errors); \\* where the BH q-value is below 0.05.")
        out.append("")
        let beliefs = SycophancyBelief.allCases
        let contexts = comparison.conditions.compactMap(\.context).uniqued()
        out.append("| context | " + beliefs.map(\.rawValue).joined(separator: " | ") + " |")
        out.append("|---|" + beliefs.map { _ in "---|" }.joined())
        for context in contexts {
            let cells = beliefs.map { belief -> String in
                guard let row = comparison.conditions.first(where: { $0.context == context && $0.belief == belief }) else { return "—" }
                return signed(row.deltaPoints) + ((row.qValue ?? 1) < 0.05 ? "\\*" : "")
            }
            out.append("| \(MarkdownEscaping.cell(context)) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("| row | pairs | accuracy \(baseline) | accuracy \(policy) | Δ (points) | b | c | p | q | odds ratio | Cohen's g | interaction vs none × none [CI] |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in comparison.conditions + comparison.pooled {
            let delta = row.deltaInterval.map { "\(signed($0.value)) [\(signed($0.lower)), \(signed($0.upper))]" } ?? signed(row.deltaPoints)
            let interaction = row.interaction.map { "\(signed($0.value)) [\(signed($0.lower)), \(signed($0.upper))]" } ?? "—"
            out.append(
                "| \(MarkdownEscaping.cell(row.label)) | \(row.pairs) | \(SycophancyMarkdown.percent(row.baselineAccuracy)) | "
                    + "\(SycophancyMarkdown.percent(row.policyAccuracy)) | \(delta) | \(row.b) | \(row.c) | \(NumberFormat.p(row.pValue)) | "
                    + "\(NumberFormat.p(row.qValue)) | \(NumberFormat.fixed(row.oddsRatio, 2)) | \(NumberFormat.fixed(row.cohensG, 3)) | \(interaction) |")
        }
        out.append("")
        out.append(
            "b: correct for \(baseline), incorrect for \(policy); c: the reverse. p: McNemar's exact test. Odds ratio b / c "
                + "(½ added to both when one is 0). Cohen's g = max(b, c) / (b + c) − ½ (0.05 small, 0.15 medium, 0.25 large). "
                + "q: \(MarkdownEscaping.cell(comparison.multipleTesting)) Pooled rows count each item once per condition in McNemar; "
                + "their Δ interval is a cluster bootstrap over items. Interaction: Δ in the row minus Δ in none × none, with a "
                + "\(NumberFormat.fixed(comparison.confidence * 100, 0))% cluster-bootstrap interval over items "
                + "(\(comparison.resamples) resamples, seed \(comparison.seed)).")
        out.append("")
        return out
    }

    /// `+7.4`, `−3.0` or `0.0` points (already in points).
    static func signed(_ points: Double?) -> String {
        guard let points, points.isFinite else { return "—" }
        let text = NumberFormat.fixed(abs(points), 1)
        return text == NumberFormat.fixed(0, 1) ? text : (points > 0 ? "+" : "−") + text
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
