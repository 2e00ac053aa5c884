import Foundation
import PlauditAudits
import PlauditCore
import Testing

@testable import PlauditReports

@Suite("HomogeneityMarkdown")
struct HomogeneityMarkdownTests {
    static let hostile = "m|<b>x</b>\n*y*"

    static func results(models: [String]) -> HomogeneityResults {
        let estimate = Estimate(value: 0.81, lower: 0.7, upper: 0.9)
        let summaries = models.map {
            ModelHomogeneity(
                model: $0, prompts: 2, generations: 6, meanCosine: estimate, highSimilarityShare: Estimate(value: 0.5, lower: 0, upper: 1),
                histogram: [0, 0, 0, 0, 0, 0, 0, 1, 1, 0], histogramPercent: [0, 0, 0, 0, 0, 0, 0, 50, 50, 0], belowZero: 0, aboveOne: 0,
                meanDistinct: 2, meanModalShare: 0.5
            )
        }
        let prompt = PromptHomogeneity(
            itemID: "p|1\nq", poolSize: 6,
            models: models.map { PromptModelHomogeneity(model: $0, generations: 3, meanCosine: 0.8, distinct: 2, classSizes: [2, 1], modalShare: 2.0 / 3) },
            classSizes: [4, 2], modalShare: 4.0 / 6,
            mixing: [PromptMixing(neighbours: 5, effectiveNeighbours: 5, meanModels: 1.5, randomExpectation: 1.8)]
        )
        let manifest = RunManifest(
            command: "plaudit homogeneity d.jsonl", startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:00:01Z",
            dataset: DatasetManifest(sha256: "abc", files: []), rubrics: [], scorers: [], embedder: EmbedderDescriptor(name: "lexical-tfidf", dimension: 8),
            seed: 1, parameters: [:], counts: [:], timings: [:]
        )
        return HomogeneityResults(
            manifest: manifest, notes: ["note | with pipe"],
            method: HomogeneityMethod(
                equivalenceThreshold: 0.65, highSimilarityCut: 0.8,
                histogramBins: (0..<10).map { k in k == 9 ? "[0.9, 1.0]" : "[0.\(k), 0.\(k + 1))".replacingOccurrences(of: "0.10)", with: "1.0)") },
                neighbourCounts: [5], bootstrapResamples: 100, confidence: 0.95, rules: [:]
            ),
            models: summaries,
            similarity: ModelSimilarityMatrix(models: models, values: [[0.81, nil], [nil, 0.81]], prompts: [[2, 0], [0, 2]]),
            mixing: [NeighbourMixing(neighbours: 5, mean: 1.5, median: 1.5, randomMean: 1.8, cappedPrompts: 0)], prompts: [prompt]
        )
    }

    @Test("model names and prompt ids from the data cannot break a table: every row has its header's cells")
    func escaping() {
        let markdown = HomogeneityMarkdown.render(Self.results(models: [Self.hostile, "plain"]))
        #expect(!markdown.contains("<b>"))
        for table in tables(in: markdown) {
            let cells = unescapedPipes(table[0])
            for row in table { #expect(unescapedPipes(row) == cells, "row: \(row)") }
        }
        #expect(markdown.contains("| — |"), "a pair of models with no common prompt shows a dash")
        #expect(markdown.contains("## Similarity between models"))
    }

    @Test("console table: one line per model and the mixing line")
    func console() {
        let text = HomogeneityConsoleTable.render(Self.results(models: ["a", "b"]))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("a ") && lines[2].hasPrefix("b "))
        #expect(text.contains("N=5: mean 1.50, median 1.50 (random 1.80)"))
    }
}
