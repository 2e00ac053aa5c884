public import PlauditAudits
import PlauditCore

/// The scorer ranking and the paired comparisons of `report.md`: which scorer under-rewards most,
/// and which differences between scorers hold up.
public enum CalibrationComparisonMarkdown {
    public static func render(_ results: CalibrationResults) -> [String] {
        let ranked = ranking(results.scorers)
        guard ranked.count >= 2 else { return [] }
        var out = ["## Scorer ranking", ""]
        out.append("Scorers from the lowest G (most under-rewarding) up; the comparisons below say which differences hold up.")
        out.append("")
        out.append("| rank | scorer | G (z) [CI] | valid-vs-invalid AUC [CI] | verdict |")
        out.append("|---|---|---|---|---|")
        for (rank, result) in ranked.enumerated() {
            out.append(
                "| \(rank + 1) | \(MarkdownEscaping.cell(result.scorer.name)) | \(NumberFormat.interval(result.overall?.gap)) | "
                    + "\(NumberFormat.interval(result.discrimination?.validityAUC)) | \(CalibrationMarkdown.flag(result.verdict)) |")
        }
        out.append("")
        guard !results.comparisons.isEmpty else { return out }
        out.append("## Scorer comparisons")
        out.append("")
        out.append(
            "Every scorer scored the same responses, so each pair is compared prompt by prompt: ΔG = G(first) − G(second) with a paired "
                + "cluster-bootstrap interval over the prompts both scored; q: Benjamini–Hochberg over the pairs. Agreement: Kendall τ-b of the "
                + "two scorers' scores within each prompt, averaged. Worst pairs shared: of each scorer's 20 pairs with the lowest "
                + "score(atypical) − score(modal), how many are the same.")
        out.append("")
        out.append("| first | second | ΔG [CI] | q(ΔG) | ΔU [CI] | q(ΔU) | agreement τ-b (prompts) | worst pairs shared | prompts | finding |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for c in results.comparisons {
            let finding = c.finding == .noDifference ? c.sentence : "**\(MarkdownEscaping.cell(c.sentence))**, q = \(NumberFormat.p(c.gapDifference.qValue))"
            out.append(
                "| \(MarkdownEscaping.cell(c.first)) | \(MarkdownEscaping.cell(c.second)) | \(NumberFormat.interval(c.gapDifference)) | "
                    + "\(NumberFormat.p(c.gapDifference.qValue)) | \(NumberFormat.interval(c.underRewardDifference)) | "
                    + "\(NumberFormat.p(c.underRewardDifference.qValue)) | \(c.agreement.map { NumberFormat.fixed($0, 2) } ?? "—") (\(c.agreementPrompts)) | "
                    + "\(c.worstPairs.shared) / \(c.worstPairs.size) | \(c.prompts) | \(finding) |")
        }
        out.append("")
        return out
    }

    /// Scorers with a gap, from the lowest G up (name order on ties).
    public static func ranking(_ scorers: [ScorerResult]) -> [ScorerResult] {
        scorers.filter { $0.overall != nil }.sorted {
            let (a, b) = ($0.overall!.gap.value, $1.overall!.gap.value)
            return a != b ? a < b : $0.scorer.name < $1.scorer.name
        }
    }
}
