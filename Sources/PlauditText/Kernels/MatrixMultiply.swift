/// Single-precision matrix products for the encoder: C = A·B or C = A·Bᵀ (row-major, with
/// leading dimensions), on OpenBLAS when it is installed and on a portable SIMD kernel
/// otherwise.
public enum MatrixMultiply {
    /// Which implementation runs the products.
    public enum Kernel: String, Sendable {
        case openBLAS = "openblas"
        case swiftSIMD = "swift-simd"
    }

    /// The kernel in use: OpenBLAS if it loads, else the Swift kernel.
    public static var kernel: Kernel { OpenBLAS.shared == nil ? .swiftSIMD : .openBLAS }

    /// C[m×n] = A[m×k] · B, where B is [k×n] (or [n×k] read transposed when `transposeB`);
    /// `accumulate` adds to C instead of overwriting it.
    static func multiply(
        _ a: UnsafePointer<Float>, lda: Int,
        _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Float>, ldc: Int,
        m: Int, n: Int, k: Int, scale: Float = 1, accumulate: Bool = false,
        kernel: Kernel = MatrixMultiply.kernel
    ) {
        if kernel == .openBLAS, let blas = OpenBLAS.shared {
            blas.sgemm(
                OpenBLAS.rowMajor, OpenBLAS.noTrans, transposeB ? OpenBLAS.trans : OpenBLAS.noTrans, Int32(m), Int32(n),
                Int32(k), scale, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc)
            )
            return
        }
        if transposeB {
            SIMDKernel.multiplyTransposed(a, lda: lda, b, ldb: ldb, into: c, ldc: ldc, m: m, n: n, k: k, scale: scale, accumulate: accumulate)
        } else {
            SIMDKernel.multiply(a, lda: lda, b, ldb: ldb, into: c, ldc: ldc, m: m, n: n, k: k, scale: scale, accumulate: accumulate)
        }
    }
}
