import Foundation

/// Collects SVG elements for one chart and writes the `<svg>` element. Every text that goes
/// in is escaped, and isolated when it carries bidirectional controls (SVG has no `<bdi>`:
/// the FSI … PDI characters of ``BidiIsolation`` do the same there); numbers are written
/// with two decimals so output is stable across runs.
struct SVGCanvas {
    let width: Double
    let height: Double
    /// What the chart shows, for screen readers and the tooltip of the whole figure.
    let title: String
    private(set) var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.2f", value)
        let trimmed = text.hasSuffix(".00") ? String(text.dropLast(3)) : text
        return trimmed == "-0" ? "0" : trimmed
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) {
        elements.append(
            "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
        )
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String? = nil, tooltip: String? = nil) {
        let style = fill.map { " style=\"fill:\($0)\"" } ?? ""
        let body = "<rect class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\"\(style)"
        elements.append(tooltip.map { body + "><title>\(HTMLText.escape(BidiIsolation.isolate($0)))</title></rect>" } ?? body + "/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, className: String, tooltip: String? = nil) {
        let body = "<circle class=\"\(className)\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\""
        elements.append(tooltip.map { body + "><title>\(HTMLText.escape(BidiIsolation.isolate($0)))</title></circle>" } ?? body + "/>")
    }

    mutating func polyline(_ points: [(Double, Double)], className: String) {
        guard points.count >= 2 else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append("<polyline class=\"\(className)\" points=\"\(list)\"/>")
    }

    mutating func polygon(_ points: [(Double, Double)], className: String) {
        guard points.count >= 3 else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append("<polygon class=\"\(className)\" points=\"\(list)\"/>")
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, className: String = "label", rotate: Double? = nil) {
        let transform = rotate.map { " transform=\"rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))\"" } ?? ""
        elements.append(
            "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\"\(transform)>\(HTMLText.escape(BidiIsolation.isolate(content)))</text>"
        )
    }

    /// Shortens a label to at most `limit` characters, with an ellipsis.
    static func clip(_ label: String, _ limit: Int) -> String {
        label.count <= limit ? label : String(label.prefix(max(1, limit - 1))) + "…"
    }

    func render() -> String {
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" aria-label=\"\(HTMLText.escape(BidiIsolation.isolate(title)))\">"
            + "<title>\(HTMLText.escape(BidiIsolation.isolate(title)))</title>" + elements.joined() + "</svg>"
    }
}
