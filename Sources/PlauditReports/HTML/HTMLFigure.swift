/// One chart of a report with the sentence that says how to read it.
public struct HTMLFigure: Sendable {
    public var id: String
    public var title: String
    public var caption: String
    /// The `<svg>` element, already rendered with everything in it escaped.
    public var svg: String

    init(id: String, title: String, caption: String, svg: String) {
        self.id = id
        self.title = title
        self.caption = caption
        self.svg = svg
    }

    var html: String {
        "<figure class=\"chart-figure\" id=\"\(HTMLText.escape(id))\">\n<figcaption><strong>\(HTMLText.isolated(title))</strong> "
            + "\(HTMLText.escape(caption))</figcaption>\n<div class=\"chart-scroll\">\(svg)</div>\n</figure>"
    }
}
