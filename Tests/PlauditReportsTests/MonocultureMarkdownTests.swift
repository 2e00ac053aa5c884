import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

@Suite("Monoculture report")
struct MonocultureMarkdownTests {
    static func results() -> MonocultureResults {
        func e(_ value: Double, _ lower: Double, _ upper: Double, p: Double? = nil) -> Estimate {
            Fixtures.estimate(value, lower, upper, p: p)
        }
        let source = ItemSideStatistics(texts: 4, positive: 2, neutral: 0, negative: 2, positiveShare: 0.5, standardDeviation: 0.5, entropy: 1)
        let generated = ItemSideStatistics(texts: 2, positive: 2, neutral: 0, negative: 0, positiveShare: 1, standardDeviation: 0, entropy: 0)
        return MonocultureResults(
            manifest: Fixtures.manifest, sentimentSource: "classifier vader-3.3.2", bins: [-0.05, 0.35, 0.55, 0.75, 0.85, 0.95, 1.05],
            notes: ["Sides differ | in counts"],
            sides: [
                SideSummary(
                    name: "source", items: 1, texts: 4, positiveShare: e(0.5, 0.25, 0.75), meanItemPositiveShare: 0.5,
                    meanItemStandardDeviation: 0.5, meanItemEntropy: e(1, 1, 1), histogram: [0, 1, 0, 0, 0, 0], meanCompound: 0.1,
                    wording: WordingSummary(tokens: 20, vocabulary: 15, entropy: 3.8, cosineToSource: 1)),
                SideSummary(
                    name: "m|odel/T0.7", items: 1, texts: 2, positiveShare: e(1, 1, 1), meanItemPositiveShare: 1,
                    meanItemStandardDeviation: 0, meanItemEntropy: e(0, 0, 0), histogram: [0, 0, 0, 0, 0, 1]),
            ],
            comparisons: [
                SideComparison(configuration: "m|odel/T0.7", sharedItems: 1, meanDelta: e(0.5, 0.5, 0.5), meanAbsoluteDelta: e(0.5, 0.5, 0.5), wasserstein: e(0.5, 0.5, 0.5))
            ],
            premium: [
                PremiumResult(
                    scorer: ScorerDescriptor(name: "rm", kind: .rewardModel, backend: "vllm"), items: 1, scored: 4, failed: 0,
                    zSlope: e(0.8, 0.2, 1.4, p: 0.01), rawSlope: e(1.5, 0.4, 2.6), pairRate: e(0.7, 0.55, 0.85, p: 0.02), pairs: 5,
                    pairItems: 1, verdict: "pays for positivity")
            ],
            items: [MonocultureItemResult(id: "b|1", title: "<Title> *with* | pipes", sides: ["source": source, "m|odel/T0.7": generated])],
            failures: [ScoreFailure(scorer: "judge", itemID: "b|1", responseID: "source/0", reason: "no rating\nin reply")],
            skippedRows: [])
    }

    @Test("sections in order, model text escaped, the premium's verdict marked")
    func rendersEscaped() {
        let report = MonocultureMarkdown.render(Self.results())
        let sections = ["# plaudit monoculture audit", "**Read first**", "## Sentiment by side", "## Generated against source",
            "## Topic and wording", "## Positivity premium of the scorers", "## Items that moved most", "## Failures", "## Manifest"]
        let positions = sections.map { report.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(report)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(report.contains("&lt;Title&gt; \\*with\\* \\| pipes"))
        #expect(report.contains("| b\\|1 |"))
        #expect(report.contains("m\\|odel/T0.7"))
        #expect(report.contains("no rating in reply"))
        #expect(!report.contains("<Title>"))
        #expect(report.contains("**PAYS FOR POSITIVITY**"))
        #expect(report.contains("| source | 1 | 4 | 0.5000 [0.2500, 0.7500] |"))
        #expect(report.contains("0 / 1 / 0 / 0 / 0 / 0"))
        #expect(report.contains("90% cluster-bootstrap intervals"), "confidence from the manifest")
    }

    @Test("console table: one row per side with |Δ| and W1 for configurations, then the premium")
    func console() {
        let table = MonocultureConsoleTable.render(Self.results())
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("source"))
        #expect(lines[2].contains("0.5000 [0.5000, 0.5000]"))
        #expect(lines.last?.contains("pays for positivity") == true)
    }
}
