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

    @Test("e^x on SIMD8 is within 2e-7 relative of libm's expf on [-87, 88], and finite beyond")
    func expAccuracy() {
        var worst: Float = 0
        for i in stride(from: -870_000, through: 880_000, by: 7) {
            let x = Float(i) / 10_000
            let lanes = VectorMath.exp(SIMD8<Float>(repeating: x))
            worst = max(worst, abs(lanes[3] - expf(x)) / expf(x))
        }
        #expect(worst < 2e-7, "max relative error \(worst)")
        let extremes = VectorMath.exp(SIMD8<Float>(-.infinity, -200, 200, .infinity, 0, 1, -1, 88))
        #expect(extremes[0] >= 0 && extremes[0] < 1e-37 && extremes[1] < 1e-37)
        #expect(extremes[2].isFinite && extremes[3].isFinite && extremes[2] > 1e38)
        #expect(extremes[4] == 1)
    }

    @Test("softmax matches a Double reference for row lengths with and without a tail")
    func softmax() {
        for count in [1, 7, 8, 13, 64, 255] {
            // Deterministic scores spread over [-12, 12], as attention scores are.
            var row = (0..<count).map { Float(12 * sin(Double($0 * 7 + count))) }
            let maximum = Double(row.max()!)
            let exps = row.map { Foundation.exp(Double($0) - maximum) }
            let total = exps.reduce(0, +)
            row.withUnsafeMutableBufferPointer { VectorMath.softmax($0.baseAddress!, count: count) }
            for (mine, e) in zip(row, exps) { #expect(abs(Double(mine) - e / total) < 1e-6) }
            #expect(abs(row.reduce(0, +) - 1) < 1e-5)
        }
    }
}
