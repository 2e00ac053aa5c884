import Foundation
import PlauditCore

/// Report sections every job's `report.md` shares.
enum MarkdownSections {
    /// A table of the first 50 failures, with how many more `results.json` holds; nothing when
    /// there are none. `item` and `response` name the columns the way the job speaks of them.
    static func failures(_ failures: [ScoreFailure], heading: String, item: String = "item", response: String = "response") -> [String] {
        guard !failures.isEmpty else { return [] }
        var out = [heading, "", "| scorer | \(item) | \(response) | reason |", "|---|---|---|---|"]
        for failure in failures.prefix(50) {
            out.append(
                "| \(MarkdownEscaping.cell(failure.scorer)) | \(MarkdownEscaping.cell(failure.itemID)) | "
                    + "\(MarkdownEscaping.cell(failure.responseID)) | \(MarkdownEscaping.cell(failure.reason)) |")
        }
        if failures.count > 50 { out.append("\n… and \(failures.count - 50) more in results.json.") }
        out.append("")
        return out
    }

    /// The first 50 input rows left out with `--skip-bad-rows`, each as its located error.
    static func skippedRows(_ rows: [InputError]) -> [String] {
        guard !rows.isEmpty else { return [] }
        var out = ["## Skipped input rows (\(rows.count))", ""]
        for row in rows.prefix(50) { out.append("- `\(row.description.replacingOccurrences(of: "`", with: "'"))`") }
        out.append("")
        return out
    }
}
