import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

/// Model text with bidirectional controls, control characters and markup: in report.md and
/// report.html it stays text, shows what it holds, and cannot reorder what follows it.
@Suite("Report hygiene: bidirectional controls isolated, control characters visible")
struct ReportHygieneTests {
    static let fsi = "\u{2068}"
    static let pdi = "\u{2069}"
    static let pdf = "\u{202C}"
    static let rlo = "\u{202E}"
    static let lri = "\u{2066}"

    // MARK: - Markdown

    @Test("an override left open (RLO) is closed with PDF and the text isolated in FSI … PDI")
    func rightToLeftOverride() {
        #expect(MarkdownEscaping.cell("abc\(Self.rlo)def") == "\(Self.fsi)abc\(Self.rlo)def\(Self.pdf)\(Self.pdi)")
        // Closed by the text itself: nothing to add but the isolate.
        #expect(MarkdownEscaping.cell("a\(Self.rlo)b\(Self.pdf)c") == "\(Self.fsi)a\(Self.rlo)b\(Self.pdf)c\(Self.pdi)")
    }

    @Test("an isolate left open (LRI U+2066) is closed with PDI before the wrapper's PDI")
    func unbalancedIsolate() {
        #expect(MarkdownEscaping.cell("x\(Self.lri)y") == "\(Self.fsi)x\(Self.lri)y\(Self.pdi)\(Self.pdi)")
        // Nested: isolate inside an embedding inside an isolate, closed innermost first.
        #expect(
            MarkdownEscaping.cell("\(Self.lri)a\u{202B}b\u{2067}c")
                == "\(Self.fsi)\(Self.lri)a\u{202B}b\u{2067}c\(Self.pdi)\(Self.pdf)\(Self.pdi)\(Self.pdi)")
        // A PDI ends the embeddings opened inside its isolate: nothing left to close.
        #expect(MarkdownEscaping.cell("\(Self.lri)\(Self.rlo)x\(Self.pdi)y") == "\(Self.fsi)\(Self.lri)\(Self.rlo)x\(Self.pdi)y\(Self.pdi)")
    }

    @Test("a PDI with no isolate of the text's own is dropped: it would close the wrapper and let the override out")
    func strayPopIsolate() {
        #expect(MarkdownEscaping.cell("a\(Self.pdi)\(Self.rlo)b") == "\(Self.fsi)a\(Self.rlo)b\(Self.pdf)\(Self.pdi)")
    }

    @Test("marks (LRM, RLM, ALM) isolate the text too; text without controls is left as it is")
    func marks() {
        #expect(MarkdownEscaping.cell("x\u{200F}1") == "\(Self.fsi)x\u{200F}1\(Self.pdi)")
        #expect(MarkdownEscaping.cell("\u{61C}") == "\(Self.fsi)\u{61C}\(Self.pdi)")
        #expect(MarkdownEscaping.cell("שלום عالم plain") == "שלום عالم plain")
    }

    @Test("NUL, BEL, ESC sequences, DEL and C1 controls are shown as visible stand-ins; tab stays")
    func controls() {
        #expect(MarkdownEscaping.cell("a\u{0}b\u{7}c") == "a\u{2400}b\u{2407}c")
        #expect(MarkdownEscaping.cell("\u{1B}[31mred\u{1B}[0m") == "\u{241B}\\[31mred\u{241B}\\[0m")
        #expect(MarkdownEscaping.cell("d\u{7F}e\u{9B}f\u{80}") == "d\u{2421}e\\x9Bf\\x80")
        #expect(MarkdownEscaping.cell("tab\there") == "tab\there")
        #expect(MarkdownEscaping.cell("\u{1}\u{1F}") == "\u{2401}\u{241F}")
        for scalar in (0...0x9F).compactMap(Unicode.Scalar.init) where ![0x09, 0x0A, 0x0D, 0x85].contains(scalar.value) && (scalar.value < 0x20 || scalar.value >= 0x7F) {
            let cell = MarkdownEscaping.cell("x\(Character(scalar))y")
            #expect(!cell.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "U+\(String(scalar.value, radix: 16)) passed through")
        }
    }

    @Test("markup stays text; a backslash of the text's own never escapes what the writer puts next")
    func markupAndBackslashes() {
        #expect(MarkdownEscaping.cell("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(MarkdownEscaping.cell("a\\|b") == "a\\\\\\|b")
        #expect(MarkdownEscaping.cell("C:\\dir") == "C:\\dir")
        #expect(MarkdownEscaping.cell("ends\\") == "ends\\\\")
        // Through plaudit's own table reader: one cell, the text as written.
        let html = MarkdownHTML.render("| a | b |\n|---|---|\n| \(MarkdownEscaping.cell("x\\|y")) | \(MarkdownEscaping.cell("z\\")) |")
        #expect(html.contains("<tr><td>x\\|y</td><td>z\\</td></tr>"), "\(html)")
    }

    @Test("every payload at once, in a table cell: one exact line")
    func everything() {
        let payload = "\(Self.rlo)evil \(Self.lri)open\u{0}\u{7}\u{1B}[31m<script>x</script>"
        #expect(
            MarkdownEscaping.cell(payload)
                == "\(Self.fsi)\(Self.rlo)evil \(Self.lri)open\u{2400}\u{2407}\u{241B}\\[31m&lt;script&gt;x&lt;/script&gt;\(Self.pdi)\(Self.pdf)\(Self.pdi)")
    }

    // MARK: - HTML

    @Test("the HTML converter turns FSI … PDI into <bdi>, keeps LRI/RLI as characters, drops a stray PDI, closes what is open")
    func htmlIsolates() {
        #expect(MarkdownHTML.inline("\(Self.fsi)a\(Self.rlo)b\(Self.pdf)\(Self.pdi): c") == "<bdi>a\(Self.rlo)b\(Self.pdf)</bdi>: c")
        #expect(MarkdownHTML.inline("\(Self.fsi)x\(Self.lri)y\(Self.pdi)\(Self.pdi) z") == "<bdi>x\(Self.lri)y\(Self.pdi)</bdi> z")
        #expect(MarkdownHTML.inline("a\(Self.pdi)b") == "ab")
        #expect(MarkdownHTML.inline("**\(Self.fsi)open") == "<strong><bdi>open</bdi></strong>")
        #expect(MarkdownHTML.inline("\(Self.lri)x") == "\(Self.lri)x\(Self.pdi)")
    }

    @Test("HTMLText.isolated: <bdi> and balanced controls only when the text has controls")
    func htmlIsolated() {
        #expect(HTMLText.isolated("rm<1>") == "rm&lt;1&gt;")
        #expect(HTMLText.isolated("rm\(Self.rlo)x\(Self.pdi)") == "<bdi>rm\(Self.rlo)x\(Self.pdf)</bdi>")
    }

    @Test("chart labels (SVG has no <bdi>) are isolated with FSI … PDI, controls visible")
    func svgLabels() {
        let plot = ForestPlot(title: "G", axisLabel: "z", reference: 0, rows: [
            .init(label: "rm\(Self.rlo)x\u{0}", value: -0.4, lower: -0.6, upper: -0.2, highlighted: true),
        ]).render()
        #expect(plot.contains(">\(Self.fsi)rm\(Self.rlo)x\u{2400}\(Self.pdf)\(Self.pdi)</text>"), "\(plot)")
        #expect(!plot.contains("\u{0}"))
    }

    @Test("a chart label made of a scorer name and a category isolates each, so one's override cannot reverse the other")
    func compositeChartLabels() throws {
        var results = Fixtures.results()
        results.scorers[0].scorer.name = "rm\(Self.rlo)x"
        results.scorers[0].categories = ["c\(Self.rlo)at": Fixtures.flaggedGap]
        let gap = try #require(CalibrationCharts.figures(results).first { $0.id == "chart-gap" })
        let label = "\(Self.fsi)\(Self.fsi)rm\(Self.rlo)x\(Self.pdf)\(Self.pdi) · \(Self.fsi)c\(Self.rlo)at\(Self.pdf)\(Self.pdi)\(Self.pdi)"
        #expect(gap.svg.contains(">\(label)</text>"), "\(gap.svg)")
    }

    /// The calibration report with a hostile example: the item id carries an open override
    /// (the prompt follows it on the same line) and the atypical answer every payload.
    static func hostileResults() -> CalibrationResults {
        var results = Fixtures.results(examples: Fixtures.examples)
        results.examples[0].itemID = "i1\(Self.rlo)evil"
        results.examples[0].atypical.text = "\(Self.lri)open\u{0}\u{7}\u{1B}[31m<script>x</script>"
        return results
    }

    @Test("report.md: the worst-pair row, exactly; no raw control character anywhere")
    func calibrationMarkdown() throws {
        let markdown = CalibrationMarkdown.render(Self.hostileResults())
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(
            "| 1 | \(Self.fsi)i1\(Self.rlo)evil\(Self.pdf)\(Self.pdi): Write \\| a poem &lt;b&gt;now&lt;/b&gt; | Roses are red | 2.500 | "
                + "\(Self.fsi)\(Self.lri)open\u{2400}\u{2407}\u{241B}\\[31m&lt;script&gt;x&lt;/script&gt;\(Self.pdi)\(Self.pdi) | -0.500 |"))
        #expect(!markdown.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }

    @Test("report.html: the same text inside <bdi>, the prompt after it outside; no NUL, no script element")
    func calibrationHTML() throws {
        let html = AnyResults.calibration(Self.hostileResults()).html
        #expect(html.contains("<td><bdi>i1\(Self.rlo)evil\(Self.pdf)</bdi>: Write | a poem &lt;b&gt;now&lt;/b&gt;</td>"), "\(html)")
        #expect(html.contains("<td><bdi>\(Self.lri)open\u{2400}\u{2407}\u{241B}[31m&lt;script&gt;x&lt;/script&gt;\(Self.pdi)</bdi></td>"))
        #expect(!html.contains("\u{0}"))
        #expect(!html.contains("<script"))
    }
}
