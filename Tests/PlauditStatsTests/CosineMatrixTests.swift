import Testing

@testable import PlauditStats

@Suite("Cosine matrix, nearest neighbours, greedy partition, unit-interval histogram")
struct CosineMatrixTests {
    /// Seeded vectors with values in [−1, 1).
    static func vectors(_ count: Int, _ dimension: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<dimension).map { _ in Float(generator.nextUnitDouble() * 2 - 1) } }
    }

    @Test("matches numpy's float64 cosines (Stats oracle): zero vector 0 everywhere, scaled copy 1, negation −1")
    func numpyOracle() {
        let oracle = Oracle.root["cosine"]
        let vectors = oracle["vectors"].matrix.map { $0.map(Float.init) }
        let matrix = CosineMatrix(vectors)
        for row in oracle["similarities"].array {
            let (i, j, expected) = (row[0].int, row[1].int, row[2].double)
            #expect(abs(matrix[i, j] - expected) <= 1e-15, "(\(i), \(j)): \(matrix[i, j]) vs \(expected)")
            #expect(matrix[i, j] == matrix[j, i])
        }
        #expect(matrix[5, 5] == 0, "a zero vector has similarity 0 even with itself")
        #expect(abs(matrix[0, 6] - 1) <= 1e-15)
        #expect(matrix[1, 7] >= -1 && abs(matrix[1, 7] + 1) <= 1e-15)
    }

    @Test(
        "every shape (rows and dimensions off the tile sizes, several column blocks) agrees with Cosine.similarity",
        arguments: [(1, 3), (2, 1), (3, 5), (5, 4), (7, 37), (13, 8), (64, 9), (65, 16), (130, 12)]
    )
    func shapes(count: Int, dimension: Int) {
        let vectors = Self.vectors(count, dimension, seed: UInt64(count * 1_000 + dimension))
        let matrix = CosineMatrix(vectors)
        #expect(matrix.count == count)
        for i in 0..<count {
            for j in 0..<count {
                let expected = Cosine.similarity(vectors[i], vectors[j])
                #expect(abs(matrix[i, j] - expected) <= 1e-14, "(\(i), \(j)) of \(count)×\(dimension)")
                #expect(matrix[i, j] == matrix[j, i])
            }
        }
    }

    @Test("identical vectors get bit-identical similarities to every other vector, wherever they sit in a tile")
    func duplicatesTie() {
        var vectors = Self.vectors(23, 19, seed: 7)
        vectors[5] = vectors[2]
        vectors[22] = vectors[2]
        let matrix = CosineMatrix(vectors)
        for j in 0..<23 where ![2, 5, 22].contains(j) {
            #expect(matrix[2, j] == matrix[5, j])
            #expect(matrix[2, j] == matrix[22, j])
        }
        #expect(matrix[2, 5] <= 1 && matrix[2, 5] >= 1 - 1e-15)
    }

    @Test("within- and between-group means equal the plain averages of the entries")
    func groupMeans() {
        let vectors = Self.vectors(12, 10, seed: 3)
        let matrix = CosineMatrix(vectors)
        let group = [0, 3, 4, 9]
        let other = [1, 2, 11]
        var sum = 0.0
        for a in 0..<group.count { for b in (a + 1)..<group.count { sum += matrix[group[a], group[b]] } }
        #expect(abs(matrix.meanWithin(group) - sum / 6) <= 1e-15)
        var cross = 0.0
        for a in group { for b in other { cross += matrix[a, b] } }
        #expect(abs(matrix.meanBetween(group, other) - cross / 12) <= 1e-15)
        #expect(matrix.meanWithin([4]).isNaN)
        #expect(matrix.meanBetween([], other).isNaN)
    }

    @Test("nearest neighbours equal a full sort by (similarity desc, index asc), ties included; k capped at n − 1")
    func nearestNeighbours() {
        // Small integer vectors make many exactly equal similarities.
        var generator = SeededGenerator(seed: 11)
        let vectors = (0..<40).map { _ in (0..<3).map { _ in Float(generator.nextInt(upperBound: 3)) - 1 } }
        let matrix = CosineMatrix(vectors)
        var ties = 0
        for i in 0..<40 {
            let others = (0..<40).filter { $0 != i }
            let sorted = others.sorted { matrix[i, $0] != matrix[i, $1] ? matrix[i, $0] > matrix[i, $1] : $0 < $1 }
            for k in [1, 5, 17, 39, 60] {
                #expect(NearestNeighbours.indices(of: i, in: matrix, k: k) == Array(sorted.prefix(k)), "row \(i), k \(k)")
            }
            ties += zip(sorted, sorted.dropFirst()).filter { matrix[i, $0] == matrix[i, $1] }.count
        }
        #expect(ties > 100, "the case must exercise ties")
        #expect(NearestNeighbours.indices(of: 0, in: CosineMatrix([[1, 0]]), k: 5) == [])
    }

    @Test("greedy partition: first class whose representative is similar enough, at ≥ the threshold, in the given order")
    func greedyPartition() {
        // 0 ~ 1 (0.9), 1 ~ 2 (0.9) but 0 and 2 apart (0.5): 2 opens a class because 1 is not a representative.
        let table: [[Double]] = [
            [1, 0.9, 0.5, 0.8],
            [0.9, 1, 0.9, 0.2],
            [0.5, 0.9, 1, 0.85],
            [0.8, 0.2, 0.85, 1],
        ]
        #expect(GreedyPartition.labels(count: 4, threshold: 0.8) { table[$0][$1] } == [0, 0, 1, 0])
        #expect(GreedyPartition.labels(count: 4, threshold: 0.80001) { table[$0][$1] } == [0, 0, 1, 1])
        #expect(GreedyPartition.labels(count: 4, threshold: 0.95) { table[$0][$1] } == [0, 1, 2, 3])
        #expect(GreedyPartition.labels(count: 4, threshold: 0.1) { table[$0][$1] } == [0, 0, 0, 0])
        #expect(GreedyPartition.sizes([0, 0, 1, 0, 2]) == [3, 1, 1])
        #expect(GreedyPartition.labels(count: 0, threshold: 0.5) { _, _ in 1 } == [])
    }

    @Test("histogram: [k/10, (k+1)/10) with a closed last bin; below 0 and above 1 counted in the end bins and apart")
    func histogram() {
        let values: [Double] = [0, 0.1, 0.1.nextDown, 0.3, 0.3.nextDown, 0.7, 0.8, 0.8.nextDown, 0.9, 0.95, 1, -0.2, 1.0.nextUp, 0.55]
        let histogram = UnitIntervalHistogram(values)
        // bins:                  0  1  2  3  4  5  6  7  8  9
        #expect(histogram.counts == [3, 1, 1, 1, 0, 1, 0, 2, 1, 4])
        #expect(histogram.belowZero == 1)
        #expect(histogram.aboveOne == 1)
        #expect(histogram.counts.reduce(0, +) == values.count)
        // The rule against the edges themselves, for every k: an edge opens its bin.
        for k in 1..<10 {
            let edge = UnitIntervalHistogram.edge(k, 10)
            #expect(UnitIntervalHistogram([edge]).counts[k] == 1, "edge \(edge)")
            #expect(UnitIntervalHistogram([edge.nextDown]).counts[k - 1] == 1, "below edge \(edge)")
        }
        #expect(UnitIntervalHistogram([0.5, 0.25], bins: 4).counts == [0, 1, 1, 0])
    }
}
