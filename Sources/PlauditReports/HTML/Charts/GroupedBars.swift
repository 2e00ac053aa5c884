/// Bars per category, one per series side by side: histograms of source against generated
/// texts, or of one model's prompts over the similarity bins.
struct GroupedBars {
    struct Series {
        var name: String
        var values: [Double]
    }

    var title: String
    var categories: [String]
    var yLabel: String
    var series: [Series]

    func render() -> String {
        let left = 56.0, group = max(44.0, Double(series.count) * 16 + 14), top = 14.0, height = 200.0, axis = 56.0
        let plot = group * Double(max(categories.count, 1))
        let legendHeight = Double(series.count) * 18 + 8
        var canvas = SVGCanvas(width: left + plot + 20, height: top + height + axis + legendHeight, title: title)
        let ys = LinearScale(covering: series.flatMap(\.values), including: [0], start: top + height, end: top)
        for tick in ys.ticks {
            canvas.line(left, ys(tick), left + plot, ys(tick), className: "grid")
            canvas.text(ys.label(tick), x: left - 6, y: ys(tick) + 4, anchor: .end, className: "tick")
        }
        canvas.text(yLabel, x: 14, y: top + height / 2, anchor: .middle, className: "axis", rotate: -90)
        let barWidth = (group - 10) / Double(max(series.count, 1))
        for (c, category) in categories.enumerated() {
            let x0 = left + Double(c) * group + 5
            for (s, line) in series.enumerated() where c < line.values.count {
                let value = line.values[c]
                guard value.isFinite else { continue }
                canvas.rect(
                    x: x0 + Double(s) * barWidth, y: ys(max(value, 0)), width: barWidth - 1, height: abs(ys(0) - ys(value)),
                    className: "bar series-\(s % 6)", tooltip: "\(line.name), \(category): \(NumberFormat.fixed(value, 2))"
                )
            }
            canvas.text(SVGCanvas.clip(category, 12), x: x0 + (group - 10) / 2, y: top + height + 14, anchor: .end, className: "tick", rotate: -35)
        }
        canvas.line(left, ys(0), left + plot, ys(0), className: "axis-line")
        for (s, line) in series.enumerated() {
            let legendY = top + height + axis + Double(s) * 18 + 4
            canvas.rect(x: left, y: legendY, width: 14, height: 10, className: "swatch series-\(s % 6)")
            canvas.text(line.name, x: left + 20, y: legendY + 9, className: "label")
        }
        return canvas.render()
    }
}
