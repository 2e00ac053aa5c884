public import PlauditAudits
import PlauditCore
import Foundation

/// `report.md` for the monoculture audit: caveats first, then sentiment per side, each generated
/// configuration against the source, topic and wording, the reward models' positivity premium,
/// the items that moved most, failures and the manifest.
public enum MonocultureMarkdown {
    public static func render(_ results: MonocultureResults) -> String {
        var out: [String] = []
        out.append("# plaudit monoculture audit")
        out.append("")
        out.append(
            "Does generated text about an item narrow what people wrote about it? A generated side that is more positive, "
                + "lower in entropy and far (|Δ|, W1) from the source is narrower. Intervals are "
                + "\(CalibrationMarkdown.confidenceLabel(results.manifest)) cluster-bootstrap intervals over items."
        )
        out.append("")
        if !results.notes.isEmpty {
            out.append("**Read first**")
            out.append("")
            for note in results.notes { out.append("- \(MarkdownEscaping.cell(note))") }
            out.append("")
        }
        out.append("- Sentiment: \(MarkdownEscaping.cell(results.sentimentSource))")
        out.append("- Items: \(results.items.count); sides: \(results.sides.map { "\(MarkdownEscaping.cell($0.name)) (\($0.texts) texts)" }.joined(separator: ", "))")
        if let generation = results.manifest.parameters["generation"] {
            out.append("- Generation: \(MarkdownEscaping.cell(generation))")
        }
        out.append("")
        out += sentiment(results)
        out += comparisons(results)
        out += topicAndWording(results)
        out += premium(results)
        out += shifts(results)
        out += MarkdownSections.failures(results.failures, heading: "## Failures", response: "text")
        out += MarkdownSections.skippedRows(results.skippedRows)
        out += CalibrationMarkdown.manifest(results.manifest)
        return out.joined(separator: "\n") + "\n"
    }

    static func sentiment(_ results: MonocultureResults) -> [String] {
        let bins = zip(results.bins, results.bins.dropFirst()).map { "\(trim($0))–\(trim($1))" }.joined(separator: ", ")
        var out = ["## Sentiment by side", ""]
        out.append("| side | items | texts | positive share [CI] | mean item share | mean item SD | mean item entropy, bits [CI] | mean compound | items per bin |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for side in results.sides {
            out.append(
                "| \(MarkdownEscaping.cell(side.name)) | \(side.items) | \(side.texts) | \(NumberFormat.interval(side.positiveShare, 4)) | "
                    + "\(NumberFormat.fixed(side.meanItemPositiveShare, 4)) | \(NumberFormat.fixed(side.meanItemStandardDeviation, 4)) | "
                    + "\(NumberFormat.interval(side.meanItemEntropy, 4)) | \(NumberFormat.fixed(side.meanCompound, 3)) | "
                    + "\(side.histogram.map(String.init).joined(separator: " / ")) |")
        }
        out.append("")
        out.append(
            "Positive share: positive texts over all texts. Per item: the share of its texts that are positive, the SD of that "
                + "0/1 indicator, and the entropy of its label counts. Bins of the per-item share: \(bins).")
        out.append("")
        return out
    }

    static func comparisons(_ results: MonocultureResults) -> [String] {
        guard !results.comparisons.isEmpty else { return [] }
        var out = ["## Generated against source", ""]
        out.append("| configuration | shared items | mean Δ share [CI] | mean abs Δ share [CI] | W1 of item shares [CI] | mean abs Δ compound [CI] | W1 of item compounds [CI] |")
        out.append("|---|---|---|---|---|---|---|")
        for c in results.comparisons {
            out.append(
                "| \(MarkdownEscaping.cell(c.configuration)) | \(c.sharedItems) | \(NumberFormat.interval(c.meanDelta, 4)) | "
                    + "\(NumberFormat.interval(c.meanAbsoluteDelta, 4)) | \(NumberFormat.interval(c.wasserstein, 4)) | "
                    + "\(NumberFormat.interval(c.compoundMeanAbsoluteDelta, 3)) | \(NumberFormat.interval(c.compoundWasserstein, 3)) |")
        }
        out.append("")
        out.append(
            "Over the items both sides have: Δ is generated − source per-item positive share; W1 is the Wasserstein-1 "
                + "distance between the two sides' distributions of per-item values (0: the same distribution).")
        out.append("")
        return out
    }

    static func topicAndWording(_ results: MonocultureResults) -> [String] {
        let topic = results.sides.contains { $0.meanTopicEntropy != nil }
        let wording = results.sides.contains { $0.wording != nil }
        guard topic || wording else { return [] }
        var out = ["## Topic and wording", ""]
        out.append("| side | mean topic entropy, bits | mean clusters per item | mean pairwise cosine | words | vocabulary | word entropy, bits | word-count cosine to source |")
        out.append("|---|---|---|---|---|---|---|---|")
        for side in results.sides {
            let w = side.wording
            out.append(
                "| \(MarkdownEscaping.cell(side.name)) | \(NumberFormat.fixed(side.meanTopicEntropy, 3)) | "
                    + "\(NumberFormat.fixed(side.meanTopicClusters, 2)) | \(NumberFormat.fixed(side.meanPairwiseCosine, 3)) | "
                    + "\(w.map { String($0.tokens) } ?? "—") | \(w.map { String($0.vocabulary) } ?? "—") | "
                    + "\(NumberFormat.fixed(w?.entropy, 3)) | \(NumberFormat.fixed(w?.cosineToSource, 3)) |")
        }
        out.append("")
        if topic {
            out.append("| configuration | topic entropy, generated − source [CI] | mean pairwise cosine, generated − source [CI] |")
            out.append("|---|---|---|")
            for c in results.comparisons {
                out.append(
                    "| \(MarkdownEscaping.cell(c.configuration)) | \(NumberFormat.interval(c.topicEntropyDifference)) | "
                        + "\(NumberFormat.interval(c.pairwiseCosineDifference)) |")
            }
            out.append("")
            out.append(
                "Topics are embedding clusters of each item's texts over all sides together (\(MarkdownEscaping.cell(results.manifest.parameters["topics"] ?? "—"))); "
                    + "lower entropy and higher pairwise cosine mean more alike texts.")
            out.append("")
        }
        return out
    }

    static func premium(_ results: MonocultureResults) -> [String] {
        guard !results.premium.isEmpty else { return [] }
        var out = ["## Positivity premium of the scorers", ""]
        out.append("| scorer | kind | z-slope on sentiment [CI] | p | raw slope [CI] | pair rate [CI] | p | pairs | items | scored / failed | verdict |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for p in results.premium {
            out.append(
                "| \(MarkdownEscaping.cell(p.scorer.name)) | \(p.scorer.kind.rawValue) | \(NumberFormat.interval(p.zSlope)) | "
                    + "\(NumberFormat.p(p.zSlope?.pValue)) | \(NumberFormat.interval(p.rawSlope)) | \(NumberFormat.interval(p.pairRate)) | "
                    + "\(NumberFormat.p(p.pairRate?.pValue)) | \(p.pairs) | \(p.items) | \(p.scored) / \(p.failed) | "
                    + "\(p.verdict == "pays for positivity" ? "**PAYS FOR POSITIVITY**" : p.verdict) |")
        }
        out.append("")
        out.append(
            "On the source texts: z-slope is the within-item least-squares slope of the score's z on compound sentiment "
                + "(per unit of compound, controlling for log length); raw slope the same in the scorer's units. Pair rate: "
                + "how often the more positive of two same-item texts of similar length scores higher (\(MarkdownEscaping.cell(results.manifest.parameters["premium_pairs"] ?? "—")); "
                + "ties ½; 0.5 is no premium). **PAYS FOR POSITIVITY** means the whole interval of the z-slope lies above 0.")
        out.append("")
        return out
    }

    /// The items whose positive share moved most in the first configuration.
    static func shifts(_ results: MonocultureResults) -> [String] {
        guard let configuration = results.comparisons.first?.configuration else { return [] }
        let moved = results.items.compactMap { item -> (MonocultureItemResult, Double)? in
            guard let s = item.sides[MonocultureDataset.sourceName], let g = item.sides[configuration] else { return nil }
            return (item, g.positiveShare - s.positiveShare)
        }.sorted { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0.id < $1.0.id }
        guard !moved.isEmpty else { return [] }
        var out = ["## Items that moved most (\(MarkdownEscaping.cell(configuration)))", ""]
        out.append("| item | title | source share | generated share | Δ |")
        out.append("|---|---|---|---|---|")
        for (item, delta) in moved.prefix(10) {
            out.append(
                "| \(MarkdownEscaping.cell(item.id)) | \(MarkdownEscaping.cell(item.title ?? "")) | "
                    + "\(NumberFormat.fixed(item.sides[MonocultureDataset.sourceName]?.positiveShare)) | "
                    + "\(NumberFormat.fixed(item.sides[configuration]?.positiveShare)) | \(NumberFormat.fixed(delta)) |")
        }
        out.append("")
        return out
    }

    static func trim(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// The short summary printed on standard output: one line per side and per scorer.
public enum MonocultureConsoleTable {
    public static func render(_ results: MonocultureResults) -> String {
        var rows = [["side", "items", "texts", "positive share [95% CI]", "entropy [95% CI]", "mean |Δ| [95% CI]", "W1 [95% CI]"]]
        for side in results.sides {
            let comparison = results.comparisons.first { $0.configuration == side.name }
            rows.append([
                side.name, String(side.items), String(side.texts), NumberFormat.interval(side.positiveShare, 4),
                NumberFormat.interval(side.meanItemEntropy, 4), NumberFormat.interval(comparison?.meanAbsoluteDelta, 4),
                NumberFormat.interval(comparison?.wasserstein, 4),
            ])
        }
        var out = ConsoleColumns.align(rows)
        if !results.premium.isEmpty {
            var premium = [["scorer", "z-slope [95% CI]", "pair rate [95% CI]", "pairs", "verdict"]]
            for p in results.premium {
                premium.append([
                    p.scorer.name, NumberFormat.interval(p.zSlope, 3), NumberFormat.interval(p.pairRate, 3), String(p.pairs),
                    p.verdict,
                ])
            }
            out += "\n" + ConsoleColumns.align(premium)
        }
        return out
    }
}
