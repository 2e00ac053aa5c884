import Foundation
import PlauditAudits
import PlauditCore
import Testing

/// plaudit's Artificial Hivemind subsets against an independent pandas/scipy implementation
/// (Oracles/hivemind_subsets.py) on its seeded synthetic data: 750 rated responses and 500
/// labelled pairs, read through plaudit's own readers (Infinity-Chat rows, pairwise rows joined
/// by text, a scores file).
@Suite("Human-label calibration subsets vs the pandas oracle")
struct HumanSubsetOracleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracles/hivemind")

    struct Oracle: Decodable {
        struct Entry: Decodable {
            var family: String
            var parameter: Double?
            var size: Int
            var n: Int
            var rho: Double?
        }
        struct Scorer: Decodable {
            var absolute: [Entry]
            var pairwise: [Entry]
        }
        var scorers: [String: Scorer]
    }

    static func dataset() throws -> Dataset {
        var data = try DatasetReader().read(paths: [folder.appendingPathComponent("absolute.jsonl").path])
        let scoresPath = folder.appendingPathComponent("scores.jsonl").path
        let (rows, _) = try ScoresFileReader().read(path: scoresPath)
        var log = BadRowLog(policy: .stop)
        try data.join(scores: rows, file: scoresPath, log: &log)
        let pairwisePath = folder.appendingPathComponent("pairwise.jsonl").path
        try HumanPreferenceRows().attach(try Data(contentsOf: URL(fileURLWithPath: pairwisePath)), file: pairwisePath, to: &data)
        return data
    }

    @Test("subset sizes equal the oracle's exactly and every ρ agrees to 1e-9")
    func matchesOracle() throws {
        let oracle = try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: Self.folder.appendingPathComponent("oracle.json")))
        let data = try Self.dataset()
        #expect(data.items.count == 50)
        #expect(data.responseCount == 750)
        #expect(data.items.reduce(0) { $0 + $1.humanPreferences.count } == 500)
        let names = oracle.scorers.keys.sorted()
        let scorers = names.map { name in
            (
                ScorerDescriptor(name: name, kind: .precomputed, backend: "dataset"),
                HumanCalibrationAnalysis.ScorerValues.pointwise(data.items.map { $0.responses.map { $0.scores[name] } })
            )
        }
        let results = try #require(HumanCalibrationAnalysis(bootstrapResamples: 200).analyze(items: data.items, scorers: scorers))
        #expect(results.ratedResponses == 750)
        #expect(results.labelledPairs == 500)
        for (name, result) in zip(names, results.scorers) {
            let expected = oracle.scorers[name]!
            for (mine, theirs) in Array(zip(result.absolute, expected.absolute)) + Array(zip(result.pairwise, expected.pairwise)) {
                let label = "\(name) \(mine.subset.family) \(mine.subset.label)"
                #expect(mine.subset.family == theirs.family, "\(label)")
                #expect(mine.subset.parameter == theirs.parameter, "\(label)")
                #expect(mine.subset.size == theirs.size, "\(label)")
                #expect(mine.n == theirs.n, "\(label)")
                let rho = try #require(theirs.rho)
                #expect(abs(mine.rho - rho) <= 1e-9, "\(label): \(mine.rho) vs \(rho)")
                #expect(mine.lower <= mine.rho && mine.rho <= mine.upper, "\(label): the interval holds the estimate")
            }
            #expect(result.absolute.count == expected.absolute.count && result.pairwise.count == expected.pairwise.count)
        }
    }

    @Test("the synthetic data has what makes the rules bite: Tukey fences that drop responses and entropy ties at the cuts")
    func dataExercisesTheRules() throws {
        let oracle = try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: Self.folder.appendingPathComponent("oracle.json")))
        let absolute = oracle.scorers["rm-sim"]!.absolute
        #expect(absolute.contains { $0.family == "similar-quality" && $0.size < 750 })
        // Ties at the percentile cut keep more than ⌊750·p/100⌋ responses somewhere.
        #expect(absolute.contains { $0.family == "disagreement" && $0.size > Int(750 * $0.parameter! / 100) })
        // Missing scores make n smaller than the subset for rm-sim.
        #expect(absolute[0].n < absolute[0].size)
    }
}
