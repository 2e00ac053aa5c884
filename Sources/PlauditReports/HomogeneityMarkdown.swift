public import PlauditAudits
import PlauditCore
import Foundation

/// `report.md` for `plaudit homogeneity`: caveats first, then the per-model histogram, the
/// similarity matrix, nearest-neighbour mixing, distinct answers, the prompts and the manifest.
public enum HomogeneityMarkdown {
    /// Per-(prompt, model) rows are listed only up to this many; results.json has them all.
    static let detailRows = 300

    public static func render(_ results: HomogeneityResults) -> String {
        let method = results.method
        let percent = "\(Int((method.confidence * 100).rounded()))%"
        var out: [String] = []
        out.append("# plaudit homogeneity")
        out.append("")
        out.append(
            "How alike are generations within a model and across models? Cosine similarity of \(MarkdownEscaping.cell(results.manifest.embedder?.name ?? "—")) "
                + "embeddings; intervals are \(percent) bootstrap intervals over prompts."
        )
        out.append("")
        if !results.notes.isEmpty {
            out.append("**Read first**")
            out.append("")
            for note in results.notes { out.append("- \(MarkdownEscaping.cell(note))") }
            out.append("")
        }
        let generations = results.prompts.reduce(0) { $0 + $1.poolSize }
        out.append("- \(results.prompts.count) prompts, \(results.models.count) models, \(generations) generations")
        out.append(
            "- distinct-k: greedy equivalence classes at cosine ≥ \(NumberFormat.fixed(method.equivalenceThreshold, 2)); "
                + "nearest neighbours N = \(method.neighbourCounts.map(String.init).joined(separator: ", "))"
        )
        out.append("")

        out.append("## Within-model similarity")
        out.append("")
        out.append(
            "Per (model, prompt): the mean cosine over distinct pairs of the model's generations. The histogram gives the percent of the "
                + "model's prompts per bin; bins are [k/10, (k+1)/10), the last one closed at 1.0 (a mean below 0 counts in the first bin)."
        )
        out.append("")
        out.append(
            "| model | prompts | generations | mean cosine [CI] | share ≥ \(NumberFormat.fixed(method.highSimilarityCut, 1)) [CI] | "
                + method.histogramBins.joined(separator: " | ") + " |"
        )
        out.append("|---|---|---|---|---|" + String(repeating: "---|", count: method.histogramBins.count))
        for model in results.models {
            out.append(
                "| \(MarkdownEscaping.cell(model.model)) | \(model.prompts) | \(model.generations) | \(NumberFormat.interval(model.meanCosine)) | "
                    + "\(NumberFormat.interval(model.highSimilarityShare)) | "
                    + model.histogramPercent.map { NumberFormat.fixed($0, 1) }.joined(separator: " | ") + " |"
            )
        }
        if results.models.count > 1 {
            let averages = results.models[0].histogramPercent.indices.map { k in
                results.models.reduce(0.0) { $0 + $1.histogramPercent[k] } / Double(results.models.count)
            }
            out.append("| average | | | | | " + averages.map { NumberFormat.fixed($0, 1) }.joined(separator: " | ") + " |")
        }
        out.append("")

        out += matrix(results.similarity)
        out += mixing(results.mixing)
        out += distinct(results)
        out += prompts(results)
        out += CalibrationMarkdown.manifest(results.manifest)
        return out.joined(separator: "\n") + "\n"
    }

    static func matrix(_ similarity: ModelSimilarityMatrix) -> [String] {
        var out = ["## Similarity between models", ""]
        out.append(
            "Off the diagonal: per prompt the mean cosine over all cross pairs of the two models' generations, then the mean over the "
                + "prompts both answered; no generation is ever paired with itself. The diagonal is the model's own mean over distinct "
                + "pairs (unlike the paper's heatmap, whose diagonal includes self pairs of cosine 1)."
        )
        out.append("")
        out.append("| | " + similarity.models.map(MarkdownEscaping.cell).joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---|", count: similarity.models.count))
        for (a, name) in similarity.models.enumerated() {
            out.append("| \(MarkdownEscaping.cell(name)) | " + similarity.values[a].map { NumberFormat.fixed($0) }.joined(separator: " | ") + " |")
        }
        out.append("")
        return out
    }

    static func mixing(_ mixing: [NeighbourMixing]) -> [String] {
        var out = ["## Nearest-neighbour model mixing", ""]
        out.append(
            "Per prompt, every model's generations are pooled; for each generation, the number of distinct models among its N most "
                + "similar others, averaged over the pool. Mean and median over prompts. \"Random\" is the exact expectation if the N "
                + "neighbours were drawn at random from the pool: the value for models that are perfectly mixed."
        )
        out.append("")
        out.append("| N | mean distinct models | median | random | prompts where N was capped at pool − 1 |")
        out.append("|---|---|---|---|---|")
        for entry in mixing {
            out.append(
                "| \(entry.neighbours) | \(NumberFormat.fixed(entry.mean, 2)) | \(NumberFormat.fixed(entry.median, 2)) | "
                    + "\(NumberFormat.fixed(entry.randomMean, 2)) | \(entry.cappedPrompts) |"
            )
        }
        out.append("")
        return out
    }

    static func distinct(_ results: HomogeneityResults) -> [String] {
        var out = ["## Distinct answers and modal share", ""]
        out.append(
            "distinct-k: generations walked in data order, each joining the first class whose first member has cosine ≥ "
                + "\(NumberFormat.fixed(results.method.equivalenceThreshold, 2)) with it. Modal share: the largest class over the generations."
        )
        out.append("")
        out.append("| model | mean distinct-k | mean modal share |")
        out.append("|---|---|---|")
        for model in results.models {
            out.append("| \(MarkdownEscaping.cell(model.model)) | \(NumberFormat.fixed(model.meanDistinct, 2)) | \(NumberFormat.fixed(model.meanModalShare, 3)) |")
        }
        out.append("")
        return out
    }

    static func prompts(_ results: HomogeneityResults) -> [String] {
        var out = ["## Prompts", ""]
        let counts = results.method.neighbourCounts
        out.append(
            "Pooled over all models: the equivalence classes' sizes (largest first) and the modal share (largest class / pool size)."
        )
        out.append("")
        out.append("| prompt | pool | classes | modal share | class sizes | " + counts.map { "models in \($0)-NN" }.joined(separator: " | ") + " |")
        out.append("|---|---|---|---|---|" + String(repeating: "---|", count: counts.count))
        for prompt in results.prompts {
            let sizes = prompt.classSizes.prefix(8).map(String.init).joined(separator: ", ") + (prompt.classSizes.count > 8 ? ", …" : "")
            out.append(
                "| \(MarkdownEscaping.cell(prompt.itemID)) | \(prompt.poolSize) | \(prompt.classSizes.count) | \(NumberFormat.fixed(prompt.modalShare, 3)) | "
                    + "\(sizes) | " + prompt.mixing.map { NumberFormat.fixed($0.meanModels, 2) }.joined(separator: " | ") + " |"
            )
        }
        out.append("")
        let rows = results.prompts.reduce(0) { $0 + $1.models.count }
        out.append("### Per prompt and model")
        out.append("")
        guard rows <= detailRows else {
            out.append("\(rows) rows: see `prompts` in results.json.")
            out.append("")
            return out
        }
        out.append("| prompt | model | generations | mean cosine | distinct-k | modal share | class sizes |")
        out.append("|---|---|---|---|---|---|---|")
        for prompt in results.prompts {
            for model in prompt.models {
                out.append(
                    "| \(MarkdownEscaping.cell(prompt.itemID)) | \(MarkdownEscaping.cell(model.model)) | \(model.generations) | "
                        + "\(NumberFormat.fixed(model.meanCosine)) | \(model.distinct) | \(NumberFormat.fixed(model.modalShare, 3)) | "
                        + model.classSizes.map(String.init).joined(separator: ", ") + " |"
                )
            }
        }
        out.append("")
        return out
    }
}
