/// Point estimates with confidence intervals, one row each, against a reference value: the
/// forest plot of the gap G, and (as bars from ½) the under-reward rate.
struct ForestPlot {
    struct Row {
        var label: String
        var value: Double
        var lower: Double
        var upper: Double
        /// Drawn in the warning colour: the scorer is flagged on this row.
        var highlighted: Bool
    }

    enum Style {
        /// A dot with an interval line.
        case points
        /// A bar from the reference value to the estimate, with an interval line.
        case bars
    }

    var title: String
    var axisLabel: String
    var reference: Double
    var rows: [Row]
    var style: Style = .points
    /// Fixed axis limits (rates live in [0, 1]); `nil` fits the data.
    var limits: ClosedRange<Double>?

    func render() -> String {
        let labelWidth = 260.0, plotWidth = 430.0, valueWidth = 170.0, rowHeight = 24.0, top = 16.0, axis = 44.0
        let height = top + Double(max(rows.count, 1)) * rowHeight + axis
        var canvas = SVGCanvas(width: labelWidth + plotWidth + valueWidth, height: height, title: title)
        let finite = rows.flatMap { [$0.value, $0.lower, $0.upper] }.filter(\.isFinite)
        let scale = limits.map { LinearScale(lower: $0.lowerBound, upper: $0.upperBound, start: labelWidth, end: labelWidth + plotWidth) }
            ?? LinearScale(covering: finite, including: [reference], start: labelWidth, end: labelWidth + plotWidth)
        let bottom = top + Double(rows.count) * rowHeight
        for tick in scale.ticks {
            canvas.line(scale(tick), top, scale(tick), bottom, className: "grid")
            canvas.text(scale.label(tick), x: scale(tick), y: bottom + 16, anchor: .middle, className: "tick")
        }
        canvas.line(scale(reference), top - 6, scale(reference), bottom, className: "reference")
        canvas.text(axisLabel, x: labelWidth + plotWidth / 2, y: bottom + 36, anchor: .middle, className: "axis")
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            canvas.text(SVGCanvas.clip(row.label, 34), x: labelWidth - 8, y: y + 4, anchor: .end)
            let tone = row.highlighted ? "flag" : "ok"
            let summary = "\(row.label): \(NumberFormat.fixed(row.value)) [\(NumberFormat.fixed(row.lower)), \(NumberFormat.fixed(row.upper))]"
            guard row.value.isFinite else {
                canvas.text("not computed", x: labelWidth + 6, y: y + 4, className: "muted")
                continue
            }
            if style == .bars {
                let from = scale(reference), to = scale(row.value)
                canvas.rect(x: min(from, to), y: y - 7, width: abs(to - from), height: 14, className: "bar \(tone)", tooltip: summary)
            }
            if row.lower.isFinite && row.upper.isFinite {
                canvas.line(scale(row.lower), y, scale(row.upper), y, className: "interval \(tone)")
                canvas.line(scale(row.lower), y - 5, scale(row.lower), y + 5, className: "interval \(tone)")
                canvas.line(scale(row.upper), y - 5, scale(row.upper), y + 5, className: "interval \(tone)")
            }
            if style == .points { canvas.circle(x: scale(row.value), y: y, radius: 4.5, className: "point \(tone)", tooltip: summary) }
            canvas.text(
                "\(NumberFormat.fixed(row.value)) [\(NumberFormat.fixed(row.lower)), \(NumberFormat.fixed(row.upper))]",
                x: labelWidth + plotWidth + 10, y: y + 4, className: "value"
            )
        }
        return canvas.render()
    }
}
