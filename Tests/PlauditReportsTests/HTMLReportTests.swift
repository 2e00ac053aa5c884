import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

@Suite("HTML report: escaping, Markdown conversion, chart geometry, results of any schema")
struct HTMLReportTests {
    /// Tag names and attributes the Markdown converter may produce; anything else in its output
    /// came from the input.
    static let allowedTags: Set<String> = ["p", "ul", "li", "h1", "h2", "h3", "h4", "div", "table", "thead", "tbody", "tr", "th", "td", "strong", "em", "code", "br", "bdi"]

    static func tags(in html: String) -> [(name: String, attributes: String)] {
        var out: [(String, String)] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else {
                out.append(("<unclosed>", String(after)))
                break
            }
            let inside = after[..<close].trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let name = inside.prefix { $0.isLetter || $0.isNumber }.lowercased()
            out.append((name, String(inside.dropFirst(name.count))))
            rest = after[after.index(after: close)...]
        }
        return out
    }

    @Test("HTMLText.escape leaves no markup character and shows control characters as visible stand-ins")
    func escape() {
        #expect(HTMLText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{0}b\u{7}c\td\ne\r\nf\u{85}") == "a\u{2400}b\u{2407}c\td\ne\n\nf\n")
        #expect(HTMLText.escape("\u{1B}[1m\u{7F}\u{9B}\u{FFFE}") == "\u{241B}[1m\u{2421}\\x9B")
        #expect(HTMLText.escape("plain — ü 1.5") == "plain — ü 1.5")
    }

    @Test("Markdown from the report writers: headings, lists, tables, bold, code, escapes and references")
    func markdown() {
        let html = MarkdownHTML.render("""
            # Title *x*

            Intro with **bold** and `a<b>` and \\| and &lt;tag&gt;.
            - one
            - two \\*not bold\\*

            | a | b \\| c |
            |---|---|
            | 1 | `x|y` |
            """)
        #expect(html.contains(#"<h1 id="title-x">Title <em>x</em></h1>"#))
        #expect(html.contains("<p>Intro with <strong>bold</strong> and <code>a&lt;b&gt;</code> and | and &lt;tag&gt;.</p>"))
        #expect(html.contains("<ul>\n<li>one</li>\n<li>two *not bold*</li>\n</ul>"))
        #expect(html.contains("<thead><tr><th>a</th><th>b | c</th></tr></thead>"))
        // A pipe inside a code span still splits a GFM row; the writers never put one there.
        #expect(html.contains("<tr><td>1</td><td>"))
    }

    @Test("any input gives only the converter's own tags, and attributes only its ids and classes", arguments: 0..<3)
    func fuzz(seed: Int) {
        let pieces = ["<", ">", "&", "\"", "'", "`", "*", "**", "\\", "|", "#", "- ", "\n", "\n\n", "&lt;", "&amp;", "&#39;", "&#x3c;", "script",
                      "onerror=", "javascript:", "</svg>", "<img src=x>", "a", " ", "|---|", "## ", "[x](y)", "\u{0}", "é",
                      "\u{2068}", "\u{2069}", "\u{2066}", "\u{202E}"]
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let html = MarkdownHTML.render(text)
            for tag in Self.tags(in: html) {
                #expect(Self.allowedTags.contains(tag.name), "tag \(tag.name) from \(text.debugDescription)")
                let attributes = tag.attributes.trimmingCharacters(in: .whitespaces)
                #expect(attributes.isEmpty || attributes.hasPrefix("id=\"") || attributes == "class=\"table\"", "\(attributes) from \(text.debugDescription)")
            }
            if text.contains("&#x3c;") { #expect(html.contains("&amp;#x3c;"), "a reference the writers never emit is escaped") }
            #expect(html.components(separatedBy: "<bdi>").count == html.components(separatedBy: "</bdi>").count, "unbalanced <bdi> from \(text.debugDescription)")
        }
    }

    @Test("scales: round ticks that cover the data and the reference; tick labels with the digits the step needs")
    func scales() {
        let scale = LinearScale(covering: [-1.3, 0.42], including: [0], start: 0, end: 100)
        #expect(abs(scale.lower + 1.4) < 1e-12 && abs(scale.upper - 0.6) < 1e-12, "step 0.2: \(scale.lower) to \(scale.upper)")
        #expect(scale.ticks.count >= 4 && scale.ticks.contains(0))
        #expect(scale(scale.lower) == 0 && scale(scale.upper) == 100)
        #expect(scale.label(-1.2) == "-1.2")
        let rates = LinearScale(lower: 0, upper: 1, start: 0, end: 10)
        #expect(rates.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0] || rates.ticks.map { ($0 * 10).rounded() } == [0, 2, 4, 6, 8, 10])
        #expect(rates.ticks.map(rates.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(rates(2) == 10, "values outside the limits are clamped to the plot")
        let flat = LinearScale(covering: [3, 3], start: 0, end: 1)
        #expect(flat.lower < 3 && flat.upper > 3)
    }

    @Test("a forest plot has one point and one interval per row, red rows where flagged, labels escaped")
    func forest() {
        let plot = ForestPlot(title: "G", axisLabel: "z", reference: 0, rows: [
            .init(label: "<b>rm</b>", value: -0.4, lower: -0.6, upper: -0.2, highlighted: true),
            .init(label: "judge", value: 0.1, lower: -0.1, upper: 0.3, highlighted: false),
            .init(label: "empty", value: .nan, lower: .nan, upper: .nan, highlighted: false),
        ]).render()
        #expect(plot.components(separatedBy: "<circle").count - 1 == 2)
        #expect(plot.components(separatedBy: "class=\"point flag\"").count - 1 == 1)
        #expect(plot.contains("&lt;b&gt;rm&lt;/b&gt;") && !plot.contains("<b>"))
        #expect(plot.contains("not computed"))
        #expect(plot.hasPrefix("<svg class=\"chart\"") && plot.hasSuffix("</svg>"))
    }

    @Test("heatmap colours: white at the centre, red above, blue below; empty cells for missing values")
    func heatmap() {
        let map = Heatmap(title: "t", rows: ["a"], columns: ["x", "y", "z", "w"], values: [[0.5, 1.0, 0.0, nil]], colouring: .diverging(center: 0.5, radius: 0.5))
        #expect(map.fill(0.5) == "rgb(255,255,255)")
        #expect(map.fill(1.0) == "rgb(255,96,88)")
        #expect(map.fill(0.0) == "rgb(66,133,255)")
        #expect(map.fill(7) == map.fill(1.0), "clamped")
        #expect(map.render().contains("class=\"cell empty\""))
        let sequential = Heatmap(title: "t", rows: [], columns: [], values: [], colouring: .sequential(lower: 0, upper: 1))
        #expect(sequential.fill(0) == "rgb(255,255,255)" && sequential.fill(1) == "rgb(49,104,155)")
    }

    @Test("scatter points are within-prompt z-scores of valid scored responses; atypical answers of pairs are marked")
    func scatter() {
        var results = Fixtures.results()
        results.prompts[0].scores = ["rm-flagged": [3, 1, 1]]
        results.prompts[1].scores = ["rm-flagged": [nil, 2, 4, 9]]
        let (points, atypical) = CalibrationCharts.scatterPoints(results, scorer: "rm-flagged")
        // Prompt 1: z of (3, 1, 1) = (1.1547, −0.5774, −0.5774); prompt 2: response 0 unscored,
        // response 3 invalid, so only (2, 4) → (−0.7071, 0.7071).
        #expect(points.count == 5)
        #expect(abs(points[0].y - 1.1547005383792517) < 1e-12 && abs(points[2].y + 0.5773502691896258) < 1e-12)
        #expect(points[0].x == 0.9 && points[3].x == 0.7)
        #expect(abs(points[3].y + 0.7071067811865476) < 1e-12)
        #expect(atypical == [2], "i1's response 2 is the atypical side of its pair; i2's atypical answer is unscored")
    }

    @Test("every schema renders; the page holds the charts, the report's tables and no script")
    func anySchema() throws {
        let calibration = try AnyResults(data: ResultsFile.encode(Fixtures.results(examples: Fixtures.examples)))
        guard case .calibration = calibration else { Issue.record("not calibration"); return }
        let html = calibration.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<script"))
        #expect(html.contains("id=\"chart-gap\"") && html.contains("id=\"chart-under-reward\""))
        #expect(html.contains("<h2 id=\"summary-by-scorer\">Summary by scorer</h2>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile example answer, as text")
        #expect(html.range(of: "<h1")!.lowerBound < html.range(of: "id=\"charts\"")!.lowerBound, "title first, then the charts")
        let sycophancy = try AnyResults(data: ResultsFile.encode(SycophancyReportTests.results()))
        #expect(sycophancy.html.contains("id=\"chart-sycophancy-heatmap\""))
        #expect(sycophancy.markdown == SycophancyMarkdown.render(SycophancyReportTests.results()))
    }

    @Test("files that are not plaudit results say why")
    func readErrors() throws {
        func message(_ text: String) -> String {
            do {
                _ = try AnyResults(data: Data(text.utf8))
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("[1]") == "not a JSON object: the top level is not an object")
        #expect(message("{") .hasPrefix("not a JSON object: "))
        #expect(message(#"{"a": 1}"#) == "schema: missing; is this a plaudit results.json?")
        #expect(message(#"{"schema": "other/1"}"#).hasPrefix("schema: 'other/1' is not one plaudit renders (known: plaudit.calibration/1, "))
        var object = try JSONSerialization.jsonObject(with: ResultsFile.encode(Fixtures.results())) as! [String: Any]
        var scorers = object["scorers"] as! [[String: Any]]
        scorers[1]["scored"] = nil
        object["scorers"] = scorers
        #expect(message(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            == "not a valid plaudit.calibration/1 file: scorers[1].scored: missing")
    }
}
