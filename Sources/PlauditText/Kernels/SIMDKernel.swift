/// The portable matrix kernel: register-blocked, 4 rows × 8 columns of C at a time with
/// `SIMD8<Float>`, which compiles to the baseline vector instructions of any x86-64 or arm64.
enum SIMDKernel {
    /// C = scale · A·B (+ C), B row-major [k×n].
    static func multiply(
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        into c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, k: Int, scale: Float, accumulate: Bool
    ) {
        let n8 = n - n % 8
        var i = 0
        while i < m {
            let rows = min(4, m - i)
            var j = 0
            while j < n8 {
                var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
                let a0 = a + i * lda
                let a1 = a + min(i + 1, m - 1) * lda
                let a2 = a + min(i + 2, m - 1) * lda
                let a3 = a + min(i + 3, m - 1) * lda
                for p in 0..<k {
                    let bv = UnsafeRawPointer(b + p * ldb + j).loadUnaligned(as: SIMD8<Float>.self)
                    c0 += a0[p] * bv
                    c1 += a1[p] * bv
                    c2 += a2[p] * bv
                    c3 += a3[p] * bv
                }
                store(c0, c + i * ldc + j, scale, accumulate)
                if rows > 1 { store(c1, c + (i + 1) * ldc + j, scale, accumulate) }
                if rows > 2 { store(c2, c + (i + 2) * ldc + j, scale, accumulate) }
                if rows > 3 { store(c3, c + (i + 3) * ldc + j, scale, accumulate) }
                j += 8
            }
            for r in i..<(i + rows) {
                for jj in n8..<n {
                    var sum: Float = 0
                    for p in 0..<k { sum += a[r * lda + p] * b[p * ldb + jj] }
                    c[r * ldc + jj] = scale * sum + (accumulate ? c[r * ldc + jj] : 0)
                }
            }
            i += 4
        }
    }

    /// C = scale · A·Bᵀ (+ C), B row-major [n×k]: dot products of rows.
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        into c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, k: Int, scale: Float, accumulate: Bool
    ) {
        let k8 = k - k % 8
        for i in 0..<m {
            let row = a + i * lda
            for j in 0..<n {
                let other = b + j * ldb
                var acc = SIMD8<Float>()
                var p = 0
                while p < k8 {
                    acc += UnsafeRawPointer(row + p).loadUnaligned(as: SIMD8<Float>.self)
                        * UnsafeRawPointer(other + p).loadUnaligned(as: SIMD8<Float>.self)
                    p += 8
                }
                var sum = acc.sum()
                while p < k {
                    sum += row[p] * other[p]
                    p += 1
                }
                c[i * ldc + j] = scale * sum + (accumulate ? c[i * ldc + j] : 0)
            }
        }
    }

    @inline(__always)
    private static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ scale: Float, _ accumulate: Bool) {
        let raw = UnsafeMutableRawPointer(p)
        if accumulate {
            raw.storeBytes(of: raw.loadUnaligned(as: SIMD8<Float>.self) + scale * v, as: SIMD8<Float>.self)
        } else {
            raw.storeBytes(of: scale * v, as: SIMD8<Float>.self)
        }
    }
}
