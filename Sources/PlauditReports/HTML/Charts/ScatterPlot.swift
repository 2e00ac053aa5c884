/// Points in the plane with a least-squares line: a scorer's within-prompt score z against
/// the typicality of each response.
struct ScatterPlot {
    var title: String
    var xLabel: String
    var yLabel: String
    var points: [(x: Double, y: Double)]
    /// Points drawn in the warning colour (atypical answers of quality-matched pairs).
    var highlighted: Set<Int> = []

    func render() -> String {
        let left = 56.0, plot = 300.0, top = 14.0, bottom = 46.0
        var canvas = SVGCanvas(width: left + plot + 16, height: top + plot * 0.7 + bottom, title: title)
        let height = plot * 0.7
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xs = LinearScale(covering: finite.map(\.x), start: left, end: left + plot)
        let ys = LinearScale(covering: finite.map(\.y), start: top + height, end: top)
        for tick in xs.ticks {
            canvas.line(xs(tick), top, xs(tick), top + height, className: "grid")
            canvas.text(xs.label(tick), x: xs(tick), y: top + height + 15, anchor: .middle, className: "tick")
        }
        for tick in ys.ticks {
            canvas.line(left, ys(tick), left + plot, ys(tick), className: "grid")
            canvas.text(ys.label(tick), x: left - 6, y: ys(tick) + 4, anchor: .end, className: "tick")
        }
        canvas.text(xLabel, x: left + plot / 2, y: top + height + 36, anchor: .middle, className: "axis")
        canvas.text(yLabel, x: 14, y: top + height / 2, anchor: .middle, className: "axis", rotate: -90)
        for (index, point) in points.enumerated() where point.x.isFinite && point.y.isFinite {
            canvas.circle(x: xs(point.x), y: ys(point.y), radius: 2.6, className: highlighted.contains(index) ? "dot flag" : "dot")
        }
        if let fit = Self.leastSquares(finite) {
            let x0 = xs.lower, x1 = xs.upper
            canvas.line(xs(x0), ys(fit.intercept + fit.slope * x0), xs(x1), ys(fit.intercept + fit.slope * x1), className: "fit")
        }
        return canvas.render()
    }

    static func leastSquares(_ points: [(x: Double, y: Double)]) -> (slope: Double, intercept: Double)? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mx = points.map(\.x).reduce(0, +) / n
        let my = points.map(\.y).reduce(0, +) / n
        let sxx = points.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
        guard sxx > 0 else { return nil }
        let sxy = points.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) }
        return (sxy / sxx, my - sxy / sxx * mx)
    }
}
