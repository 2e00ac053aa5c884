import Foundation

/// The encoder's element-wise functions: GELU and the softmax's exponentials, on `SIMD8<Float>`.
///
/// BERT's GELU uses the exact erf; libm's `erff` took about a quarter of the encoder's time, and
/// scalar `expf` (GELU's and the softmax's) still about a fifth at 256 tokens. Here erf is Abramowitz & Stegun 7.1.26, whose only
/// transcendental is e^(−z²), and e^x is computed eight lanes at a time with operations that
/// the baseline x86-64 target (SSE2) and arm64 vectorise: rounding to an integer by adding
/// 1.5·2²³ (no `round` instruction needed) and 2ⁿ built in the exponent bits (no conversion).
/// An earlier `SIMD8` version that called `rounded()` and converted to `Int32` was slower than
/// scalar `expf`, because those two steps were not vectorised on SSE2.
enum VectorMath {
    /// erf(z) by Abramowitz & Stegun 7.1.26: 1 − (a₁t + … + a₅t⁵)·e^(−z²), t = 1/(1 + p|z|),
    /// odd in z; absolute error at most 1.5e-7, below Float resolution near ±1.
    @inline(__always)
    static func erf(_ z: Float) -> Float {
        var lanes = SIMD8<Float>(repeating: 0)
        lanes[0] = z
        return erf(lanes)[0]
    }

    /// erf of eight lanes, as above.
    @inline(__always)
    static func erf(_ z: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(z, to: SIMD8<UInt32>.self)
        let az = unsafeBitCast(bits & 0x7FFF_FFFF, to: SIMD8<Float>.self)
        let t = 1 / (1 + 0.327_591_1 * az)
        var poly: SIMD8<Float> = 1.061_405_429 * t - 1.453_152_027
        poly = poly * t + 1.421_413_741
        poly = poly * t - 0.284_496_736
        poly = poly * t + 0.254_829_592
        poly = poly * t
        let magnitude = 1 - poly * exp(-az * az)
        return unsafeBitCast(unsafeBitCast(magnitude, to: SIMD8<UInt32>.self) | (bits & 0x8000_0000), to: SIMD8<Float>.self)
    }

    /// e^x of eight lanes, relative error at most 1.2e-7 against `expf` (Cephes' `expf` polynomial after reducing
    /// x = n·ln 2 + r, |r| ≤ ln 2 / 2); arguments are clamped to [−87.3, 88.3], so e^x is never
    /// 0 or ∞ (below e^−87.3 ≈ 1.2e-38 it returns that).
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var x = x.replacing(with: 88.3, where: x .> 88.3)
        x.replace(with: -87.3, where: .!(x .>= -87.3))  // NaN-free below: −∞ and NaN become the floor
        let shifter: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer in the low bits
        let shifted = x * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4  // ln 2 split in two for exact n·ln 2
        var p: SIMD8<Float> = 1.987_569_15e-4 * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * (r * r) + r + 1
        // 2ⁿ: the shifted value's low bits hold n + 0x40_0000; move n + 127 into the exponent.
        let exponent = (unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- 0x4B3F_FF81) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD8<Float>.self)
    }

    /// x·Φ(x) = ½·x·(1 + erf(x/√2)), in place.
    static func gelu(_ values: UnsafeMutableBufferPointer<Float>) {
        guard let base = values.baseAddress else { return }
        let count = values.count
        var i = 0
        while i + 8 <= count {
            let raw = UnsafeMutableRawPointer(base + i)
            let v = raw.loadUnaligned(as: SIMD8<Float>.self)
            raw.storeBytes(of: 0.5 * v * (1 + erf(v * 0.707_106_78)), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            base[i] = 0.5 * base[i] * (1 + erf(base[i] * 0.707_106_78))
            i += 1
        }
    }

    /// Softmax of one row in place: e^(x − max) / Σ.
    static func softmax(_ row: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        var maxima = SIMD8<Float>(repeating: -.infinity)
        var j = 0
        while j + 8 <= count {
            let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
            maxima.replace(with: v, where: v .> maxima)
            j += 8
        }
        var maximum = maxima.max()
        while j < count {
            maximum = Swift.max(maximum, row[j])
            j += 1
        }
        var sums = SIMD8<Float>()
        j = 0
        while j + 8 <= count {
            let raw = UnsafeMutableRawPointer(row + j)
            let e = exp(raw.loadUnaligned(as: SIMD8<Float>.self) - maximum)
            raw.storeBytes(of: e, as: SIMD8<Float>.self)
            sums += e
            j += 8
        }
        var total = sums.sum()
        if j < count {
            var tail = SIMD8<Float>(repeating: -.infinity)
            for t in j..<count { tail[t - j] = row[t] - maximum }
            let e = exp(tail)
            for t in j..<count {
                row[t] = e[t - j]
                total += e[t - j]
            }
        }
        let inverse = 1 / total
        j = 0
        while j + 8 <= count {
            let raw = UnsafeMutableRawPointer(row + j)
            raw.storeBytes(of: raw.loadUnaligned(as: SIMD8<Float>.self) * inverse, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            row[j] *= inverse
            j += 1
        }
    }
}
