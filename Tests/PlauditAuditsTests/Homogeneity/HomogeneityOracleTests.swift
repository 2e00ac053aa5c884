import Foundation
import PlauditCore
import Testing

@testable import PlauditAudits

/// The whole analysis against `Oracles/homogeneity_oracle.py` (numpy, written from the method
/// description) on the fixture's stored MiniLM vectors and on seeded synthetic vectors with
/// edge cases (missing models, duplicates, a zero vector, a negative mean, pools smaller than N).
@Suite("Homogeneity against the numpy oracle")
struct HomogeneityOracleTests {
    static var oracle: [String: Any] {
        let url = StoredEmbeddings.oracles.appendingPathComponent("homogeneity_oracle.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static var cases: [[String: Any]] { oracle["cases"] as! [[String: Any]] }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance }

    @Test("mean cosines, histogram, matrix, mixing, distinct-k and bootstrap intervals agree (to 1e-12; counts exactly)", arguments: 0..<3)
    func agrees(index: Int) async throws {
        let expected = Self.cases[index]
        let name = expected["name"] as! String
        let stored = try StoredEmbeddings(file: expected["embeddings"] as! String)
        let options = HomogeneityOptions(
            equivalenceThreshold: expected["equivalence_threshold"] as! Double, neighbourCounts: expected["neighbours"] as! [Int],
            bootstrapResamples: expected["resamples"] as! Int, confidence: expected["confidence"] as! Double,
            seed: UInt64(expected["seed"] as! Int), threads: 2
        )
        let input = try HomogeneityInput(items: stored.items)
        let outcome = await HomogeneityAudit(options: options).analyze(input: input, vectors: stored.vectors)

        // Per prompt and model: mean pairwise cosine to 1e-12 (the acceptance bar is 1e-6), distinct-k exactly.
        let prompts = expected["prompts"] as! [[String: Any]]
        #expect(outcome.prompts.count == prompts.count)
        var compared = 0
        for (got, want) in zip(outcome.prompts, prompts) {
            #expect(got.itemID == want["item_id"] as! String)
            #expect(got.poolSize == want["pool_size"] as! Int)
            #expect(got.classSizes == want["class_sizes"] as! [Int], "\(name) \(got.itemID) pooled classes")
            #expect(Self.close(got.modalShare, want["modal_share"] as! Double, 1e-12))
            let models = want["models"] as! [[String: Any]]
            #expect(got.models.map(\.model) == models.map { $0["model"] as! String })
            for (m, w) in zip(got.models, models) {
                #expect(Self.close(m.meanCosine, w["mean_cosine"] as! Double), "\(name) \(got.itemID) \(m.model): \(m.meanCosine) vs \(w["mean_cosine"]!)")
                #expect(m.generations == w["generations"] as! Int)
                #expect(m.distinct == w["distinct"] as! Int, "\(name) \(got.itemID) \(m.model) distinct-k")
                #expect(m.classSizes == w["class_sizes"] as! [Int])
                #expect(Self.close(m.modalShare, w["modal_share"] as! Double, 1e-12))
                compared += 1
            }
            let mixing = want["mixing"] as! [[String: Any]]
            for (g, w) in zip(got.mixing, mixing) {
                #expect(g.neighbours == w["neighbours"] as! Int)
                #expect(g.effectiveNeighbours == w["effective_neighbours"] as! Int)
                #expect(Self.close(g.meanModels, w["mean_models"] as! Double, 1e-12), "\(name) \(got.itemID) N=\(g.neighbours) mixing")
                #expect(Self.close(g.randomExpectation, w["random_expectation"] as! Double, 1e-9))
            }
        }
        #expect(compared >= 20)

        // Per model: headline with intervals (same draws as the oracle's port of the generator), histogram.
        let models = expected["models"] as! [[String: Any]]
        #expect(outcome.models.map(\.model) == models.map { $0["model"] as! String })
        for (got, want) in zip(outcome.models, models) {
            #expect(got.prompts == want["prompts"] as! Int)
            #expect(got.generations == want["generations"] as! Int)
            #expect(Self.close(got.meanCosine.value, want["mean_cosine"] as! Double))
            #expect(Self.close(got.meanCosine.lower, want["mean_lower"] as! Double))
            #expect(Self.close(got.meanCosine.upper, want["mean_upper"] as! Double))
            #expect(Self.close(got.highSimilarityShare.value, want["share"] as! Double, 1e-12))
            #expect(Self.close(got.highSimilarityShare.lower, want["share_lower"] as! Double, 1e-12))
            #expect(Self.close(got.highSimilarityShare.upper, want["share_upper"] as! Double, 1e-12))
            #expect(got.histogram == want["histogram"] as! [Int], "\(name) \(got.model) histogram")
            #expect(got.belowZero == want["below_zero"] as! Int)
            #expect(got.aboveOne == want["above_one"] as! Int)
            #expect(Self.close(got.meanDistinct, want["mean_distinct"] as! Double, 1e-12))
            #expect(Self.close(got.meanModalShare, want["mean_modal_share"] as! Double, 1e-12))
        }

        // The matrix over cross pairs, and the prompts behind each entry.
        let matrix = expected["matrix"] as! [String: Any]
        #expect(outcome.similarity.models == matrix["models"] as! [String])
        #expect(outcome.similarity.prompts == matrix["prompts"] as! [[Int]])
        for (gotRow, wantRow) in zip(outcome.similarity.values, matrix["values"] as! [[Any]]) {
            for (got, want) in zip(gotRow, wantRow) {
                if let want = want as? Double {
                    #expect(got.map { Self.close($0, want) } == true, "\(name) matrix \(String(describing: got)) vs \(want)")
                } else {
                    #expect(got == nil)
                }
            }
        }

        for (got, want) in zip(outcome.mixing, expected["mixing"] as! [[String: Any]]) {
            #expect(got.neighbours == want["neighbours"] as! Int)
            #expect(Self.close(got.mean, want["mean"] as! Double, 1e-12))
            #expect(Self.close(got.median, want["median"] as! Double, 1e-12))
            #expect(Self.close(got.randomMean, want["random_mean"] as! Double, 1e-9))
            #expect(got.cappedPrompts == want["capped_prompts"] as! Int)
        }
    }

    @Test("the synthetic case covers the edge cases it is meant to")
    func syntheticCoverage() {
        let synthetic = Self.cases.first { $0["name"] as! String == "synthetic" }!
        let models = synthetic["models"] as! [[String: Any]]
        #expect(models.contains { $0["below_zero"] as! Int > 0 }, "a negative mean cosine")
        let matrix = synthetic["matrix"] as! [String: Any]
        #expect(Set((matrix["prompts"] as! [[Int]]).flatMap { $0 }).count > 1, "models missing from some prompts")
        let mixing = synthetic["mixing"] as! [[String: Any]]
        #expect(mixing.allSatisfy { $0["capped_prompts"] as! Int > 0 }, "pools smaller than N + 1")
    }
}
