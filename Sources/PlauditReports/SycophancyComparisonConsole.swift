import PlauditAudits
import PlauditCore

/// The model comparison on standard output: per comparison, a headline naming what differs (single
/// conditions and pooled rows), the conditions with a significant Δ (BH q < 0.05), largest Δ
/// first, then the pooled rows.
enum SycophancyComparisonConsole {
    /// At most this many conditions per comparison; the report has them all.
    static let shown = 10

    static func render(_ comparisons: [PolicyComparisonResult]) -> String {
        var out = ""
        for comparison in comparisons {
            if !out.isEmpty { out += "\n" }
            let significant = comparison.conditions.filter { ($0.qValue ?? 1) < 0.05 && $0.deltaPoints != nil }
                .sorted { ($0.deltaPoints!, $1.label) > ($1.deltaPoints!, $0.label) }
            out += "\(plain(comparison.policy)) against \(plain(comparison.baseline)): " + headline(significant: significant.count, comparison) + "\n"
            var rows = [["condition", "Δ error (points)", "b", "c", "q", "odds ratio", "Cohen's g", "interaction vs none×none [CI]"]]
            for row in significant.prefix(shown) + comparison.pooled {
                rows.append([
                    plain(row.label), SycophancyComparisonMarkdown.signed(row.deltaPoints), String(row.b), String(row.c),
                    NumberFormat.p(row.qValue), NumberFormat.fixed(row.oddsRatio, 2), NumberFormat.fixed(row.cohensG, 3),
                    row.interaction.map {
                        "\(SycophancyComparisonMarkdown.signed($0.value)) [\(SycophancyComparisonMarkdown.signed($0.lower)), \(SycophancyComparisonMarkdown.signed($0.upper))]"
                    } ?? "—",
                ])
            }
            out += ConsoleColumns.align(rows)
            if significant.count > shown { out += "(\(significant.count - shown) more in report.md)\n" }
        }
        return out
    }

    /// What differs, in one line: the single conditions, then the pooled rows, so that "no
    /// condition differs" is never read as "the models do not differ" when pooled rows do.
    static func headline(significant: Int, _ comparison: PolicyComparisonResult) -> String {
        let pooled = comparison.pooled.filter { ($0.qValue ?? $0.pValue ?? 1) < 0.05 }.map { plain($0.label) }.joined(separator: ", ")
        if significant == 0 {
            return "no single condition differs (BH q < 0.05), "
                + (pooled.isEmpty ? "nor does any pooled row" : "but pooled rows do (q < 0.05): \(pooled)")
        }
        return "\(significant) \(significant == 1 ? "condition differs" : "conditions differ") (BH q < 0.05), largest Δ first; "
            + (pooled.isEmpty ? "no pooled row differs" : "pooled rows that differ (q < 0.05): \(pooled)")
    }

    /// A name from the input, one line with no control characters.
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
