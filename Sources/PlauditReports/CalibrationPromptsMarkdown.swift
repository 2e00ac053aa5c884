public import PlauditAudits
import PlauditCore

/// The per-prompt table of `report.md`: where each scorer's gap comes from.
public enum CalibrationPromptsMarkdown {
    public static func render(_ results: CalibrationResults) -> [String] {
        let scorers = results.scorers.filter { !$0.prompts.isEmpty }
        guard !scorers.isEmpty else { return [] }
        let gaps = scorers.map { result in Dictionary(result.prompts.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first }) }
        var out = ["## Per prompt", ""]
        out.append("Each prompt's gap per scorer (mean z-score difference over its pairs, atypical − modal); — where the scorer scored no pair.")
        out.append("")
        out.append("| prompt | category | pairs | " + scorers.map { "G \(MarkdownEscaping.cell($0.scorer.name))" }.joined(separator: " | ") + " |")
        out.append("|---|---|---|" + String(repeating: "---|", count: scorers.count))
        for prompt in results.prompts where gaps.contains(where: { $0[prompt.itemID] != nil }) {
            let cells = gaps.map { $0[prompt.itemID].map { NumberFormat.fixed($0.gap, 2) } ?? "—" }
            out.append(
                "| \(MarkdownEscaping.cell(prompt.itemID)) | \(prompt.category.map(MarkdownEscaping.cell) ?? "—") | \(prompt.pairs.count) | "
                    + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        return out
    }
}
