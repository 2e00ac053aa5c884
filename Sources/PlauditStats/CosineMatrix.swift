/// Every pairwise cosine similarity of a set of vectors: a symmetric n×n matrix of `Double`.
///
/// Built for pools of thousands of embeddings (25 models × 50 generations = 1,250 vectors of up
/// to 1,536 dimensions): the vectors are normalised once into one contiguous row-major buffer,
/// and the dot products of the upper triangle come from a blocked kernel that keeps a tile of
/// four rows in L1 and a block of columns in L2. Only one n×n matrix is kept (12.5 MB for
/// n = 1,250).
///
/// Double precision throughout, although embeddings are `Float`: generations of one model are
/// often near-duplicates (an encoder gives the same text slightly different vectors in
/// different batches), whose cosines to a third vector differ by 1e-8. Single precision
/// (about 6e-8 at 0.9) would reorder such neighbours arbitrarily; in double precision the
/// nearest neighbours and the equivalence classes are those of an exact computation (the numpy
/// oracle agrees on every count).
///
/// Every entry is computed by the same sequence of operations, whatever its position in a tile,
/// so identical vectors get bit-identical similarities to any third vector (ties stay ties).
/// Values are clamped to [−1, 1]; a zero vector has similarity 0 with everything, itself
/// included, as in ``Cosine/similarity(_:_:)``.
public struct CosineMatrix: Sendable {
    /// The number of vectors (rows and columns).
    public let count: Int
    private let values: [Double]

    /// The similarity matrix of `vectors`, which must all have the same length.
    public init(_ vectors: [[Float]]) {
        let n = vectors.count
        let dimension = vectors.first?.count ?? 0
        precondition(vectors.allSatisfy { $0.count == dimension }, "cosine similarity needs vectors of equal length")
        count = n
        guard n > 0 else {
            values = []
            return
        }
        let units = UnitRows(vectors, dimension: dimension)
        values = [Double](unsafeUninitializedCapacity: n * n) { buffer, initialized in
            units.gram(into: buffer.baseAddress!, count: n)
            initialized = n * n
        }
    }

    /// cos(vector i, vector j) in [−1, 1].
    public subscript(i: Int, j: Int) -> Double {
        values[i * count + j]
    }

    /// Row `i` of the matrix (its similarities to every vector, itself included).
    public func withRow<R>(_ i: Int, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[(i * count)..<((i + 1) * count)])) }
    }

    /// The mean of the similarities between every pair of distinct members of `members`
    /// (the upper triangle of that sub-matrix); NaN for
    /// fewer than two members.
    public func meanWithin(_ members: [Int]) -> Double {
        guard members.count >= 2 else { return .nan }
        var sum = 0.0
        for a in 0..<members.count {
            let row = members[a] * count
            for b in (a + 1)..<members.count { sum += values[row + members[b]] }
        }
        return sum / Double(members.count * (members.count - 1) / 2)
    }

    /// The mean of the similarities between every member of `first` and every member of
    /// `second` (all cross pairs); NaN when either is empty.
    public func meanBetween(_ first: [Int], _ second: [Int]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return .nan }
        var sum = 0.0
        for a in first {
            let row = a * count
            for b in second { sum += values[row + b] }
        }
        return sum / Double(first.count * second.count)
    }
}

/// Unit-length copies of vectors in one zero-padded row-major buffer, and the blocked kernel
/// that multiplies it by its own transpose.
private struct UnitRows {
    /// Rows rounded up to a multiple of the tile height, so every tile is full.
    let paddedRows: Int
    /// Columns rounded up to a multiple of the vector width.
    let stride: Int
    var storage: [Double]

    static let tileRows = 4
    static let tileColumns = 2
    /// Columns of the matrix whose rows stay in cache while every row tile passes over them.
    static let blockColumns = 64

    init(_ vectors: [[Float]], dimension: Int) {
        paddedRows = (vectors.count + Self.tileRows - 1) / Self.tileRows * Self.tileRows
        stride = max(2, (dimension + 1) / 2 * 2)
        var storage = [Double](repeating: 0, count: paddedRows * stride)
        for (r, vector) in vectors.enumerated() {
            var squares = 0.0
            for x in vector { squares += Double(x) * Double(x) }
            guard squares > 0 else { continue }
            let inverse = 1 / squares.squareRoot()
            for (k, x) in vector.enumerated() { storage[r * stride + k] = Double(x) * inverse }
        }
        self.storage = storage
    }

    /// Writes the n×n matrix of dot products of the first `count` rows into `out`, computing
    /// each entry of the upper triangle once and mirroring it.
    func gram(into out: UnsafeMutablePointer<Double>, count n: Int) {
        storage.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let width = stride
            var blockStart = 0
            while blockStart < n {
                let blockEnd = min(n, blockStart + Self.blockColumns)
                var i = 0
                while i < min(blockEnd, n) {
                    // Column pairs of this block that reach the upper triangle of rows i..<i+4.
                    var j = max(blockStart, i / Self.tileColumns * Self.tileColumns)
                    while j < blockEnd {
                        Self.tile(base, width: width, row: i, column: j, n: n, into: out)
                        j += Self.tileColumns
                    }
                    i += Self.tileRows
                }
                blockStart = blockEnd
            }
        }
    }

    /// Dot products of rows i..<i+4 with rows j and j+1, kept where column ≥ row (and both
    /// are real rows), mirrored below the diagonal.
    @inline(__always)
    private static func tile(_ base: UnsafePointer<Double>, width: Int, row i: Int, column j: Int, n: Int, into out: UnsafeMutablePointer<Double>) {
        let a0 = base + i * width
        let a1 = a0 + width
        let a2 = a1 + width
        let a3 = a2 + width
        // A column past the last real row reads row 0 and is discarded.
        let b0 = base + (j < n ? j : 0) * width
        let b1 = base + (j + 1 < n ? j + 1 : 0) * width
        var c00 = SIMD2<Double>(), c01 = SIMD2<Double>()
        var c10 = SIMD2<Double>(), c11 = SIMD2<Double>()
        var c20 = SIMD2<Double>(), c21 = SIMD2<Double>()
        var c30 = SIMD2<Double>(), c31 = SIMD2<Double>()
        var k = 0
        while k < width {
            let v0 = load(b0 + k)
            let v1 = load(b1 + k)
            let u0 = load(a0 + k)
            c00 += u0 * v0
            c01 += u0 * v1
            let u1 = load(a1 + k)
            c10 += u1 * v0
            c11 += u1 * v1
            let u2 = load(a2 + k)
            c20 += u2 * v0
            c21 += u2 * v1
            let u3 = load(a3 + k)
            c30 += u3 * v0
            c31 += u3 * v1
            k += 2
        }
        store(c00, i, j, n, out)
        store(c01, i, j + 1, n, out)
        store(c10, i + 1, j, n, out)
        store(c11, i + 1, j + 1, n, out)
        store(c20, i + 2, j, n, out)
        store(c21, i + 2, j + 1, n, out)
        store(c30, i + 3, j, n, out)
        store(c31, i + 3, j + 1, n, out)
    }

    /// Writes one entry where column ≥ row (both real rows) and its mirror. Every entry is
    /// reduced in the same order, lane 0 + lane 1, and clamped to [−1, 1].
    @inline(__always)
    private static func store(_ lanes: SIMD2<Double>, _ row: Int, _ column: Int, _ n: Int, _ out: UnsafeMutablePointer<Double>) {
        guard row < n, column < n, column >= row else { return }
        let value = min(1, max(-1, lanes[0] + lanes[1]))
        out[row * n + column] = value
        out[column * n + row] = value
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }
}
