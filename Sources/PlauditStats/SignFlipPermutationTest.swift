/// A paired permutation test of mean(d) = 0 by random sign flips, with the semantics of
/// `scipy.stats.permutation_test((d,), np.mean, permutation_type="samples", n_resamples=resamples)`.
///
/// Used where the Wilcoxon test's symmetry-about-a-median hypothesis is not the question: it tests the mean
/// paired difference itself, without a normality assumption.
///
/// - When 2ⁿ ≤ `resamples`, all 2ⁿ sign vectors are enumerated (the identity included) and the p-value is
///   exact: `count / 2ⁿ`. The null means are summed in the same order as numpy, so the result equals scipy's.
/// - Otherwise `resamples` random sign vectors are drawn from ``SeededGenerator`` and the p-value is
///   `(count + 1) / (resamples + 1)`, which never reports zero for a Monte Carlo estimate.
///
/// As in scipy, null values within a relative 100·ε of the observed mean count as ties with it ("as extreme"),
/// "less" counts null ≤ observed, "greater" counts null ≥ observed, and "two-sided" is twice the smaller
/// one-sided p-value, capped at 1. scipy refuses n = 1; here the same definitions are applied to its two sign
/// patterns (two-sided p = 1).
public struct SignFlipPermutationTest: Sendable {
    /// The number of random sign vectors for the Monte Carlo branch (and the enumeration limit).
    public let resamples: Int
    /// Seed of the Monte Carlo stream.
    public let seed: UInt64

    /// Configures the test; `resamples` must be positive.
    public init(resamples: Int = 9_999, seed: UInt64) {
        precondition(resamples > 0, "resamples must be positive")
        self.resamples = resamples
        self.seed = seed
    }

    /// Whether a sample of `n` differences is tested by full enumeration rather than Monte Carlo.
    public func isExact(sampleSize n: Int) -> Bool {
        n < 62 && (1 << n) <= resamples
    }

    /// Tests mean(d) = 0; the statistic is mean(d). NaN when `d` is empty or contains NaN.
    public func test(_ d: [Double], alternative: Alternative = .twoSided) -> TestResult {
        let n = d.count
        guard n > 0, !d.contains(where: \.isNaN) else { return TestResult(statistic: .nan, pValue: .nan) }
        let observed = Descriptive.mean(d)
        let tolerance = abs(observed * 100 * Double.ulpOfOne)
        let lowBound = observed + tolerance
        let highBound = observed - tolerance
        let scale = Double(n)

        var atMost = 0
        var atLeast = 0
        let draws: Int
        let exact = isExact(sampleSize: n)
        if exact {
            draws = 1 << n
            for pattern in 0..<draws {
                var sum = -0.0
                for i in 0..<n {
                    // Bit i set flips element i; pattern 0 is the observed data.
                    sum += (pattern >> i) & 1 == 1 ? -d[i] : d[i]
                }
                let value = sum / scale
                if value <= lowBound { atMost += 1 }
                if value >= highBound { atLeast += 1 }
            }
        } else {
            draws = resamples
            var generator = SeededGenerator(seed: seed)
            var bits: UInt64 = 0
            var bitsLeft = 0
            for _ in 0..<draws {
                var sum = -0.0
                for value in d {
                    if bitsLeft == 0 {
                        bits = generator.next()
                        bitsLeft = 64
                    }
                    sum += bits & 1 == 1 ? -value : value
                    bits >>= 1
                    bitsLeft -= 1
                }
                let value = sum / scale
                if value <= lowBound { atMost += 1 }
                if value >= highBound { atLeast += 1 }
            }
        }
        let adjustment = exact ? 0 : 1
        let pLess = Double(atMost + adjustment) / Double(draws + adjustment)
        let pGreater = Double(atLeast + adjustment) / Double(draws + adjustment)
        let p: Double
        switch alternative {
        case .twoSided: p = min(pLess, pGreater) * 2
        case .less: p = pLess
        case .greater: p = pGreater
        }
        return TestResult(statistic: observed, pValue: min(max(p, 0), 1))
    }
}
