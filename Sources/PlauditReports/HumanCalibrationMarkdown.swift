public import PlauditAudits
import PlauditCore

/// The "agreement with humans" section of a calibration report: per scorer, Spearman ρ with
/// its interval on every Artificial Hivemind subset, and the per-class curves.
public enum HumanCalibrationMarkdown {
    public static func render(_ human: HumanCalibrationResults) -> [String] {
        var out: [String] = []
        out.append("## Agreement with human labels (Artificial Hivemind subsets)")
        out.append("")
        out.append(
            "\(human.ratedResponses) responses with ratings, \(human.labelledPairs) pairs with preference labels. "
                + "ρ is Spearman's correlation pooled across prompts; intervals resample prompts. "
                + "Lower ρ on the similar-quality and disagreement subsets is the paper's finding: scorers track humans least where humans see equal quality or disagree."
        )
        out.append("")
        for rule in human.rules { out.append("- \(MarkdownEscaping.cell(rule))") }
        out.append("")
        for (title, pick) in [("Absolute ratings", \ScorerHumanCalibration.absolute), ("Pairwise preferences", \ScorerHumanCalibration.pairwise)] {
            let rows = human.scorers.filter { !$0[keyPath: pick].isEmpty }
            guard let first = rows.first else { continue }
            out.append("### \(title)")
            out.append("")
            let subsets = first[keyPath: pick].map(\.subset)
            out.append("| scorer | kind | " + subsets.map { "\($0.family == "all" ? "all" : $0.label) (n=\($0.size))" }.joined(separator: " | ") + " |")
            out.append("|---|---|" + String(repeating: "---|", count: subsets.count))
            for row in rows {
                let cells = row[keyPath: pick].map { c in
                    "\(NumberFormat.fixed(c.rho, 3)) [\(NumberFormat.fixed(c.lower, 2)), \(NumberFormat.fixed(c.upper, 2))]" + (c.n < c.subset.size ? " n=\(c.n)" : "")
                }
                out.append("| \(MarkdownEscaping.cell(row.scorer)) | \(row.kind.rawValue) | " + cells.joined(separator: " | ") + " |")
            }
            out.append("")
            out.append("Columns: " + familyNote(subsets))
            out.append("")
        }
        if human.classes.count > 0 {
            out.append("### Mean ρ per scorer class")
            out.append("")
            out.append("| class | scorers | absolute: " + (human.classes.first?.absolute.map { $0.subset.family == "all" ? "all" : $0.subset.label }.joined(separator: " / ") ?? "") + " | pairwise: "
                + (human.classes.first?.pairwise.map { $0.subset.family == "all" ? "all" : $0.subset.label }.joined(separator: " / ") ?? "") + " |")
            out.append("|---|---|---|---|")
            for series in human.classes {
                out.append(
                    "| \(series.kind.rawValue) | \(series.scorers.count) | " + series.absolute.map { NumberFormat.fixed($0.meanRho, 2) }.joined(separator: " / ")
                        + " | " + series.pairwise.map { NumberFormat.fixed($0.meanRho, 2) }.joined(separator: " / ") + " |")
            }
            out.append("")
        }
        return out
    }

    static func familyNote(_ subsets: [HumanSubset]) -> String {
        let families = subsets.map(\.family).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return families.map { family in
            switch family {
            case "similar-quality": "similar-quality subsets (k = Tukey multiplier, or top p% by 'similar' votes)"
            case "disagreement": "disagreement subsets (top p% label entropy, or lowest p% agreement)"
            default: "all"
            }
        }.joined(separator: "; ") + "."
    }
}
