public import PlauditAudits
import PlauditCore

/// The charts of the homogeneity report.
public enum HomogeneityCharts {
    public static func figures(_ results: HomogeneityResults) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        if !results.models.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-homogeneity-histogram", title: "Mean pairwise similarity per prompt.",
                caption: "Percent of prompts whose generations have a mean pairwise cosine in each bin, per model (the Artificial Hivemind histogram). Mass in the right-hand bins means the model says nearly the same thing every time.",
                svg: GroupedBars(title: "Histogram of per-prompt mean pairwise cosine", categories: results.method.histogramBins, yLabel: "% of prompts",
                                 series: results.models.map { GroupedBars.Series(name: $0.model, values: $0.histogramPercent) }).render()
            ))
            figures.append(HTMLFigure(
                id: "chart-homogeneity-mean", title: "Mean pairwise cosine per model.",
                caption: "Mean over prompts of the within-prompt mean pairwise cosine, with bootstrap intervals over prompts.",
                svg: ForestPlot(
                    title: "Mean pairwise cosine", axisLabel: "cosine", reference: results.method.highSimilarityCut,
                    rows: results.models.map { .init(label: $0.model, value: $0.meanCosine.value, lower: $0.meanCosine.lower, upper: $0.meanCosine.upper,
                                                     highlighted: $0.meanCosine.lower >= results.method.highSimilarityCut) },
                    limits: -0.1...1
                ).render()
            ))
        }
        let matrix = results.similarity
        if matrix.models.count >= 2 {
            figures.append(HTMLFigure(
                id: "chart-homogeneity-matrix", title: "Similarity between models.",
                caption: "Mean cosine between generations of two models for the same prompt, over cross pairs only (a model's own pairs are left out). Darker is more alike.",
                svg: Heatmap(title: "Model similarity matrix", rows: matrix.models, columns: matrix.models, values: matrix.values,
                             colouring: .sequential(lower: 0, upper: 1)).render()
            ))
        }
        return figures
    }
}
