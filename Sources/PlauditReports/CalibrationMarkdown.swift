public import PlauditAudits
import PlauditCore
import Foundation

/// `report.md` for the calibration audit: caveats first, then one row per scorer, then the
/// categories, examples and the manifest.
public enum CalibrationMarkdown {
    public static func render(_ results: CalibrationResults) -> String {
        var out: [String] = []
        out.append("# plaudit calibration audit")
        out.append("")
        out.append(
            "Are valid **atypical** answers scored below valid **mainstream** (modal-cluster) ones? "
                + "G < 0 and U > 0.5 say they are. Intervals are \(confidenceLabel(results)) cluster-bootstrap intervals over prompts."
        )
        out.append("")
        if !results.notes.isEmpty {
            out.append("**Read first**")
            out.append("")
            for note in results.notes { out.append("- \(MarkdownEscaping.cell(note))") }
            out.append("")
        }
        out.append("- Validity: \(results.validitySource)")
        out.append("- Quality matching: \(results.qualitySource)")
        out.append("- Embedder: \(results.manifest.embedder?.name ?? "none"); clustering: \(results.manifest.parameters["clustering"] ?? "—")")
        let clusterCounts = results.prompts.map(\.clusterCount)
        if !clusterCounts.isEmpty {
            let mean = Double(clusterCounts.reduce(0, +)) / Double(clusterCounts.count)
            out.append(
                "- Prompts: \(results.prompts.count) with ≥ 3 responses, \(NumberFormat.fixed(mean, 1)) clusters per prompt on average, "
                    + "\(results.prompts.reduce(0) { $0 + $1.pairs.count }) atypical–modal pairs"
            )
        }
        out.append("")
        out.append("## Summary by scorer")
        out.append("")
        out.append("| scorer | kind | G (z) [CI] | q(G) | U [CI] | γ typicality [CI] | raw gap [CI] | excess over human [CI] | pairs | prompts | MDE \\|G\\| | discrimination [CI] | scored / failed | verdict |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for result in results.scorers {
            let e = result.overall
            out.append(
                "| \(MarkdownEscaping.cell(result.scorer.name)) | \(result.scorer.kind.rawValue) | \(NumberFormat.interval(e?.gap)) | "
                    + "\(NumberFormat.p(e?.gap.qValue)) | \(NumberFormat.interval(e?.underRewardRate)) | "
                    + "\(NumberFormat.interval(e?.typicalitySlope)) | \(NumberFormat.interval(e?.rawGap)) | "
                    + "\(NumberFormat.interval(e?.excessOverHuman)) | \(e.map { String($0.pairs) } ?? "0") | "
                    + "\(e.map { String($0.prompts) } ?? "0") | \(e?.power.map { NumberFormat.fixed($0.minimumDetectableGap, 2) } ?? "—") | "
                    + "\(discrimination(result.discrimination)) | \(result.scored) / \(result.failed) | \(flag(result.verdict)) |"
            )
        }
        out.append("")
        out.append(
            "G: mean within-prompt z-score difference, atypical − modal (prompt-weighted). U: share of pairs where the atypical "
                + "answer scores lower (ties ½; 0.5 is fair). γ: within-prompt slope of the score's z on typicality (per SD), "
                + "controlling for length (and human quality when rated). **UNDER-REWARDS** means the whole CI of G is below 0, **OVER-REWARDS** above 0. "
                + "MDE: the smallest |G| this run detects with 80% power at its confidence level; a scorer not flagged is "
                + "INCONCLUSIVE when that is above 0.3, ok otherwise. q: Benjamini–Hochberg over scorers × categories. "
                + "Discrimination: within-prompt AUC of valid against invalid responses (0.5 is chance), or where nothing is invalid the "
                + "Spearman ρ of score with the human rating; **BLIND** means its interval includes chance, so the scorer's gap says nothing, "
                + "and **PREFERS-INVALID** that invalid answers score higher. A category's verdict also needs q(G) below α."
        )
        out.append("")
        if !results.pairwiseJudges.isEmpty { out += pairwiseSection(results.pairwiseJudges) }
        out += CalibrationComparisonMarkdown.render(results)
        if let human = results.humanCalibration { out += HumanCalibrationMarkdown.render(human) }
        let categories = Set(results.scorers.flatMap { $0.categories.keys }).sorted()
        let small = smallCategories(results.scorers)
        if !categories.isEmpty || !small.isEmpty { out += ["## By category", ""] }
        if !small.isEmpty {
            out.append(
                "Not estimated, with fewer prompts with pairs than a category needs: "
                    + small.map { "\(MarkdownEscaping.cell($0.name)) (\($0.prompts) \($0.prompts == 1 ? "prompt" : "prompts"))" }.joined(separator: ", ") + ".")
            out.append("")
        }
        if !categories.isEmpty {
            out.append("| scorer | category | G (z) [CI] | q(G) | U [CI] | pairs | prompts | verdict |")
            out.append("|---|---|---|---|---|---|---|---|")
            for result in results.scorers {
                for category in categories {
                    guard let e = result.categories[category] else { continue }
                    out.append(
                        "| \(MarkdownEscaping.cell(result.scorer.name)) | \(MarkdownEscaping.cell(category)) | "
                            + "\(NumberFormat.interval(e.gap)) | \(NumberFormat.p(e.gap.qValue)) | "
                            + "\(NumberFormat.interval(e.underRewardRate)) | \(e.pairs) | \(e.prompts) | \(flag(e.verdict)) |"
                    )
                }
            }
            out.append("")
        }
        out += CalibrationPromptsMarkdown.render(results)
        out += examples(results.examples)
        out += MarkdownSections.failures(results.failures, heading: "## Scoring failures")
        out += MarkdownSections.skippedRows(results.skippedRows)
        out += manifest(results.manifest)
        return out.joined(separator: "\n") + "\n"
    }

    /// A verdict in a table cell: the ones that call for action in bold; `nil` is a scorer
    /// without pairs.
    static func flag(_ verdict: GapVerdict?) -> String {
        guard let verdict else { return "no pairs" }
        switch verdict {
        case .blind, .prefersInvalid, .underRewards, .overRewards: return "**\(verdict.rawValue)**"
        case .inconclusive: return "INCONCLUSIVE"
        case .ok: return "ok"
        }
    }

    static func confidenceLabel(_ results: CalibrationResults) -> String {
        confidenceLabel(results.manifest)
    }

    /// The interval level recorded in a manifest, as `95%`.
    static func confidenceLabel(_ manifest: RunManifest) -> String {
        (manifest.parameters["confidence"].flatMap(Double.init).map { "\(Int(($0 * 100).rounded()))%" }) ?? "95%"
    }

    /// For each scorer, the pairs where the atypical answer lost most, worst first, with both answers.
    static func examples(_ examples: [CalibrationExample]) -> [String] {
        guard !examples.isEmpty else { return [] }
        var out = ["## Worst pairs", ""]
        out.append("Per scorer, the quality-matched pairs with the lowest score(atypical) − score(modal): what its under-reward looks like on real answers.")
        out.append("")
        var scorers: [String] = []
        for example in examples where !scorers.contains(example.scorer) { scorers.append(example.scorer) }
        for scorer in scorers {
            out.append("**\(MarkdownEscaping.cell(scorer))**")
            out.append("")
            out.append("| # | prompt | modal answer | score | atypical answer | score |")
            out.append("|---|---|---|---|---|---|")
            for (rank, example) in examples.filter({ $0.scorer == scorer }).enumerated() {
                out.append(
                    "| \(rank + 1) | \(MarkdownEscaping.cell(example.itemID)): \(MarkdownEscaping.cell(example.prompt)) | "
                        + "\(MarkdownEscaping.cell(example.modal.text)) | \(NumberFormat.fixed(example.modal.score)) | "
                        + "\(MarkdownEscaping.cell(example.atypical.text)) | \(NumberFormat.fixed(example.atypical.score)) |")
            }
            out.append("")
        }
        return out
    }

    /// A scorer's discrimination in a table cell: the AUC, else ρ with human ratings, else —.
    static func discrimination(_ d: ScorerDiscrimination?) -> String {
        if let auc = d?.validityAUC { return "AUC \(NumberFormat.interval(auc))" }
        if let rho = d?.humanSpearman { return "ρ \(NumberFormat.interval(rho))" }
        return "—"
    }

    /// Categories too small to estimate for some scorer, with the most prompts any scorer had.
    static func smallCategories(_ scorers: [ScorerResult]) -> [(name: String, prompts: Int)] {
        var counts: [String: Int] = [:]
        for scorer in scorers {
            for (category, prompts) in scorer.smallCategories { counts[category] = max(counts[category] ?? 0, prompts) }
        }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    static func manifest(_ manifest: RunManifest) -> [String] {
        var out = ["## Manifest", ""]
        out.append("- \(manifest.tool) \(manifest.version), started \(manifest.startedAt), finished \(manifest.finishedAt)")
        out.append("- Command: `\(manifest.command.replacingOccurrences(of: "`", with: "'"))`")
        out.append("- Dataset sha256 `\(manifest.dataset.sha256)` (\(manifest.dataset.files.count) files)")
        for rubric in manifest.rubrics { out.append("- Rubric \(rubric.id) v\(rubric.version), sha256 `\(rubric.sha256)`") }
        for scorer in manifest.scorers {
            out.append("- Scorer \(MarkdownEscaping.cell(scorer.name)): \(scorer.kind.rawValue) via \(MarkdownEscaping.cell(scorer.backend))\(scorer.model.map { ", model \(MarkdownEscaping.cell($0))" } ?? "")")
        }
        if let embedder = manifest.embedder {
            out.append("- Embedder \(embedder.name) (dimension \(embedder.dimension)); seed \(manifest.seed)")
        } else {
            out.append("- Seed \(manifest.seed)")
        }
        let timings = manifest.timings.keys.sorted().map { "\($0) \(NumberFormat.fixed(manifest.timings[$0], 1)) s" }
        out.append("- Timings: \(timings.joined(separator: ", "))")
        let counts = manifest.counts.keys.sorted().map { "\($0) \(manifest.counts[$0]!)" }
        out.append("- Counts: \(counts.joined(separator: ", "))")
        out.append("")
        return out
    }

    static func pairwiseSection(_ judges: [PairwiseJudgeResult]) -> [String] {
        var out = ["## Pairwise judges", ""]
        out.append("Each pair is judged in both orders. U: share of atypical–modal pairs (averaged over prompts) where the order-averaged verdict favours the modal answer (0.5 is fair). "
            + "First position: share of judgments that went to the answer shown first (0.5 is unbiased). Flips: pairs whose winner changed with the order. "
            + "McNemar: b pairs went to the first-shown answer both times, c to the second-shown both times.")
        out.append("")
        out.append("| judge | U [CI] | p(U) | preference for atypical [CI] | first position [CI] | flips [CI] | McNemar b / c, p | pairs (audit / human) | failed | flag |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for j in judges {
            out.append(
                "| \(MarkdownEscaping.cell(j.scorer.name)) | \(NumberFormat.interval(j.underRewardRate)) | \(NumberFormat.p(j.underRewardRate?.pValue)) | "
                    + "\(NumberFormat.interval(j.atypicalPreference)) | \(NumberFormat.interval(j.firstPositionRate)) | \(NumberFormat.interval(j.flipRate)) | "
                    + "\(j.positionTest.b) / \(j.positionTest.c), \(NumberFormat.p(j.positionTest.pValue)) | \(j.pairs) (\(j.auditPairs) / \(j.humanPairs)) | \(j.failed) | "
                    + "\(j.underRewardRate == nil ? "no pairs" : (j.flagged ? "**UNDER-REWARDS**" : "ok")) |")
        }
        out.append("")
        return out
    }
}
