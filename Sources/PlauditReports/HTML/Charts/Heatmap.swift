import Foundation

/// A grid of values with the number written in each cell: the sycophancy preference per
/// condition and scorer, error rates per context and belief, the model similarity matrix.
struct Heatmap {
    enum Colouring {
        /// Blue below `center`, red above, white at it; `radius` is the distance that is full colour.
        case diverging(center: Double, radius: Double)
        /// White at `lower` to full colour at `upper`.
        case sequential(lower: Double, upper: Double)
    }

    var title: String
    var rows: [String]
    var columns: [String]
    /// `values[row][column]`; `nil` or NaN is an empty cell.
    var values: [[Double?]]
    var colouring: Colouring
    var digits = 2

    func render() -> String {
        let labelWidth = 170.0, cell = max(46.0, min(70.0, 520.0 / Double(max(columns.count, 1)))), rowHeight = 24.0, top = 90.0
        var canvas = SVGCanvas(
            width: labelWidth + cell * Double(columns.count) + 16, height: top + rowHeight * Double(rows.count) + 8, title: title
        )
        for (c, column) in columns.enumerated() {
            canvas.text(SVGCanvas.clip(column, 18), x: labelWidth + (Double(c) + 0.5) * cell, y: top - 8, anchor: .start, className: "tick", rotate: -45)
        }
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * rowHeight
            canvas.text(SVGCanvas.clip(row, 26), x: labelWidth - 8, y: y + rowHeight / 2 + 4, anchor: .end)
            for c in columns.indices {
                let x = labelWidth + Double(c) * cell
                let value = r < values.count && c < values[r].count ? values[r][c] : nil
                guard let value, value.isFinite else {
                    canvas.rect(x: x, y: y, width: cell - 2, height: rowHeight - 2, className: "cell empty")
                    continue
                }
                canvas.rect(
                    x: x, y: y, width: cell - 2, height: rowHeight - 2, className: "cell", fill: fill(value),
                    tooltip: "\(row) × \(columns[c]): \(NumberFormat.fixed(value, 3))"
                )
                canvas.text(NumberFormat.fixed(value, digits), x: x + (cell - 2) / 2, y: y + rowHeight / 2 + 3, anchor: .middle, className: "cell-value")
            }
        }
        return canvas.render()
    }

    /// An `rgb(…)` colour for a value.
    func fill(_ value: Double) -> String {
        let (red, green, blue): (Double, Double, Double)
        switch colouring {
        case .diverging(let center, let radius):
            let t = max(-1, min(1, (value - center) / max(radius, 1e-12)))
            red = t > 0 ? 255 : 255 + t * (255 - 66)
            green = 255 - abs(t) * (255 - (t > 0 ? 96 : 133))
            blue = t > 0 ? 255 - t * (255 - 88) : 255
        case .sequential(let lower, let upper):
            let t = max(0, min(1, (value - lower) / max(upper - lower, 1e-12)))
            red = 255 - t * (255 - 49)
            green = 255 - t * (255 - 104)
            blue = 255 - t * (255 - 155)
        }
        return "rgb(\(Int(red.rounded())),\(Int(green.rounded())),\(Int(blue.rounded())))"
    }
}
