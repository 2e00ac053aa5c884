import Foundation

/// The special functions behind the p-values: normal and Student-t tails and the regularized incomplete beta.
///
/// Written for relative accuracy in the tails (a p-value of 1e-30 is computed as such, not as `1 - 0.99…`),
/// because plaudit reports small p-values and adjusts them for multiplicity.
enum SpecialFunctions {
    /// Standard normal CDF Φ(x), accurate in both tails (cephes `ndtr` construction on top of erf/erfc).
    static func normalCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let scaled = x * 0.5.squareRoot()
        let magnitude = abs(scaled)
        if magnitude < 0.5.squareRoot() {
            return 0.5 + 0.5 * erf(scaled)
        }
        let half = 0.5 * erfc(magnitude)
        return scaled > 0 ? 1 - half : half
    }

    /// Standard normal quantile Φ⁻¹(p) for p in (0, 1); ±infinity at 0 and 1, NaN outside.
    ///
    /// A rational first guess (Acklam) polished by Halley steps on ``normalCDF(_:)`` to full double precision.
    static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 {
            return -normalQuantile(1 - p)
        }
        var x = acklamLowerHalf(p)
        for _ in 0..<3 {
            let density = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            guard density > 0 else { break }
            let u = (normalCDF(x) - p) / density
            let step = u / (1 + x * u / 2)
            x -= step
            if abs(step) <= 1e-17 * max(1, abs(x)) { break }
        }
        return x
    }

    /// Acklam's rational approximation of Φ⁻¹ for p in (0, 0.5] (relative error about 1e-9).
    private static func acklamLowerHalf(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [
            7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00,
        ]
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
            let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
            return numerator / denominator
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        let denominator = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
        return numerator / denominator
    }

    /// Two-sided Student-t tail probability P(|T| ≥ |t|) with `df` degrees of freedom
    /// (equals `2 * scipy.special.stdtr(df, -|t|)`). NaN for NaN input or `df <= 0`.
    static func studentTTwoSided(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t.isInfinite { return 0 }
        let t2 = t * t
        let denominator = df + t2
        // P(|T| >= t) = I_{df/(df+t²)}(df/2, 1/2); pass both x and 1 - x computed without cancellation.
        return regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / denominator, complementOfX: t2 / denominator)
    }

    /// Regularized incomplete beta I_x(a, b) for a, b > 0 and x in [0, 1].
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        regularizedIncompleteBeta(a: a, b: b, x: x, complementOfX: 1 - x)
    }

    /// Upper tail 1 − I_x(a, b), computed directly so that small tails keep their relative accuracy.
    static func regularizedIncompleteBetaComplement(a: Double, b: Double, x: Double) -> Double {
        regularizedIncompleteBeta(a: b, b: a, x: 1 - x, complementOfX: x)
    }

    /// I_x(a, b) where the caller supplies `complementOfX` = 1 − x, possibly more accurately than `1 - x`.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double, complementOfX y: Double) -> Double {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 || x < 0 || x > 1 { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        // Prefactor x^a y^b / (a B(a, b)); the continued fraction converges fast below the mean a/(a+b).
        let logPrefactor = logPowerOverBeta(a: a, b: b, x: x, y: y)
        if x < (a + 1) / (a + b + 2) {
            return exp(logPrefactor) * betaContinuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logPrefactor) * betaContinuedFraction(a: b, b: a, x: y) / b
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// log(xᵃ yᵇ / B(a, b)) with y = 1 − x.
    ///
    /// For large a and b the three log-gamma terms are huge and nearly cancel, so Stirling's formula is used
    /// instead: xᵃyᵇ/B(a, b) = (x(a+b)/a)ᵃ (y(a+b)/b)ᵇ √(ab / (2π(a+b))) e^{−(δ(a) + δ(b) − δ(a+b))},
    /// with δ the Stirling remainder. The powers have bases near 1 at the bulk of the distribution and are
    /// evaluated with log1p, which keeps the error near the conditioning of the problem for n in the millions.
    static func logPowerOverBeta(a: Double, b: Double, x: Double, y: Double) -> Double {
        guard a >= 10 && b >= 10 else {
            return a * log(x) + b * log(y) - logBeta(a, b)
        }
        let shift = x * b - y * a  // = x(a + b) − a, since x + y = 1
        return a * log1p(shift / a) + b * log1p(-shift / b) + 0.5 * log(a * b / (2 * Double.pi * (a + b)))
            - (stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(a + b))
    }

    /// δ(z) = log Γ(z) − [(z − ½) log z − z + ½ log 2π], by its asymptotic series (z ≥ 10: error below 1e-17).
    static func stirlingRemainder(_ z: Double) -> Double {
        let inverse = 1 / z
        let inverseSquared = inverse * inverse
        var series = 1.0 / 156
        series = series * inverseSquared - 691.0 / 360_360
        series = series * inverseSquared + 1.0 / 1_188
        series = series * inverseSquared - 1.0 / 1_680
        series = series * inverseSquared + 1.0 / 1_260
        series = series * inverseSquared - 1.0 / 360
        series = series * inverseSquared + 1.0 / 12
        return series * inverse
    }

    /// The continued fraction of I_x(a, b) (modified Lentz evaluation).
    private static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let mm = Double(m)
            let m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
