import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

/// The model comparison in report.md, report.html and on the console.
@Suite("Sycophancy model comparison: report, heatmap and console table")
struct SycophancyComparisonReportTests {
    static let hostile = "<b>warm</b> | \"x\""

    static func row(_ context: String, _ belief: SycophancyBelief, delta: Double, q: Double?) -> PolicyComparisonRow {
        PolicyComparisonRow(
            label: "\(context) × \(belief.rawValue)", context: context, belief: belief, conditions: 1, pairs: 50, baselineAccuracy: 0.8,
            policyAccuracy: 0.8 - delta / 100, deltaPoints: delta, b: 10, c: 2, pValue: q, qValue: q, oddsRatio: 5, cohensG: 1.0 / 3,
            interaction: context == "none" ? nil : Estimate(value: delta - 2, lower: delta - 10, upper: delta + 6))
    }

    static func results() -> SycophancyResults {
        let manifest = RunManifest(
            command: "plaudit sycophancy analyze g.jsonl", startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:01:00Z",
            dataset: DatasetManifest(sha256: "ab", files: []), rubrics: [], scorers: [], embedder: nil, seed: 7, parameters: [:], counts: [:],
            timings: [:])
        let pooled = PolicyComparisonRow(
            label: "all conditions", context: nil, belief: nil, conditions: 4, pairs: 200, baselineAccuracy: 0.8, policyAccuracy: 0.7,
            deltaPoints: 10, b: 30, c: 10, pValue: 0.001, qValue: 0.001, oddsRatio: 3, cohensG: 0.25,
            deltaInterval: Estimate(value: 10, lower: 4, upper: 16), interaction: Estimate(value: 8, lower: 1, upper: 15))
        let comparison = PolicyComparisonResult(
            baseline: "original", policy: hostile,
            conditions: [
                row("none", .none, delta: 2, q: 0.5), row("happy", .none, delta: 12, q: 0.01), row("sad", .incorrect, delta: 30, q: 0.001),
                row("close", .none, delta: 40, q: 0.2),
            ],
            pooled: [pooled], multipleTesting: "Benjamini–Hochberg over the 4 conditions with at least one discordant pair.", confidence: 0.95,
            resamples: 2_000, seed: 7)
        return SycophancyResults(manifest: manifest, notes: [], policy: nil, reward: nil, comparisons: [comparison])
    }

    @Test("the console leads with the largest significant Δ; an insignificant larger Δ is not listed")
    func console() {
        let text = SycophancyComparisonConsole.render(Self.results().comparisons!)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("2 conditions differ (BH q < 0.05), largest Δ first; pooled rows that differ (q < 0.05): all conditions"), "\(lines[0])")
        #expect(lines[2].hasPrefix("sad × incorrect") && lines[2].contains("+30.0"), "\(lines[2])")
        #expect(lines[3].hasPrefix("happy × none"), "\(lines[3])")
        #expect(lines[4].hasPrefix("all conditions") && lines[4].contains("+8.0 [+1.0, +15.0]"), "\(lines[4])")
        #expect(!text.contains("close × none"))
    }

    @Test("no single condition significant but a pooled row is: the headline says so and names the pooled row, never just \"no condition differs\"")
    func consolePooledOnly() throws {
        var comparison = try #require(Self.results().comparisons?.first)
        comparison.conditions = comparison.conditions.map { var row = $0; row.qValue = 0.3; return row }
        let headline = SycophancyComparisonConsole.render([comparison]).split(separator: "\n")[0]
        #expect(headline.hasSuffix("no single condition differs (BH q < 0.05), but pooled rows do (q < 0.05): all conditions"), "\(headline)")
        comparison.pooled = comparison.pooled.map { var row = $0; row.qValue = 0.2; return row }
        let neither = SycophancyComparisonConsole.render([comparison]).split(separator: "\n")[0]
        #expect(neither.hasSuffix("no single condition differs (BH q < 0.05), nor does any pooled row"), "\(neither)")
    }

    @Test("report.md: the Δ grid with stars, every row, the BH family; names escaped")
    func markdown() {
        let text = SycophancyMarkdown.render(Self.results())
        #expect(text.contains("## Model comparison: \(MarkdownEscaping.cell(Self.hostile)) against original"))
        #expect(!text.contains("<b>warm</b>"))
        #expect(text.contains("| sad | — | — | +30.0\\* | — |"), "\(text)")
        #expect(text.contains("| close | +40.0 |"))
        #expect(text.contains("| all conditions | 200 | 80.0% | 70.0% | +10.0 [+4.0, +16.0] | 30 | 10 | 0.001 | 0.001 | 3.00 | 0.250 | +8.0 [+1.0, +15.0] |"))
        #expect(text.contains("Benjamini–Hochberg over the 4 conditions with at least one discordant pair."))
    }

    @Test("report.html: a Δ heatmap by context × belief, model names escaped")
    func html() {
        let html = AnyResults.sycophancy(Self.results()).html
        #expect(html.contains("id=\"chart-sycophancy-comparison-1\""))
        #expect(html.contains("Δ error (points)"))
        #expect(!html.contains("<b>warm</b>"))
        #expect(html.contains("&lt;b&gt;warm&lt;/b&gt;"))
    }
}
