import Foundation
import PlauditCore
import PlauditStats
import Testing

@testable import PlauditAudits

@Suite("Homogeneity: input checks and planted structure")
struct HomogeneityAuditTests {
    static func item(_ id: String, models: [String?]) -> Item {
        Item(id: id, prompt: .text(id), responses: models.enumerated().map { Response(id: "r\($0)", text: "t", model: $1) })
    }

    @Test("a response without a model, or a model with one generation for a prompt, is an error naming item and field")
    func inputErrors() {
        #expect(throws: HomogeneityInputError(
            itemIndex: 1, field: "responses[2].model",
            message: "missing: plaudit homogeneity compares models, so every response needs the model that wrote it"
        )) {
            try HomogeneityInput(items: [Self.item("a", models: ["x", "x"]), Self.item("b", models: ["x", "x", nil])])
        }
        #expect(throws: HomogeneityInputError(
            itemIndex: 0, field: "responses[1].model",
            message: "model 'y' has only 1 generation for this prompt; a mean pairwise cosine needs at least 2 per model and prompt"
        )) {
            try HomogeneityInput(items: [Self.item("a", models: ["x", "y", "x"])])
        }
        #expect(throws: HomogeneityInputError.self) { try HomogeneityInput(items: [Self.item("a", models: ["", ""])]) }
        let input = try? HomogeneityInput(items: [Self.item("a", models: ["b", "a", "b", "a"]), Self.item("c", models: ["b", "b"])])
        #expect(input?.models == ["a", "b"])
        #expect(input?.pools.map(\.models) == [[1, 0, 1, 0], [1, 1]])
    }

    /// `models` models × `prompts` prompts × `samples` generations in `dimension` dimensions.
    /// Each model's generations scatter around its own direction per prompt with noise `spread`;
    /// `separation` is how far apart the models' directions are.
    static func planted(models: Int, prompts: Int, samples: Int, spread: [Double], separation: Double, seed: UInt64)
        -> (HomogeneityInput, [[[Float]]])
    {
        var generator = SeededGenerator(seed: seed)
        func normal() -> Double {
            let u = max(generator.nextUnitDouble(), 1e-300)
            return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * generator.nextUnitDouble())
        }
        let dimension = 32
        var items: [Item] = []
        var vectors: [[[Float]]] = []
        for p in 0..<prompts {
            let centre = (0..<dimension).map { _ in normal() }
            var responses: [Response] = []
            var pool: [[Float]] = []
            for m in 0..<models {
                let offset = (0..<dimension).map { _ in separation * normal() }
                for s in 0..<samples {
                    responses.append(Response(id: "m\(m)-\(s)", text: "", model: "m\(m)"))
                    pool.append((0..<dimension).map { Float(centre[$0] + offset[$0] + spread[m] * normal()) })
                }
            }
            items.append(Item(id: "p\(p)", prompt: .text("p\(p)"), responses: responses))
            vectors.append(pool)
        }
        return (try! HomogeneityInput(items: items), vectors)
    }

    @Test("planted: a tight model is more homogeneous than a loose one, with intervals apart, and fewer distinct answers")
    func withinModel() async {
        let (input, vectors) = Self.planted(models: 2, prompts: 20, samples: 12, spread: [0.2, 1.5], separation: 0.3, seed: 1)
        let outcome = await HomogeneityAudit(options: HomogeneityOptions(equivalenceThreshold: 0.8, bootstrapResamples: 500)).analyze(
            input: input, vectors: vectors
        )
        let tight = outcome.models[0]
        let loose = outcome.models[1]
        #expect(tight.meanCosine.lower > loose.meanCosine.upper)
        #expect(tight.meanCosine.value > 0.9)
        #expect(tight.highSimilarityShare.value == 1)
        #expect(loose.highSimilarityShare.value == 0)
        #expect(tight.histogram[9] == 20)
        #expect(tight.meanDistinct == 1)
        #expect(loose.meanDistinct > 5)
        #expect(tight.meanCosine.lower <= tight.meanCosine.value && tight.meanCosine.value <= tight.meanCosine.upper)
        // The diagonal is the within-model mean; cross similarity lies below the tight model's own.
        #expect(abs(outcome.similarity.values[0][0]! - tight.meanCosine.value) < 1e-12)
        #expect(outcome.similarity.values[0][1]! < tight.meanCosine.value)
        #expect(outcome.similarity.values[0][1] == outcome.similarity.values[1][0])
    }

    @Test("planted: separated models have pure neighbourhoods (1 model), identical models mix like random draws")
    func mixing() async {
        let options = HomogeneityOptions(neighbourCounts: [5, 50], bootstrapResamples: 200)
        let (apartInput, apartVectors) = Self.planted(models: 4, prompts: 6, samples: 15, spread: [0.1, 0.1, 0.1, 0.1], separation: 2, seed: 2)
        let apart = await HomogeneityAudit(options: options).analyze(input: apartInput, vectors: apartVectors)
        #expect(apart.mixing[0].mean == 1)
        #expect(apart.mixing[0].randomMean > 3)
        // 50 neighbours in a pool of 60 must reach other models: at least 50 − 14 come from them.
        #expect(apart.mixing[1].mean >= 3.9)

        let (sameInput, sameVectors) = Self.planted(models: 4, prompts: 6, samples: 15, spread: [1, 1, 1, 1], separation: 0, seed: 3)
        let same = await HomogeneityAudit(options: options).analyze(input: sameInput, vectors: sameVectors)
        #expect(abs(same.mixing[0].mean - same.mixing[0].randomMean) < 0.25, "\(same.mixing[0].mean) vs \(same.mixing[0].randomMean)")
        #expect(same.mixing.allSatisfy { $0.cappedPrompts == ($0.neighbours >= 60 ? 6 : 0) })
    }

    @Test("random-draw expectation: exact small cases")
    func randomExpectation() {
        // Pool {a, a, b}: for an a, the other 2 are {a, b}; one draw finds 1 model, two draws 2.
        #expect(PoolAnalysis.randomDistinct(modelCounts: [2, 1], own: 0, draws: 1) == 1)
        #expect(PoolAnalysis.randomDistinct(modelCounts: [2, 1], own: 0, draws: 2) == 2)
        // Pool of 3 a and 3 b, self an a: others 2 a + 3 b; 2 draws miss a with C(3,2)/C(5,2) = 3/10, miss b with 1/10.
        #expect(abs(PoolAnalysis.randomDistinct(modelCounts: [3, 3], own: 0, draws: 2) - (2 - 0.3 - 0.1)) < 1e-15)
    }
}
