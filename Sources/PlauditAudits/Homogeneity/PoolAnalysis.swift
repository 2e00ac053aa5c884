import PlauditCore
import PlauditStats

/// Everything the homogeneity analysis needs from one prompt's pool, from one cosine matrix
/// over all its generations (the only n×n matrix alive for the prompt).
struct PoolAnalysis: Sendable {
    var prompt: PromptHomogeneity
    /// Per model index: mean pairwise cosine of its generations, NaN when it did not answer.
    var withinMeans: [Double]
    /// `crossMeans[a][b]`: mean cosine over all cross pairs of models a and b; NaN when
    /// either did not answer (and on the diagonal).
    var crossMeans: [[Double]]

    init(pool: HomogeneityPool, vectors: [[Float]], models names: [String], options: HomogeneityOptions) {
        let matrix = CosineMatrix(vectors)
        let members = pool.members(modelCount: names.count)
        let size = pool.models.count

        var withinMeans = [Double](repeating: .nan, count: names.count)
        var perModel: [PromptModelHomogeneity] = []
        for (m, positions) in members.enumerated() where !positions.isEmpty {
            let mean = matrix.meanWithin(positions)
            withinMeans[m] = mean
            let labels = GreedyPartition.labels(count: positions.count, threshold: options.equivalenceThreshold) {
                matrix[positions[$0], positions[$1]]
            }
            let sizes = GreedyPartition.sizes(labels).sorted(by: >)
            perModel.append(
                PromptModelHomogeneity(
                    model: names[m], generations: positions.count, meanCosine: mean, distinct: sizes.count, classSizes: sizes,
                    modalShare: Double(sizes[0]) / Double(positions.count)
                )
            )
        }

        var crossMeans = [[Double]](repeating: [Double](repeating: .nan, count: names.count), count: names.count)
        for a in members.indices where !members[a].isEmpty {
            for b in (a + 1)..<max(a + 1, members.count) where !members[b].isEmpty {
                let mean = matrix.meanBetween(members[a], members[b])
                crossMeans[a][b] = mean
                crossMeans[b][a] = mean
            }
        }

        let pooledLabels = GreedyPartition.labels(count: size, threshold: options.equivalenceThreshold) { matrix[$0, $1] }
        let pooledSizes = GreedyPartition.sizes(pooledLabels).sorted(by: >)

        self.withinMeans = withinMeans
        self.crossMeans = crossMeans
        self.prompt = PromptHomogeneity(
            itemID: pool.itemID, poolSize: size, models: perModel, classSizes: pooledSizes,
            modalShare: Double(pooledSizes[0]) / Double(size),
            mixing: Self.mixing(matrix: matrix, pool: pool, modelCounts: members.map(\.count), requested: options.neighbourCounts)
        )
    }

    /// For each requested N: the average over the pool's responses of the number of distinct
    /// models among their min(N, pool − 1) nearest neighbours (itself excluded, ties to the
    /// lower position), and the same expected under neighbours drawn at random.
    static func mixing(matrix: CosineMatrix, pool: HomogeneityPool, modelCounts: [Int], requested: [Int]) -> [PromptMixing] {
        let size = pool.models.count
        let largest = min(requested.max() ?? 0, size - 1)
        // The neighbours for the largest N, most similar first; a smaller N takes a prefix
        // (the order is total, so the prefix is exactly the smaller selection).
        let neighbours = (0..<size).map { NearestNeighbours.indices(of: $0, in: matrix, k: largest) }
        return requested.map { n in
            let k = min(n, size - 1)
            var total = 0
            var seen = [Bool](repeating: false, count: modelCounts.count)
            for list in neighbours {
                for index in list.prefix(k) where !seen[pool.models[index]] {
                    seen[pool.models[index]] = true
                    total += 1
                }
                for index in list.prefix(k) { seen[pool.models[index]] = false }
            }
            var expected = 0.0
            for (m, count) in modelCounts.enumerated() where count > 0 {
                expected += Double(count) * randomDistinct(modelCounts: modelCounts, own: m, draws: k)
            }
            return PromptMixing(
                neighbours: n, effectiveNeighbours: k, meanModels: Double(total) / Double(size), randomExpectation: expected / Double(size)
            )
        }
    }

    /// The expected number of distinct models among `draws` responses drawn without
    /// replacement from a pool minus one response of model `own`: Σ over models of
    /// 1 − C(others − c, draws) / C(others, draws), where c is the model's count among the others.
    static func randomDistinct(modelCounts: [Int], own: Int, draws: Int) -> Double {
        let others = modelCounts.reduce(0, +) - 1
        var expected = 0.0
        for (m, count) in modelCounts.enumerated() {
            let c = m == own ? count - 1 : count
            guard c > 0 else { continue }
            // C(others − c, draws) / C(others, draws) = Π_t (others − c − t) / (others − t).
            var missing = 1.0
            for t in 0..<draws {
                let numerator = others - c - t
                if numerator <= 0 {
                    missing = 0
                    break
                }
                missing *= Double(numerator) / Double(others - t)
            }
            expected += 1 - missing
        }
        return expected
    }
}
