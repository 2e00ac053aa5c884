public import PlauditAudits
import PlauditCore
import Foundation

/// The short summary `plaudit homogeneity` prints on standard output: one line per model, then
/// the nearest-neighbour mixing.
public enum HomogeneityConsoleTable {
    public static func render(_ results: HomogeneityResults) -> String {
        let cut = NumberFormat.fixed(results.method.highSimilarityCut, 1)
        let header = ["model", "prompts", "mean cosine [95% CI]", "share >= \(cut) [95% CI]", "distinct-k", "modal share"]
        var rows = [header]
        for model in results.models {
            rows.append([
                model.model, String(model.prompts), NumberFormat.interval(model.meanCosine, 3), NumberFormat.interval(model.highSimilarityShare, 2),
                NumberFormat.fixed(model.meanDistinct, 2), NumberFormat.fixed(model.meanModalShare, 2),
            ])
        }
        var text = ConsoleColumns.align(rows)
        let mixing = results.mixing.map {
            "N=\($0.neighbours): mean \(NumberFormat.fixed($0.mean, 2)), median \(NumberFormat.fixed($0.median, 2)) (random \(NumberFormat.fixed($0.randomMean, 2)))"
        }
        text += "distinct models among nearest neighbours: " + mixing.joined(separator: "; ") + "\n"
        let off = results.similarity.values.enumerated().flatMap { a, row in row.enumerated().compactMap { b, v in a == b ? nil : v } }
        if let low = off.min(), let high = off.max() {
            text += "between models (cross pairs only): \(NumberFormat.fixed(low)) to \(NumberFormat.fixed(high))\n"
        }
        return text
    }
}
