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

        // Each row of qkv: the token's query, key and value (3 × hidden).
        var qkv = [Float](repeating: 0, count: rows * 3 * h)
        var q = [Float](repeating: 0, count: rows * h)
        var context = [Float](repeating: 0, count: rows * h)
        var inner = [Float](repeating: 0, count: rows * configuration.intermediate)
        var scores = [Float](repeating: 0, count: length * length)
        for layer in weights.layers {
            linear(x, layer.queryKeyValue, rows: rows, into: &qkv)
            for s in 0..<batch {
                attention(qkv, sequence: s, length: length, used: sequences[s].count, scores: &scores, into: &context)
            }
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
        _ qkv: [Float], sequence s: Int, length: Int, used: Int, scores: inout [Float], into context: inout [Float]
    ) {
        let h = configuration.hidden
        let dh = configuration.headDimension
        let scale = 1 / Float(dh).squareRoot()
        let base = s * length * h
        qkv.withUnsafeBufferPointer { qkvp in
            scores.withUnsafeMutableBufferPointer { sp in
                context.withUnsafeMutableBufferPointer { cp in
                    // Rows of the fused projection: query at 0, key at h, value at 2h.
                    let q = qkvp.baseAddress! + s * length * 3 * h
                    let k = q + h
                    let v = q + 2 * h
                    for head in 0..<configuration.heads {
                        let offset = head * dh
                        // scores[used × used] = Q_h · K_hᵀ / √d: padding rows and keys are skipped.
                        MatrixMultiply.multiply(
                            q + offset, lda: 3 * h, k + offset, ldb: 3 * h, transposeB: true,
                            into: sp.baseAddress!, ldc: used, m: used, n: used, k: dh, scale: scale, kernel: kernel
                        )
                        for i in 0..<used { VectorMath.softmax(sp.baseAddress! + i * used, count: used) }
                        MatrixMultiply.multiply(
                            sp.baseAddress!, lda: used, v + offset, ldb: 3 * h, transposeB: false,
                            into: cp.baseAddress! + base + offset, ldc: h, m: used, n: dh, k: used, kernel: kernel
                        )
                        // Padding rows of the context are never read; keep them finite.
                        for t in used..<length {
                            for d in 0..<dh { cp[base + t * h + offset + d] = 0 }
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

    /// LayerNorm over the hidden dimension of each row, on `SIMD8<Float>` (two passes: the mean,
    /// then the centred variance). Statistics in Double with scalar loops were 7% of the
    /// encoder's time at 256 tokens; in Float they move outputs by under 1e-6.
    private func layerNorm(_ x: inout [Float], rows: Int, _ norm: MiniLMWeights.LayerNorm) {
        let h = configuration.hidden
        precondition(h % 16 == 0, "hidden size \(h) is not a multiple of 16")
        let epsilon = configuration.layerNormEpsilon
        x.withUnsafeMutableBufferPointer { xp in
            norm.gamma.withUnsafeBufferPointer { gp in
                norm.beta.withUnsafeBufferPointer { bp in
                    let gamma = gp.baseAddress!, beta = bp.baseAddress!
                    for r in 0..<rows {
                        let row = xp.baseAddress! + r * h
                        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
                        for d in stride(from: 0, to: h, by: 16) {
                            s0 += load(row + d)
                            s1 += load(row + d + 8)
                        }
                        let mean = (s0 + s1).sum() / Float(h)
                        var v0 = SIMD8<Float>(), v1 = SIMD8<Float>()
                        for d in stride(from: 0, to: h, by: 16) {
                            let c0 = load(row + d) - mean, c1 = load(row + d + 8) - mean
                            v0 += c0 * c0
                            v1 += c1 * c1
                        }
                        let inverse = 1 / ((v0 + v1).sum() / Float(h) + epsilon).squareRoot()
                        for d in stride(from: 0, to: h, by: 8) {
                            let y = (load(row + d) - mean) * inverse * load(gamma + d) + load(beta + d)
                            UnsafeMutableRawPointer(row + d).storeBytes(of: y, as: SIMD8<Float>.self)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private func load(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// The exact (erf) GELU that BERT uses, vectorised.
    private func gelu(_ x: inout [Float]) {
        x.withUnsafeMutableBufferPointer { VectorMath.gelu($0) }
    }
}
