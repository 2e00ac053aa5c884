/// Cosine similarity of embedding vectors, accumulated in double precision.
public enum Cosine {
    /// u·v / (‖u‖‖v‖), in [−1, 1]; 0 when either vector is all zeros (no direction, so no similarity).
    /// The vectors must have equal length.
    public static func similarity(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count, "cosine similarity needs vectors of equal length")
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        for i in a.indices {
            let x = Double(a[i])
            let y = Double(b[i])
            dot += x * y
            normA += x * x
            normB += y * y
        }
        if normA == 0 || normB == 0 { return 0 }
        return min(1, max(-1, dot / (normA.squareRoot() * normB.squareRoot())))
    }

    /// Pairwise cosine distances 1 − similarity: symmetric, zero diagonal, values in [0, 2]
    /// (a zero vector is at distance 1 from every other vector). Input for ``AgglomerativeClustering``.
    public static func distanceMatrix(_ vectors: [[Float]]) -> [[Double]] {
        let n = vectors.count
        var distances = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let d = 1 - similarity(vectors[i], vectors[j])
                distances[i][j] = d
                distances[j][i] = d
            }
        }
        return distances
    }
}
