public import PlauditAudits
import PlauditCore
import Foundation

/// `diff.md` of a suite run: a summary table of every assertion, then, per assertion with a
/// baseline, the units (prompts, pairs, probes) whose verdict flipped, with the values before and
/// after.
public enum SuiteMarkdown {
    public static func render(_ outcome: SuiteOutcome) -> String {
        var md = "# Suite \(MarkdownEscaping.cell(outcome.suite))\n\n"
        let verdict = outcome.count(.error) > 0 ? "ERROR" : outcome.count(.failed) > 0 ? "FAIL" : "PASS"
        md += "**\(verdict)**: \(outcome.count(.passed)) passed, \(outcome.count(.failed)) failed, \(outcome.count(.error)) errors, "
            + "\(outcome.count(.skipped)) skipped, in \(String(format: "%.1f", outcome.seconds)) s. Relative assertions fail when the "
            + "Benjamini–Hochberg q-value of a one-sided paired sign-flip test is below α = \(outcome.alpha) and the mean change is the worse way.\n\n"
        if let before = outcome.baselineRubrics {
            let changed = outcome.rubrics.filter { rubric in before.first { $0.name == rubric.name }?.sha256 != rubric.sha256 }
            if !changed.isEmpty {
                md += "Rubrics changed since the baseline: "
                    + changed.map { "`\($0.name)` (\(MarkdownEscaping.cell($0.path)), sha256 \($0.sha256.prefix(12))…)" }.joined(separator: ", ") + ".\n\n"
            } else {
                md += "No rubric changed since the baseline.\n\n"
            }
        } else {
            md += "No baseline was read: no verdict flips to list.\n\n"
        }
        for check in outcome.checks where check.error != nil {
            md += "Check `\(check.name)` could not run: \(MarkdownEscaping.cell(check.error ?? "")).\n\n"
        }
        md += "| check | scorer | assertion | result | observed | q | flips |\n|---|---|---|---|---|---|---|\n"
        for a in outcome.assertions {
            md += "| \(MarkdownEscaping.cell(a.check)) | \(MarkdownEscaping.cell(a.scorer ?? "—")) | \(MarkdownEscaping.cell(a.assertion.text)) | "
                + "\(a.status.rawValue.uppercased()) | \(a.observed.map(number) ?? "—") | \(a.qValue.map(number) ?? "—") | \(a.flips.count) |\n"
        }
        md += "\n"
        for a in outcome.assertions where a.status != .error {
            md += "## \(MarkdownEscaping.cell(a.check)) · \(MarkdownEscaping.cell(a.scorer ?? "")) · \(MarkdownEscaping.cell(a.assertion.text))\n\n"
            md += MarkdownEscaping.cell(a.message) + "\n\n"
            guard outcome.baselineRubrics != nil else { continue }
            if a.flips.isEmpty {
                md += "No \(a.assertion.metric.unitName) changed verdict (\(a.assertion.metric.verdictName)).\n\n"
                continue
            }
            let metric = a.assertion.metric
            md += "\(a.flips.count) \(metric.unitName)s changed verdict (\(metric.verdictName)):\n\n"
            md += "| \(metric.unitName) | verdict before → after | \(metric.rawValue) before → after |\n|---|---|---|\n"
            for flip in a.flips {
                md += "| \(MarkdownEscaping.cell(flip.id)) | \(word(flip.before)) → \(word(flip.after)) | \(number(flip.beforeValue)) → \(number(flip.afterValue)) |\n"
            }
            md += "\n"
        }
        return md
    }

    static func word(_ verdict: Bool) -> String { verdict ? "yes" : "no" }

    /// Four significant digits.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        if abs(x) < 1e-3 { return String(format: "%.3g", x) }
        return String(format: "%.4g", x)
    }
}
