import Foundation
import Testing

/// The HTML reports opened in a real browser (headless Chromium, driven over the DevTools
/// protocol): every chart is laid out with no console error, nothing is fetched, and hostile
/// text in the data stays text. Runs when Chromium is installed; CI installs it and requires
/// these tests.
@Suite("HTML reports in headless Chromium", .serialized)
struct BrowserReportTests {
    static var enabled: Bool { BrowserCheck.chromium != nil || TextCommandTests.required }

    /// Markup and script in every shape a report could be tricked with. A payload that ran
    /// would set `window.__plauditXSS`.
    static let payloads = [
        "<script>window.__plauditXSS='script'</script>",
        "<img src=x onerror=\"window.__plauditXSS='img'\">",
        "<a href=\"javascript:window.__plauditXSS='link'\">click me</a>",
        "</svg><svg onload=\"window.__plauditXSS='svg'\"><circle r=\"40\"/></svg>",
        "\"><script>window.__plauditXSS='attribute'</script>",
        "</title></style></textarea><iframe src=\"javascript:window.__plauditXSS='iframe'\"></iframe>",
        "[markdown link](javascript:window.__plauditXSS='markdown') **bold** `code` | pipe &lt;b&gt; &amp;",
        "<style>body{display:none}</style><base href=\"https://example.invalid/\"><meta http-equiv=\"refresh\" content=\"0\">",
    ]

    static var hostileDataset: String {
        let category = "<b onmouseover=\"window.__plauditXSS='category'\">cat</b>"
        var lines: [String] = []
        for p in 0..<6 {
            let id = p == 0 ? "p0</svg><script>window.__plauditXSS='id'</script>" : "p\(p)"
            let prompt = p == 0 ? "Say something odd: " + payloads.joined(separator: " ") : "Prompt \(p)"
            var responses: [[String: Any]] = (0..<3).map { ["id": "m\($0)", "text": "A common answer number \($0) to prompt \(p)", "cluster": "mainstream"] }
            responses += (0..<2).map { ["id": "a\($0)", "text": p == 0 && $0 == 0 ? payloads.joined(separator: " ") : "An odd answer \($0)", "cluster": "odd"] }
            let item: [String: Any] = ["id": id, "category": category, "prompt": prompt, "responses": responses]
            lines.append(String(decoding: try! JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]), as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an XSS corpus in prompts, responses, ids, categories and scorer names renders as text: nothing runs, nothing is fetched",
          .enabled(if: enabled))
    func xssCorpus() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = Self.hostileDataset
        try Data(data.utf8).write(to: dir.appendingPathComponent("hostile.jsonl"))
        let scorer = "rm<script>window.__plauditXSS='scorer'</script>"
        var scores = ""
        for line in data.split(separator: "\n") {
            let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for response in item["responses"] as! [[String: Any]] {
                let id = response["id"] as! String
                let row: [String: Any] = ["item_id": item["id"]!, "response_id": id, "scorer": scorer, "score": id.hasPrefix("m") ? 5.0 : 1.0]
                scores += String(decoding: try JSONSerialization.data(withJSONObject: row), as: UTF8.self) + "\n"
            }
        }
        try Data(scores.utf8).write(to: dir.appendingPathComponent("scores.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["audit", "hostile.jsonl", "--scores", "scores.jsonl", "--clustering", "labels", "--embedder", "lexical", "--resamples", "200",
             "--permutations", "99", "--out", "out", "--quiet"], in: dir
        )
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(!html.contains("<script"), "no script element in the file")

        let seen = try await BrowserCheck.open(dir.appendingPathComponent("out/report.html"))
        #expect(seen.console.isEmpty, "\(seen.console)")
        #expect(seen.requests.isEmpty, "\(seen.requests)")
        #expect(seen.dom.scripts == 0)
        #expect(seen.dom.handlers.isEmpty, "elements with on* attributes: \(seen.dom.handlers)")
        #expect(seen.dom.javascript_urls == 0)
        #expect(seen.dom.embedded == 0, "iframe, object, embed, base, form or refresh")
        #expect(seen.dom.links == 0 && seen.dom.images == 0)
        #expect(seen.dom.svgs == seen.dom.charts.count && seen.dom.svgs_outside_figures == 0, "only plaudit's charts are SVG")
        #expect(seen.dom.sentinel == nil, "a payload ran: \(seen.dom.sentinel ?? "")")
        #expect(seen.dom.title == "plaudit calibration audit")
        #expect(seen.inert)
        #expect(seen.chartsRendered, "\(seen.dom.charts)")
        // The payloads are on the page as the text they are.
        for payload in Self.payloads {
            #expect(seen.dom.text.contains(payload), "not shown verbatim: \(payload)")
        }
        #expect(seen.dom.text.contains(scorer))
        #expect(seen.dom.text.contains("p0</svg><script>window.__plauditXSS='id'</script>"))
    }

    /// Model text that carries an open right-to-left override (U+202E), an open isolate
    /// (U+2066), a stray pop (U+2069), NUL, BEL and an ESC colour sequence, with markup; item ids
    /// and the scorer name carry an override too, each followed by plaudit's own text.
    static let bidiPayload = "\u{202E}reversed\u{0}\u{7}\u{1B}[31m<script>window.__plauditXSS='bidi'</script> \u{2066}open"
    static let bidiScorer = "rm\u{202E}x"

    static var bidiDataset: (data: String, scores: String) {
        var lines: [String] = [], scores: [String] = []
        for p in 0..<6 {
            let id = "p\(p)\u{202E}evil"
            var responses: [[String: Any]] = (0..<3).map { ["id": "m\($0)", "text": "A common answer number \($0) to prompt \(p)", "cluster": "mainstream"] }
            responses += (0..<2).map { ["id": "a\($0)", "text": $0 == 0 ? bidiPayload : "An odd answer \($0)", "cluster": "odd"] }
            let item: [String: Any] = ["id": id, "category": "c\u{202E}at", "prompt": "Prompt \(p) \u{2069}after", "responses": responses]
            lines.append(String(decoding: try! JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]), as: UTF8.self))
            for response in responses {
                let row: [String: Any] = ["item_id": id, "response_id": response["id"]!, "scorer": bidiScorer, "score": (response["id"] as! String).hasPrefix("m") ? 5.0 : 1.0]
                scores.append(String(decoding: try! JSONSerialization.data(withJSONObject: row), as: UTF8.self))
            }
        }
        return (lines.joined(separator: "\n") + "\n", scores.joined(separator: "\n") + "\n")
    }

    @Test("bidirectional controls and control characters in model text: inside <bdi>, shown as ␀ ␇ ␛, nothing after them reordered, no NUL",
          .enabled(if: enabled))
    func bidiAndControls() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, scores) = Self.bidiDataset
        try Data(data.utf8).write(to: dir.appendingPathComponent("bidi.jsonl"))
        try Data(scores.utf8).write(to: dir.appendingPathComponent("scores.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["audit", "bidi.jsonl", "--scores", "scores.jsonl", "--clustering", "labels", "--embedder", "lexical", "--resamples", "200",
             "--permutations", "99", "--out", "out", "--quiet"], in: dir
        )
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try Data(contentsOf: dir.appendingPathComponent("out/report.md"))
        let html = try Data(contentsOf: dir.appendingPathComponent("out/report.html"))
        #expect(!markdown.contains(0) && !html.contains(0), "a NUL byte in the report files")
        #expect(!String(decoding: markdown, as: UTF8.self).unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })

        let seen = try await BrowserCheck.open(dir.appendingPathComponent("out/report.html"))
        #expect(seen.inert, "console \(seen.console), requests \(seen.requests), sentinel \(seen.dom.sentinel ?? "none")")
        #expect(seen.chartsRendered, "\(seen.dom.charts)")
        #expect(seen.dom.nuls == 0)
        #expect(seen.dom.unisolated_bidi.isEmpty, "bidirectional controls outside an isolate: \(seen.dom.unisolated_bidi)")
        #expect(!seen.dom.isolates.isEmpty && seen.dom.isolates.allSatisfy { $0.unicode_bidi == "isolate" }, "\(seen.dom.isolates.map(\.unicode_bidi))")
        // The model's answer, visible for what it holds.
        #expect(seen.dom.text.contains("\u{202E}reversed\u{2400}\u{2407}\u{241B}[31m<script>window.__plauditXSS='bidi'</script> \u{2066}open"))
        #expect(seen.dom.isolates.contains { $0.text.hasPrefix("\u{202E}reversed\u{2400}") })
        // What follows an isolate on its line starts after it and reads left to right.
        let followed = seen.dom.isolates.filter { $0.follows?.same_line == true }
        for isolate in followed {
            #expect(isolate.follows?.after_isolate == true, "laid out before or inside \(isolate.text.debugDescription): \(isolate.follows?.text.debugDescription ?? "")")
            #expect(isolate.follows?.left_to_right != false, "reversed after \(isolate.text.debugDescription): \(isolate.follows?.text.debugDescription ?? "")")
        }
        // The example pair's line: the item id, then ": " and the prompt; the manifest's line: the scorer, then its kind.
        #expect(followed.contains { $0.text.hasPrefix("p") && $0.text.contains("\u{202E}evil") && $0.follows?.text == ": " }, "\(seen.dom.isolates)")
        #expect(followed.contains { $0.text.hasPrefix(Self.bidiScorer) && $0.follows?.text.hasPrefix(": precomputed") == true && $0.follows?.left_to_right == true })
    }

    @Test("homogeneity, monoculture and sycophancy reports: every chart laid out, no console error, nothing fetched",
          .enabled(if: enabled))
    func otherJobs() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = CommandRunner.repositoryRoot
        let homogeneity = try await CommandRunner.runOffPool(
            ["homogeneity", root.appendingPathComponent("fixtures/homogeneity/generations.jsonl").path, "--embedder", "lexical",
             "--resamples", "200", "--out", "homogeneity", "--quiet"], in: dir
        )
        #expect(homogeneity.status == 0, "\(homogeneity.stderr)")
        let monoculture = try await CommandRunner.runOffPool(
            ["monoculture", "--source-labels", MonocultureCommandTests.source, "--generated-labels", "llama-chat=\(MonocultureCommandTests.llama)",
             "--resamples", "200", "--out", "monoculture", "--quiet"], in: dir
        )
        #expect(monoculture.status == 0, "\(monoculture.stderr)")
        let fixture = root.appendingPathComponent("fixtures/sycophancy/variants.jsonl")
        try Data(SycophancyCommandTests.scoresFile(probes: try SycophancyCommandTests.lines(fixture)).utf8).write(to: dir.appendingPathComponent("s.jsonl"))
        let sycophancy = try await CommandRunner.runOffPool(
            ["sycophancy", "score", fixture.path, "--scores", "s.jsonl", "--resamples", "200", "--permutations", "99", "--out", "sycophancy", "--quiet"], in: dir
        )
        #expect(sycophancy.status == 0, "\(sycophancy.stderr)")

        let expected = [
            "homogeneity": ["chart-homogeneity-histogram", "chart-homogeneity-mean", "chart-homogeneity-matrix"],
            "monoculture": ["chart-monoculture-histogram", "chart-monoculture-share"],
            "sycophancy": ["chart-sycophancy-heatmap", "chart-sycophancy-premiums"],
        ]
        for (job, charts) in expected.sorted(by: { $0.key < $1.key }) {
            let seen = try await BrowserCheck.open(dir.appendingPathComponent("\(job)/report.html"))
            #expect(seen.dom.charts.map(\.id) == charts, "\(job)")
            #expect(seen.chartsRendered, "\(job): \(seen.dom.charts)")
            #expect(seen.inert, "\(job): console \(seen.console), requests \(seen.requests)")
            #expect(seen.dom.tables > 0, "\(job): the report's tables follow the charts")
        }
    }

    /// The README's first command, as it is (the assets are installed by CI), then the report
    /// it wrote in the browser.
    /// Three scorers on the same responses, one of them blind and named with a right-to-left
    /// override: the ranking, discrimination and paired-difference charts.
    static var comparisonDataset: (data: String, scores: String) {
        var lines: [String] = [], scores: [String] = []
        for p in 0..<8 {
            var responses: [[String: Any]] = (0..<4).map { ["id": "m\($0)", "text": "A common answer \($0) to prompt \(p)", "cluster": "mainstream", "valid": true] }
            responses += (0..<3).map { ["id": "a\($0)", "text": "An odd answer \($0) to prompt \(p)", "cluster": "odd", "valid": true] }
            responses += (0..<2).map { ["id": "x\($0)", "text": "Garbage \($0) \(p)", "cluster": "junk", "valid": false] }
            let item: [String: Any] = ["id": "p\(p)", "prompt": "Prompt \(p)", "responses": responses]
            lines.append(String(decoding: try! JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]), as: UTF8.self))
            for (j, response) in responses.enumerated() {
                let id = response["id"] as! String
                let wobble = Double((p * 7 + j * 3) % 5) / 10
                let fair = (id.hasPrefix("x") ? -2.0 : 0) + wobble
                let rows: [(String, Double)] = [("rm-fair", fair), ("rm-biased", fair - (id.hasPrefix("a") ? 1 : 0)), (bidiScorer, Double((p * 5 + j * 11) % 7))]
                for (scorer, score) in rows {
                    let row: [String: Any] = ["item_id": "p\(p)", "response_id": id, "scorer": scorer, "score": score]
                    scores.append(String(decoding: try! JSONSerialization.data(withJSONObject: row), as: UTF8.self))
                }
            }
        }
        return (lines.joined(separator: "\n") + "\n", scores.joined(separator: "\n") + "\n")
    }

    @Test("scorer comparison: the ranking, discrimination and paired-difference charts are laid out, the blind scorer's label isolated",
          .enabled(if: enabled))
    func comparisonCharts() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, scores) = Self.comparisonDataset
        try Data(data.utf8).write(to: dir.appendingPathComponent("data.jsonl"))
        try Data(scores.utf8).write(to: dir.appendingPathComponent("scores.jsonl"))
        let run = try await CommandRunner.runOffPool(
            ["audit", "data.jsonl", "--scores", "scores.jsonl", "--clustering", "labels", "--embedder", "lexical", "--resamples", "200",
             "--permutations", "999", "--out", "out", "--quiet"], in: dir
        )
        #expect(run.status == 0, "\(run.stderr)")
        let seen = try await BrowserCheck.open(dir.appendingPathComponent("out/report.html"))
        let ids = seen.dom.charts.map(\.id)
        for id in ["chart-ranking", "chart-discrimination", "chart-comparisons"] { #expect(ids.contains(id), "\(ids)") }
        #expect(seen.chartsRendered, "\(seen.dom.charts)")
        #expect(seen.inert, "console \(seen.console), requests \(seen.requests)")
        #expect(seen.dom.text.contains("rm-biased under-rewards more than rm-fair"))
        let markdown = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("**BLIND**") && markdown.contains("## Scorer ranking") && markdown.contains("## Per prompt"))
    }

    @Test("the README demo's report: gap, under-reward, ranking, discrimination, paired-difference and two scatter charts, no console error; `plaudit report` re-renders the same files",
          .enabled(if: enabled && (PairwiseJudgeCommandTests.hasLocalModel || TextCommandTests.required)))
    func readmeDemo() async throws {
        let dir = try CommandRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["PLAUDIT_ASSETS"] = TextCommandTests.assets.path
        let fixtures = CommandRunner.repositoryRoot.appendingPathComponent("fixtures/open-ended").path
        let demo = try await CommandRunner.runOffPool(
            ["audit", fixtures, "--local-judge", "--local-perplexity", "--install-assets", "--out", "results", "--quiet"],
            in: dir, environment: environment, timeout: 1_200
        )
        #expect(demo.status == 0, "\(demo.stderr)")
        let screenshot = ProcessInfo.processInfo.environment["PLAUDIT_SCREENSHOT"].map { URL(fileURLWithPath: $0) }
        let seen = try await BrowserCheck.open(dir.appendingPathComponent("results/report.html"), screenshot: screenshot)
        #expect(
            seen.dom.charts.map(\.id)
                == ["chart-gap", "chart-under-reward", "chart-ranking", "chart-discrimination", "chart-comparisons", "chart-scatter-0", "chart-scatter-1"])
        #expect(seen.chartsRendered, "\(seen.dom.charts)")
        #expect(seen.inert, "console \(seen.console), requests \(seen.requests)")
        #expect(seen.dom.text.contains("smollm2-perplexity"))

        // The README's gate: the same run again, answered wholly from the cache (scores and
        // embeddings), exits 1 because both scorers are BLIND.
        let gate = try await CommandRunner.runOffPool(
            ["audit", fixtures, "--local-judge", "--local-perplexity", "--fail-on", "UNDER-REWARDS,BLIND", "--out", "gate", "--quiet"],
            in: dir, environment: environment, timeout: 1_200
        )
        #expect(gate.status == 1, "\(gate.stderr)")
        #expect(gate.stderr.contains("smollm2-judge is BLIND") && gate.stderr.contains("smollm2-perplexity is BLIND"), "\(gate.stderr)")
        let rerun = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("gate/results.json"))) as? [String: Any])
        let counts = try #require((rerun["manifest"] as? [String: Any])?["counts"] as? [String: Int])
        #expect(counts["requests"] == 0 && counts["embeddings_computed"] == 0 && counts["cache_hits"] == 648, "\(counts)")

        let markdown = try Data(contentsOf: dir.appendingPathComponent("results/report.md"))
        let html = try Data(contentsOf: dir.appendingPathComponent("results/report.html"))
        let again = try await CommandRunner.runOffPool(["report", "results/results.json", "--out", "again"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("again/report.md")) == markdown)
        #expect(try Data(contentsOf: dir.appendingPathComponent("again/report.html")) == html)
    }
}
