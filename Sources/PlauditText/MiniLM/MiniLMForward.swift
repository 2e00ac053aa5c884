import Foundation

/// One forward pass of the encoder over a batch of token sequences, with its own scratch
/// buffers: a batch runs on one task, and batches run in parallel.
struct MiniLMForward {
    let weights: MiniLMWeights
    let configuration: MiniLMConfiguration
    let kernel: MatrixMultiply.Kernel

    /// Mean-pooled, L2-normalised vectors for `sequences` (each starting with [CLS] and ending
    /// with [SEP]), padded internally to the longest.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let batch = sequences.count
        let length = sequences.map(\.count).max() ?? 0
        guard batch > 0, length > 0 else { return sequences.map { _ in [] } }
        let h = configuration.hidden
        let rows = batch * length
        var x = [Float](repeating: 0, count: rows * h)
        var valid = [Bool](repeating: false, count: rows)

        // Embeddings: word + position + token type 0, then LayerNorm.
        for (s, sequence) in sequences.enumerated() {
            for (t, token) in sequence.enumerated() {
                let r = s * length + t
                valid[r] = true
                let word = Int(token) * h
                let position = t * h
                for d in 0..<h {
                    x[r * h + d] = weights.wordEmbeddings[word + d] + weights.positionEmbeddings[position + d]
                        + weights.tokenTypeEmbeddings[d]
                }
            }
        }
        layerNorm(&x, rows: rows, weights.embeddingNorm)

        var q = [Float](repeating: 0, count: rows * h)
        var k = [Float](repeating: 0, count: rows * h)
        var v = [Float](repeating: 0, count: rows * h)
        var context = [Float](repeating: 0, count: rows * h)
        var inner = [Float](repeating: 0, count: rows * configuration.intermediate)
        var scores = [Float](repeating: 0, count: length * length)
        for layer in weights.layers {
            linear(x, layer.query, rows: rows, into: &q)
            linear(x, layer.key, rows: rows, into: &k)
            linear(x, layer.value, rows: rows, into: &v)
            for s in 0..<batch {
                attention(q: q, k: k, v: v, sequence: s, length: length, used: sequences[s].count, scores: &scores, into: &context)
            }
            // Q is not needed after attention: its buffer takes the projections.
            linear(context, layer.attentionOutput, rows: rows, into: &q)
            addInPlace(&q, x)
            layerNorm(&q, rows: rows, layer.attentionNorm)
            swap(&x, &q)
            linear(x, layer.intermediate, rows: rows, into: &inner)
            gelu(&inner)
            linear(inner, layer.output, rows: rows, into: &q)
            addInPlace(&q, x)
            layerNorm(&q, rows: rows, layer.outputNorm)
            swap(&x, &q)
        }

        // Mean over the sequence's own tokens ([CLS] and [SEP] included), then L2 norm.
        return sequences.indices.map { s in
            var pooled = [Double](repeating: 0, count: h)
            let used = sequences[s].count
            for t in 0..<used {
                let base = (s * length + t) * h
                for d in 0..<h { pooled[d] += Double(x[base + d]) }
            }
            let mean = pooled.map { $0 / Double(used) }
            let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return mean.map { Float(norm > 0 ? $0 / norm : 0) }
        }
    }

    /// out[rows × out] = x[rows × in] · W + b.
    private func linear(_ x: [Float], _ layer: MiniLMWeights.Linear, rows: Int, into out: inout [Float]) {
        let n = layer.outputs
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                for j in 0..<n { o[r * n + j] = layer.bias[j] }
            }
            x.withUnsafeBufferPointer { a in
                layer.weight.withUnsafeBufferPointer { w in
                    MatrixMultiply.multiply(
                        a.baseAddress!, lda: layer.inputs, w.baseAddress!, ldb: n, transposeB: false, into: o.baseAddress!,
                        ldc: n, m: rows, n: n, k: layer.inputs, accumulate: true, kernel: kernel
                    )
                }
            }
        }
    }

    /// Multi-head self-attention for one sequence of the batch; padding keys are masked out.
    private func attention(
        q: [Float], k: [Float], v: [Float], sequence s: Int, length: Int, used: Int, scores: inout [Float],
        into context: inout [Float]
    ) {
        let h = configuration.hidden
        let dh = configuration.headDimension
        let scale = 1 / Float(dh).squareRoot()
        let base = s * length * h
        q.withUnsafeBufferPointer { qp in
            k.withUnsafeBufferPointer { kp in
                v.withUnsafeBufferPointer { vp in
                    scores.withUnsafeMutableBufferPointer { sp in
                        context.withUnsafeMutableBufferPointer { cp in
                            for head in 0..<configuration.heads {
                                let offset = base + head * dh
                                // scores[used × used] = Q_h · K_hᵀ / √d: padding rows and keys are skipped.
                                MatrixMultiply.multiply(
                                    qp.baseAddress! + offset, lda: h, kp.baseAddress! + offset, ldb: h, transposeB: true,
                                    into: sp.baseAddress!, ldc: used, m: used, n: used, k: dh, scale: scale, kernel: kernel
                                )
                                for i in 0..<used {
                                    let row = sp.baseAddress! + i * used
                                    var maximum = -Float.infinity
                                    for j in 0..<used { maximum = max(maximum, row[j]) }
                                    var total: Float = 0
                                    for j in 0..<used {
                                        row[j] = expf(row[j] - maximum)
                                        total += row[j]
                                    }
                                    let inverse = 1 / total
                                    for j in 0..<used { row[j] *= inverse }
                                }
                                MatrixMultiply.multiply(
                                    sp.baseAddress!, lda: used, vp.baseAddress! + offset, ldb: h, transposeB: false,
                                    into: cp.baseAddress! + offset, ldc: h, m: used, n: dh, k: used, kernel: kernel
                                )
                                // Padding rows of the context are never read; keep them finite.
                                for t in used..<length {
                                    for d in 0..<dh { cp[base + t * h + head * dh + d] = 0 }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func addInPlace(_ x: inout [Float], _ y: [Float]) {
        x.withUnsafeMutableBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                for i in 0..<xp.count { xp[i] += yp[i] }
            }
        }
    }

    /// LayerNorm over the hidden dimension of each row (statistics in Double).
    private func layerNorm(_ x: inout [Float], rows: Int, _ norm: MiniLMWeights.LayerNorm) {
        let h = configuration.hidden
        let epsilon = Double(configuration.layerNormEpsilon)
        x.withUnsafeMutableBufferPointer { xp in
            for r in 0..<rows {
                let row = xp.baseAddress! + r * h
                var mean = 0.0
                for d in 0..<h { mean += Double(row[d]) }
                mean /= Double(h)
                var variance = 0.0
                for d in 0..<h {
                    let c = Double(row[d]) - mean
                    variance += c * c
                }
                variance /= Double(h)
                let inverse = 1 / (variance + epsilon).squareRoot()
                for d in 0..<h {
                    row[d] = Float((Double(row[d]) - mean) * inverse) * norm.gamma[d] + norm.beta[d]
                }
            }
        }
    }

    /// The exact (erf) GELU that BERT uses, vectorised.
    private func gelu(_ x: inout [Float]) {
        x.withUnsafeMutableBufferPointer { VectorMath.gelu($0) }
    }
}
