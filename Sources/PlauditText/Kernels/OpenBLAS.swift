import Foundation

/// OpenBLAS's `cblas_sgemm`, loaded at run time when the library is installed (Debian:
/// `libopenblas0-pthread`), so plaudit builds and runs without it and uses it when present.
///
/// Loading at run time rather than linking keeps the build free of system packages; the
/// encoder records in its descriptor which kernel it used.
struct OpenBLAS: @unchecked Sendable {
    // cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)
    typealias SGEMM = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
        Float, UnsafeMutablePointer<Float>?, Int32
    ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    let sgemm: SGEMM

    static let rowMajor: Int32 = 101
    static let noTrans: Int32 = 111
    static let trans: Int32 = 112

    /// The library, or `nil` when none can be loaded. `PLAUDIT_BLAS=none` disables it.
    static let shared: OpenBLAS? = {
        if ProcessInfo.processInfo.environment["PLAUDIT_BLAS"] == "none" { return nil }
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblasp-r0.3.21.so"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_sgemm") else { continue }
            let setThreads = dlsym(handle, "openblas_set_num_threads").map { unsafeBitCast($0, to: SetThreads.self) }
            // Parallelism comes from plaudit's own batches; BLAS threads would oversubscribe.
            setThreads?(1)
            return OpenBLAS(sgemm: unsafeBitCast(symbol, to: SGEMM.self))
        }
        return nil
    }()
}
