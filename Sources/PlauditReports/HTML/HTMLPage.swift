/// A self-contained report page: inline CSS, inline SVG, no script, no font, no network.
///
/// A Content-Security-Policy forbids every script, style sheet or fetch other than the
/// inline styles, so even text that escaped escaping could not run or phone home.
enum HTMLPage {
    static func render(title: String, figures: [HTMLFigure], markdown: String) -> String {
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLText.escape(title))</title>",
            "<style>\(style)</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        // The report's title and opening paragraphs, then the charts, then its sections.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let firstSection = lines.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        out.append("<section class=\"intro\">")
        out.append(MarkdownHTML.render(lines[..<firstSection].joined(separator: "\n")))
        out.append("</section>")
        if !figures.isEmpty {
            out.append("<section class=\"charts\" aria-label=\"Charts\">")
            out.append("<h2 id=\"charts\">Charts</h2>")
            out += figures.map(\.html)
            out.append("</section>")
        }
        out.append("<section class=\"report\">")
        out.append(MarkdownHTML.render(lines[firstSection...].joined(separator: "\n")))
        out.append("</section>")
        out += ["</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static let style = """
        body{margin:0;background:#fafafa;color:#1d2327;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
        main{max-width:1180px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd}h3{font-size:16px}
        code{background:#eef0f2;padding:1px 4px;border-radius:3px;font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
        .table{overflow-x:auto}table{border-collapse:collapse;margin:8px 0 16px;background:#fff}
        th,td{border:1px solid #d8dcdf;padding:4px 8px;text-align:left;vertical-align:top;max-width:520px;overflow-wrap:break-word}
        th{background:#f0f2f4;overflow-wrap:normal;hyphens:none}td{min-width:3em}tbody tr:nth-child(even){background:#f8f9fa}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.charts h2{flex-basis:100%}
        .chart-figure{margin:0;background:#fff;border:1px solid #d8dcdf;border-radius:6px;padding:10px;max-width:100%}
        .chart-figure figcaption{font-size:13px;color:#444;max-width:760px;margin-bottom:6px}.chart-scroll{overflow-x:auto}
        svg.chart{display:block;font-family:system-ui,sans-serif}
        .label{font-size:12px;fill:#1d2327}.tick{font-size:10px;fill:#59636b}.axis{font-size:11px;fill:#444}.value{font-size:11px;fill:#333}
        .muted{font-size:11px;fill:#888}.grid{stroke:#eceef0;stroke-width:1}.reference{stroke:#444;stroke-width:1.2;stroke-dasharray:4 3}
        .axis-line{stroke:#888}.interval{stroke-width:2}.interval.ok{stroke:#3a6ea5}.interval.flag{stroke:#c0392b}
        .point.ok{fill:#3a6ea5}.point.flag{fill:#c0392b}.bar.ok{fill:#9dbbd9}.bar.flag{fill:#e6a19a}
        .dot{fill:#3a6ea5;fill-opacity:.55}.dot.flag{fill:#c0392b;fill-opacity:.8}.fit{stroke:#222;stroke-width:1.5}
        .line{fill:none;stroke-width:2}.band{stroke:none;fill-opacity:.15}
        .series-0{stroke:#3a6ea5;fill:#3a6ea5}.series-1{stroke:#d9822b;fill:#d9822b}.series-2{stroke:#2e8b57;fill:#2e8b57}
        .series-3{stroke:#8e44ad;fill:#8e44ad}.series-4{stroke:#c0392b;fill:#c0392b}.series-5{stroke:#7f8c8d;fill:#7f8c8d}
        .line.series-0,.line.series-1,.line.series-2,.line.series-3,.line.series-4,.line.series-5{fill:none}
        .cell{stroke:#fff}.cell.empty{fill:#f1f1f1}.cell-value{font-size:10px;fill:#1d2327}
        """
}
