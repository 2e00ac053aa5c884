import Foundation
import PlauditAudits
import PlauditCore

/// Hand-built results and data for the report tests.
enum Fixtures {
    static func estimate(_ value: Double, _ lower: Double, _ upper: Double, p: Double? = nil, q: Double? = nil) -> Estimate {
        Estimate(value: value, lower: lower, upper: upper, pValue: p, qValue: q)
    }

    static let flaggedGap = GapEstimates(
        prompts: 12, pairs: 40, gap: estimate(-0.4, -0.6, -0.2, p: 0.0004, q: 0.0008), rawGap: estimate(-1.25, -1.9, -0.5),
        humanGap: estimate(0.05, -0.1, 0.2), excessOverHuman: estimate(-0.45, -0.7, -0.2),
        underRewardRate: estimate(0.71, 0.6, 0.8, p: 0.001), typicalitySlope: estimate(0.3, 0.1, 0.5), flagged: true,
        power: GapPower(standardError: 0.12, minimumDetectableGap: 0.3, power: 0.8, target: 0.3, promptsForTarget: 12)
    )

    static let fairGap = GapEstimates(
        prompts: 12, pairs: 38, gap: estimate(0.02, -0.15, 0.19, p: 0.8, q: 0.8), rawGap: estimate(0.1, -0.2, 0.4),
        underRewardRate: estimate(0.49, 0.4, 0.58), flagged: false,
        power: GapPower(standardError: 0.103, minimumDetectableGap: 0.256, power: 0.8, target: 0.3, promptsForTarget: 12)
    )

    /// Not flagged, and too few prompts to have seen a gap of 0.3.
    static let underpoweredGap = GapEstimates(
        prompts: 6, pairs: 14, gap: estimate(-0.1, -0.5, 0.3, p: 0.6, q: 0.8), rawGap: estimate(-0.2, -0.9, 0.5),
        underRewardRate: estimate(0.55, 0.3, 0.8), flagged: false,
        power: GapPower(standardError: 0.2, minimumDetectableGap: 0.56, power: 0.8, target: 0.3, promptsForTarget: 21)
    )

    static let manifest = RunManifest(
        command: "plaudit audit data/ --scores s.csv", startedAt: "2025-01-02T03:04:05Z", finishedAt: "2025-01-02T03:05:06Z",
        dataset: DatasetManifest(
            sha256: String(repeating: "ab", count: 32),
            files: [SourceFile(path: "data/a.jsonl", sha256: String(repeating: "cd", count: 32), bytes: 1234)]
        ),
        rubrics: [RubricReference(id: "pointwise-quality", version: "1", sha256: String(repeating: "ef", count: 32))],
        scorers: [
            ScorerDescriptor(name: "rm-flagged", kind: .rewardModel, backend: "llama.cpp", model: "skywork.gguf"),
            ScorerDescriptor(
                name: "judge", kind: .judge, backend: "openai", model: "gpt",
                rubric: RubricReference(id: "pointwise-quality", version: "1", sha256: String(repeating: "ef", count: 32))
            ),
            ScorerDescriptor(name: "empty", kind: .precomputed, backend: "scores-file"),
        ],
        embedder: EmbedderDescriptor(name: "lexical-tfidf", dimension: 4096, parameters: ["ngrams": "1-2"]),
        seed: 20_250_102, parameters: ["clustering": "agglomerative", "confidence": "0.9"],
        counts: ["items": 12, "responses": 96], timings: ["scoring": 1.5, "total": 3.25]
    )

    static func results(
        notes: [String] = ["Only 12 prompts: intervals are wide.", "Validity came from ratings ≥ 3."], examples: [CalibrationExample] = []
    ) -> CalibrationResults {
        CalibrationResults(
            manifest: manifest, validitySource: "human ratings ≥ 3", qualitySource: "human mean", notes: notes,
            scorers: [
                ScorerResult(
                    scorer: manifest.scorers[0], scored: 96, failed: 0, overall: flaggedGap,
                    categories: ["brainstorm": flaggedGap, "poetry": fairGap]
                ),
                ScorerResult(scorer: manifest.scorers[1], scored: 95, failed: 1, overall: fairGap, categories: ["poetry": fairGap]),
                ScorerResult(scorer: manifest.scorers[2], scored: 0, failed: 0, overall: nil, categories: [:]),
            ],
            prompts: [
                PromptStructure(
                    itemID: "i1", category: "poetry", clusters: [0, 0, 1], modalCluster: 0, typicality: [0.9, 0.8, 0.1],
                    valid: [true, true, true], pairs: [.init(atypical: 2, modal: 0)]
                ),
                PromptStructure(
                    itemID: "i2", category: "brainstorm", clusters: [0, 1, 1, 2], modalCluster: 1,
                    typicality: [0.2, 0.7, 0.75, 0.3], valid: [true, true, true, false], pairs: [.init(atypical: 0, modal: 1)]
                ),
            ],
            failures: [ScoreFailure(scorer: "judge", itemID: "i2", responseID: "r4", reason: "no digit | in reply\nat all")],
            skippedRows: [InputError(file: "data/a.jsonl", line: 7, field: "responses[0].valid", message: "expected true or false")],
            examples: examples
        )
    }

    /// One worst pair per scorer ("empty" has none); the atypical answer of the first is hostile text.
    static let examples = [
        CalibrationExample(
            scorer: "rm-flagged", itemID: "i1", prompt: "Write | a poem <b>now</b>",
            modal: .init(responseID: "r1", text: "Roses are red", score: 2.5), atypical: .init(responseID: "r3", text: hostile, score: -0.5)
        ),
        CalibrationExample(
            scorer: "judge", itemID: "i2", prompt: "Name uses for a brick",
            modal: .init(responseID: "r2", text: "Build a wall", score: 6), atypical: .init(responseID: "r1", text: "A doorstop", score: 3)
        ),
    ]

    static let hostile = "pipe | here\nnew line\r\nCRLF <script>alert(1)</script> *bold* & `tick`"
}
