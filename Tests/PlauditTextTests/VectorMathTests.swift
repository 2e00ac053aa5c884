import Foundation
import Testing

@testable import PlauditText

@Suite("GELU")
struct VectorMathTests {
    /// The closed-form erf against libm's `erff` (Abramowitz & Stegun bound 1.5e-7, plus Float
    /// rounding), over the range the encoder's activations take and beyond.
    @Test("erf matches libm within 5e-7 on [-10, 10] (formula 1.5e-7 plus Float rounding)")
    func erfAccuracy() {
        var worst: Float = 0
        for i in -100_000...100_000 {
            let z = Float(i) / 10_000
            worst = max(worst, abs(VectorMath.erf(z) - erff(z)))
        }
        #expect(worst < 5e-7, "max |Δ| \(worst)")
    }

    @Test("GELU is x·Φ(x), exact at the tails")
    func gelu() {
        var values: [Float] = [-30, -3, -1, -0.5, 0, 0.5, 1, 3, 30]
        let expected: [Float] = values.map { 0.5 * $0 * (1 + erff($0 / Float(2).squareRoot())) }
        values.withUnsafeMutableBufferPointer { VectorMath.gelu($0) }
        for (a, b) in zip(values, expected) { #expect(abs(a - b) <= Float(1e-6) * max(Float(1), abs(b))) }
        #expect(values[0] == 0)
        #expect(values[8] == 30)
    }
}
