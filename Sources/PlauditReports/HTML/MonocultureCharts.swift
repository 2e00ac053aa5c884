public import PlauditAudits
import PlauditCore

/// The charts of the monoculture audit's HTML report.
public enum MonocultureCharts {
    public static func figures(_ results: MonocultureResults) -> [HTMLFigure] {
        var figures: [HTMLFigure] = []
        let bins = binLabels(results.bins)
        let series = results.sides.map { side -> GroupedBars.Series in
            let total = Double(side.histogram.reduce(0, +))
            return GroupedBars.Series(name: side.name, values: side.histogram.map { total > 0 ? 100 * Double($0) / total : .nan })
        }
        if !bins.isEmpty && !series.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-monoculture-histogram", title: "Per-item positive share, source against generated.",
                caption: "Percent of items whose share of positive texts falls in each bin, one bar per side. A monoculture piles the generated bars into the last bin while the source spreads out.",
                svg: GroupedBars(title: "Histogram of per-item positive shares", categories: bins, yLabel: "% of items", series: series).render()
            ))
        }
        let shares = results.sides.map { side in
            ForestPlot.Row(label: side.name, value: side.positiveShare.value, lower: side.positiveShare.lower, upper: side.positiveShare.upper,
                           highlighted: side.name != results.sides.first?.name && side.positiveShare.lower > (results.sides.first?.positiveShare.upper ?? 1))
        }
        if !shares.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-monoculture-share", title: "Pooled positive share per side.",
                caption: "Share of positive texts with bootstrap intervals over items; the dashed line is the source's share. Red: a generated side whose whole interval lies above the source's.",
                svg: ForestPlot(title: "Positive share", axisLabel: "share positive", reference: results.sides.first?.positiveShare.value ?? 0.5,
                                rows: shares, style: .bars, limits: 0...1).render()
            ))
        }
        let premium = results.premium.compactMap { p -> ForestPlot.Row? in
            guard let slope = p.zSlope else { return nil }
            return ForestPlot.Row(label: p.scorer.name, value: slope.value, lower: slope.lower, upper: slope.upper, highlighted: slope.lower > 0)
        }
        if !premium.isEmpty {
            figures.append(HTMLFigure(
                id: "chart-monoculture-premium", title: "Positivity premium of the reward models.",
                caption: "Within-item slope of the score's z-score on the text's sentiment, with bootstrap intervals over items. Above 0: more positive texts about the same book score higher; red when the whole interval is above 0.",
                svg: ForestPlot(title: "Positivity premium (z-slope on sentiment)", axisLabel: "z-score per unit of sentiment", reference: 0, rows: premium).render()
            ))
        }
        return figures
    }

    /// `[a, b)` labels for consecutive edges, the last one closed.
    static func binLabels(_ edges: [Double]) -> [String] {
        guard edges.count >= 2 else { return [] }
        return (0..<(edges.count - 1)).map { i in
            "[\(NumberFormat.fixed(edges[i], 2)), \(NumberFormat.fixed(edges[i + 1], 2))\(i == edges.count - 2 ? "]" : ")")"
        }
    }
}
