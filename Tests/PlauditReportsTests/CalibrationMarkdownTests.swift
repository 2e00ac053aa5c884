import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

/// The number of `|` not escaped by a backslash, counted by Unicode scalar as a Markdown parser
/// sees them (a pipe followed by a combining mark is still a pipe).
func unescapedPipes(_ line: some StringProtocol) -> Int {
    var count = 0
    var previous: Unicode.Scalar?
    for scalar in line.unicodeScalars {
        if scalar == "|" && previous != "\\" { count += 1 }
        previous = scalar
    }
    return count
}

/// Runs of consecutive lines that start with `|`: the Markdown tables.
func tables(in markdown: String) -> [[String]] {
    var out: [[String]] = []
    var current: [String] = []
    for line in markdown.components(separatedBy: "\n") {
        if line.hasPrefix("|") {
            current.append(line)
        } else if !current.isEmpty {
            out.append(current)
            current = []
        }
    }
    if !current.isEmpty { out.append(current) }
    return out
}

@Suite("CalibrationMarkdown")
struct CalibrationMarkdownTests {
    func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    func row(startingWith prefix: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(lines(text).first { $0.hasPrefix(prefix) }, "no line starts with \(prefix)", sourceLocation: sourceLocation)
    }

    @Test("notes come first, before the summary table")
    func notesFirst() throws {
        let text = CalibrationMarkdown.render(Fixtures.results())
        #expect(text.hasPrefix("# plaudit calibration audit\n"))
        let readFirst = try #require(text.range(of: "**Read first**"))
        let note1 = try #require(text.range(of: "- Only 12 prompts: intervals are wide."))
        let note2 = try #require(text.range(of: "- Validity came from ratings ≥ 3."))
        let summary = try #require(text.range(of: "## Summary by scorer"))
        let table = try #require(text.range(of: "| scorer | kind |"))
        #expect(readFirst.lowerBound < note1.lowerBound)
        #expect(note1.lowerBound < note2.lowerBound)
        #expect(note2.lowerBound < summary.lowerBound)
        #expect(summary.lowerBound < table.lowerBound)
        #expect(text.hasSuffix("\n"))
    }

    @Test("without notes there is no Read first block")
    func noNotes() {
        let text = CalibrationMarkdown.render(Fixtures.results(notes: []))
        #expect(!text.contains("Read first"))
        #expect(text.contains("## Summary by scorer"))
    }

    @Test("one summary row per scorer: flagged, fair, and no pairs")
    func summaryRows() throws {
        let text = CalibrationMarkdown.render(Fixtures.results())
        let flagged = try row(startingWith: "| rm-flagged | reward-model |", in: text)
        #expect(flagged.hasSuffix("| 40 | 12 | 0.30 | — | 96 / 0 | **UNDER-REWARDS** |"))
        #expect(flagged.contains("| -0.400 [-0.600, -0.200] | <0.001 | 0.710 [0.600, 0.800] | 0.300 [0.100, 0.500] |"))
        #expect(flagged.contains("| -1.250 [-1.900, -0.500] | -0.450 [-0.700, -0.200] |"))

        let fair = try row(startingWith: "| judge | judge |", in: text)
        #expect(fair.hasSuffix("| 38 | 12 | 0.26 | — | 95 / 1 | ok |"))
        #expect(!fair.contains("UNDER-REWARDS"))
        #expect(fair.contains("| 0.020 [-0.150, 0.190] | 0.800 |"))

        let empty = try row(startingWith: "| empty | precomputed |", in: text)
        #expect(empty.hasSuffix("| 0 | 0 | — | — | 0 / 0 | no pairs |"))
        #expect(empty == "| empty | precomputed | — | — | — | — | — | — | 0 | 0 | — | — | 0 / 0 | no pairs |")

        let summary = try #require(tables(in: text).first)
        #expect(summary.count == 2 + 3, "header, rule, one row per scorer")
    }

    @Test("a scorer that is not flagged but could not have seen |G| = 0.3 reads INCONCLUSIVE, not ok; one that could reads ok")
    func inconclusive() throws {
        var results = Fixtures.results()
        results.scorers[1].overall = Fixtures.underpoweredGap
        let text = CalibrationMarkdown.render(results)
        let judge = try row(startingWith: "| judge | judge |", in: text)
        #expect(judge.hasSuffix("| 14 | 6 | 0.56 | — | 95 / 1 | INCONCLUSIVE |"))
        let console = CalibrationConsoleTable.render(results)
        let line = try #require(console.split(separator: "\n").first { $0.hasPrefix("judge ") })
        #expect(line.hasSuffix("0.56     INCONCLUSIVE (too few prompts)"), "'\(line)'")
        #expect(Fixtures.underpoweredGap.verdict == .inconclusive)
        #expect(Fixtures.fairGap.verdict == .ok)
        #expect(Fixtures.flaggedGap.verdict == .underRewards)
        var over = Fixtures.fairGap
        over.gap = Fixtures.estimate(0.4, 0.2, 0.6)
        #expect(over.verdict == .overRewards, "a whole interval above 0 is a finding, not inconclusive")
        results.scorers[1].overall = over
        #expect(try row(startingWith: "| judge | judge |", in: CalibrationMarkdown.render(results)).hasSuffix("| **OVER-REWARDS** |"))
        var unknown = Fixtures.fairGap
        unknown.power = nil
        #expect(unknown.verdict == .inconclusive, "fewer than 2 prompts: no spread, no claim of ok")
    }

    @Test("the confidence level comes from the manifest, 95% by default")
    func confidence() {
        #expect(CalibrationMarkdown.render(Fixtures.results()).contains("Intervals are 90% cluster-bootstrap intervals"))
        var results = Fixtures.results()
        results.manifest.parameters["confidence"] = nil
        #expect(CalibrationMarkdown.render(results).contains("Intervals are 95% cluster-bootstrap intervals"))
    }

    @Test("categories, failures, skipped rows and the manifest are listed")
    func otherSections() throws {
        let text = CalibrationMarkdown.render(Fixtures.results())
        #expect(try row(startingWith: "| rm-flagged | brainstorm |", in: text).hasSuffix("| 40 | 12 | **UNDER-REWARDS** |"))
        #expect(try row(startingWith: "| rm-flagged | poetry |", in: text).hasSuffix("| 38 | 12 | ok |"))
        #expect(try row(startingWith: "| judge | poetry |", in: text).hasSuffix("| 38 | 12 | ok |"))
        #expect(!text.contains("| judge | brainstorm |"))
        #expect(!text.contains("| empty | poetry |") && !text.contains("| empty | brainstorm |"), "no pairs, no category rows")
        #expect(text.contains("| judge | i2 | r4 | no digit \\| in reply at all |"))
        #expect(text.contains("## Skipped input rows (1)"))
        #expect(text.contains("- `data/a.jsonl:7: responses[0].valid: expected true or false`"))
        #expect(text.contains("- Prompts: 2 with ≥ 3 responses, 2.5 clusters per prompt on average, 2 atypical–modal pairs"))
        #expect(text.contains("- Dataset sha256 `\(String(repeating: "ab", count: 32))` (1 files)"))
        #expect(text.contains("- Rubric pointwise-quality v1, sha256 `\(String(repeating: "ef", count: 32))`"))
        #expect(text.contains("- Scorer rm-flagged: reward-model via llama.cpp, model skywork.gguf"))
        #expect(text.contains("- Scorer empty: precomputed via scores-file\n"))
        #expect(text.contains("- Embedder lexical-tfidf (dimension 4096); seed 20250102"))
        #expect(text.contains("- Counts: items 12, responses 96"))
        #expect(text.contains("scoring 1.5 s"))
        #expect(text.contains("- Command: `plaudit audit data/ --scores s.csv`"))
        let sections = ["## Summary by scorer", "## By category", "## Scoring failures", "## Skipped input rows", "## Manifest"]
        let positions = try sections.map { try #require(text.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("worst pairs: a table per scorer, worst first, both answers, scorers in results order")
    func examplePairs() throws {
        #expect(!CalibrationMarkdown.render(Fixtures.results()).contains("## Worst pairs"))

        let text = CalibrationMarkdown.render(Fixtures.results(examples: Fixtures.examples))
        let section = try #require(text.components(separatedBy: "## Worst pairs").dropFirst().first)
        // rm-flagged loses most on i1 (-0.5 vs 2.5); judge on i2 (3 vs 6); "empty" has no scores.
        #expect(section.contains("**rm-flagged**\n\n| # | prompt | modal answer | score | atypical answer | score |"))
        #expect(section.contains("| 1 | i1: Write \\| a poem &lt;b&gt;now&lt;/b&gt; | Roses are red | 2.500 |"))
        #expect(section.contains("| 1 | i2: Name uses for a brick | Build a wall | 6.000 | A doorstop | 3.000 |"))
        #expect(!section.contains("**empty**"))
        let rmIndex = try #require(section.range(of: "**rm-flagged**")).lowerBound
        let judgeIndex = try #require(section.range(of: "**judge**")).lowerBound
        #expect(rmIndex < judgeIndex, "scorers in results order")
    }

    @Test("a BLIND scorer reads BLIND whatever its gap, with its AUC in the summary and a ranking of the scorers")
    func blindScorer() throws {
        var results = Fixtures.results()
        let auc = Estimate(value: 0.52, lower: 0.41, upper: 0.63)
        results.scorers[0].discrimination = ScorerDiscrimination(validityAUC: auc, aucPrompts: 12, humanSpearman: nil, spearmanPrompts: 0)
        #expect(results.scorers[0].overall?.verdict == .underRewards && results.scorers[0].verdict == .blind)
        let text = CalibrationMarkdown.render(results)
        let flagged = try row(startingWith: "| rm-flagged | reward-model |", in: text)
        #expect(flagged.hasSuffix("| 40 | 12 | 0.30 | AUC 0.520 [0.410, 0.630] | 96 / 0 | **BLIND** |"), "\(flagged)")
        let ranking = try #require(text.components(separatedBy: "## Scorer ranking").dropFirst().first)
        #expect(ranking.contains("| 1 | rm-flagged | -0.400 [-0.600, -0.200] | 0.520 [0.410, 0.630] | **BLIND** |"))
        #expect(ranking.contains("| 2 | judge | 0.020 [-0.150, 0.190] | — | ok |"))
        #expect(CalibrationConsoleTable.render(results).contains("BLIND (cannot tell valid from invalid)"))
    }

    @Test("hostile model text cannot break the table or inject HTML")
    func escaping() throws {
        let text = CalibrationMarkdown.render(Fixtures.results(examples: Fixtures.examples))
        #expect(!text.contains("<script>"))
        #expect(!text.contains("</script>"))
        #expect(!text.contains("<b>"))
        let worst = try row(startingWith: "| 1 | i1: ", in: text)
        #expect(
            worst.hasSuffix(
                "| 2.500 | pipe \\| here new line CRLF &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* &amp; \\`tick\\` | -0.500 |"), "\(worst)")
        #expect(!text.contains("*bold*"))

        let allTables = tables(in: text)
        #expect(allTables.count == 6, "summary, categories, per prompt, two worst-pair tables, failures — and none split")
        for table in allTables {
            let header = unescapedPipes(table[0])
            #expect(table.count >= 3, "header, rule and at least one row: \(table)")
            for line in table { #expect(unescapedPipes(line) == header, "\(line)") }
        }
    }

    @Test("an item id cannot close its code span or start raw HTML")
    func hostileItemID() throws {
        let id = "i1`<img src=x onerror=alert(1)>`\n\n<script>alert(2)</script>"
        var results = Fixtures.results(examples: Fixtures.examples)
        results.prompts[0].itemID = id
        results.examples[0].itemID = id
        let text = CalibrationMarkdown.render(results)
        let row = try row(startingWith: "| 1 | i1", in: text)
        #expect(row.hasPrefix("| 1 | i1\\`&lt;img src=x onerror=alert(1)&gt;\\` &lt;script&gt;alert(2)&lt;/script&gt;: "), "\(row)")
        #expect(!text.contains("<img"))
        #expect(!lines(text).contains { $0.hasPrefix("<script>") })
    }

    @Test("MarkdownEscaping.cell escapes every special character")
    func cell() {
        #expect(MarkdownEscaping.cell("a|b\nc\r\nd<e>&f`g*h_i[j]k") == "a\\|b c d&lt;e&gt;&amp;f\\`g\\*h\\_i\\[j\\]k")
        // "\r\n" is one Character in Swift: it must still become a space (it used to pass through).
        #expect(MarkdownEscaping.cell("x\r\ny\rz") == "x y z")
        #expect(MarkdownEscaping.cell("plain text 1.5") == "plain text 1.5")
    }

    @Test("a special character followed by a combining mark is still escaped")
    func combiningMarks() {
        // "|\u{301}" is one Character, so a switch over Characters misses the pipe, and GFM splits the cell there.
        #expect(unescapedPipes("a |\u{301} b") == 1, "the checker sees the pipe")
        #expect(unescapedPipes(MarkdownEscaping.cell("a |\u{301} b")) == 0)
    }

    @Test("NumberFormat: fixed digits, no negative zero, non-finite and absent values")
    func numbers() {
        #expect(NumberFormat.fixed(1.23456) == "1.235")
        #expect(NumberFormat.fixed(-0.0001) == "0.000")
        #expect(NumberFormat.fixed(-0.0001, 2) == "0.00")
        #expect(NumberFormat.fixed(-0.5, 1) == "-0.5")
        #expect(NumberFormat.fixed(nil) == "—")
        #expect(NumberFormat.fixed(.nan) == "NaN")
        #expect(NumberFormat.fixed(.infinity) == "∞")
        #expect(NumberFormat.fixed(-.infinity) == "−∞")
        #expect(NumberFormat.p(0.0009) == "<0.001")
        #expect(NumberFormat.p(0.05) == "0.050")
        #expect(NumberFormat.p(nil) == "—")
        #expect(NumberFormat.interval(Estimate(value: 1, lower: 0, upper: 2), 1) == "1.0 [0.0, 2.0]")
        #expect(NumberFormat.interval(nil) == "—")
    }
}

@Suite("CalibrationConsoleTable")
struct CalibrationConsoleTableTests {
    @Test("a header and one aligned line per scorer")
    func aligned() throws {
        let text = CalibrationConsoleTable.render(Fixtures.results())
        #expect(text.hasSuffix("\n"))
        let lines = text.dropLast().components(separatedBy: "\n")
        #expect(lines.count == 1 + 3)

        let header = lines[0]
        let labels = ["scorer", "G [95% CI]", "U [95% CI]", "gamma [95% CI]", "pairs", "MDE |G|", "verdict"]
        let starts = try labels.map { label in
            try #require(header.range(of: label)).lowerBound.utf16Offset(in: header)
        }
        #expect(starts[0] == 0)
        #expect(starts == starts.sorted())

        let expected = [
            labels,
            ["rm-flagged", "-0.40 [-0.60, -0.20]", "0.71 [0.60, 0.80]", "0.30 [0.10, 0.50]", "40", "0.30", "UNDER-REWARDS"],
            ["judge", "0.02 [-0.15, 0.19]", "0.49 [0.40, 0.58]", "—", "38", "0.26", "ok"],
            ["empty", "—", "—", "—", "0", "—", "no pairs"],
        ]
        let width = lines[0].count
        for (line, cells) in zip(lines, expected) {
            #expect(line.count == width, "every line is padded to the same width: '\(line)'")
            let chars = Array(line)
            for (c, start) in starts.enumerated() {
                let end = c + 1 < starts.count ? starts[c + 1] : chars.count
                let cell = String(chars[start..<end])
                #expect(cell.trimmingCharacters(in: .whitespaces) == cells[c], "'\(line)' column \(c)")
                #expect(!cell.hasPrefix(" "), "left-aligned at the header's column: '\(line)'")
                if c + 1 < starts.count { #expect(cell.hasSuffix("  "), "two spaces between columns: '\(line)'") }
            }
        }
    }

    @Test("no scorers gives just the header")
    func empty() {
        var results = Fixtures.results()
        results.scorers = []
        #expect(CalibrationConsoleTable.render(results) == "scorer  G [95% CI]  U [95% CI]  gamma [95% CI]  pairs  MDE |G|  verdict\n")
    }
}
