/// Lines over ordered categories, each point with an optional interval drawn as a band: the
/// Artificial Hivemind curves of ρ from all items to ever narrower subsets.
struct SeriesChart {
    struct Series {
        var name: String
        /// One value per category; NaN breaks the line.
        var values: [Double]
        var lower: [Double]?
        var upper: [Double]?
    }

    var title: String
    var categories: [String]
    var yLabel: String
    var series: [Series]
    var reference: Double? = 0

    func render() -> String {
        let left = 56.0, plot = max(360.0, Double(categories.count) * 46), top = 14.0, height = 220.0, axis = 70.0
        let legendHeight = Double(series.count) * 18 + 8
        var canvas = SVGCanvas(width: left + plot + 20, height: top + height + axis + legendHeight, title: title)
        let all = series.flatMap { $0.values + ($0.lower ?? []) + ($0.upper ?? []) }
        let ys = LinearScale(covering: all, including: reference.map { [$0] } ?? [], start: top + height, end: top)
        let step = categories.count > 1 ? plot / Double(categories.count - 1) : 0
        func x(_ i: Int) -> Double { categories.count > 1 ? left + Double(i) * step : left + plot / 2 }
        for tick in ys.ticks {
            canvas.line(left, ys(tick), left + plot, ys(tick), className: "grid")
            canvas.text(ys.label(tick), x: left - 6, y: ys(tick) + 4, anchor: .end, className: "tick")
        }
        if let reference { canvas.line(left, ys(reference), left + plot, ys(reference), className: "reference") }
        for (i, category) in categories.enumerated() {
            canvas.text(SVGCanvas.clip(category, 14), x: x(i), y: top + height + 14, anchor: .end, className: "tick", rotate: -40)
        }
        canvas.text(yLabel, x: 14, y: top + height / 2, anchor: .middle, className: "axis", rotate: -90)
        for (s, line) in series.enumerated() {
            let palette = "series-\(s % 6)"
            for segment in Self.segments(line.values) {
                if let lower = line.lower, let upper = line.upper {
                    let band = segment.filter { lower[$0].isFinite && upper[$0].isFinite }
                    canvas.polygon(band.map { (x($0), ys(upper[$0])) } + band.reversed().map { (x($0), ys(lower[$0])) }, className: "band \(palette)")
                }
                canvas.polyline(segment.map { (x($0), ys(line.values[$0])) }, className: "line \(palette)")
            }
            for (i, value) in line.values.enumerated() where value.isFinite {
                canvas.circle(x: x(i), y: ys(value), radius: 3, className: "point \(palette)", tooltip: "\(line.name), \(categories[i]): \(NumberFormat.fixed(value))")
            }
            let legendY = top + height + axis + Double(s) * 18 + 4
            canvas.rect(x: left, y: legendY, width: 14, height: 10, className: "swatch \(palette)")
            canvas.text(line.name, x: left + 20, y: legendY + 9, className: "label")
        }
        return canvas.render()
    }

    /// Runs of consecutive indices with finite values.
    static func segments(_ values: [Double]) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        for (i, value) in values.enumerated() {
            if value.isFinite {
                current.append(i)
            } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
