/// The Wilcoxon signed-rank test of paired differences, reproducing `scipy.stats.wilcoxon(d)` with its defaults
/// (`zero_method="wilcox"`, `correction=False`, `method="auto"`).
///
/// Used for paired comparisons of reward scores (same prompt, two conditions) without assuming normality.
///
/// scipy's "auto" rule, reproduced exactly (it depends on ties and zeros, which surprises many users):
/// - more than 50 differences (zeros included): normal approximation with tie correction;
/// - otherwise, no zeros and no tied |d|: exact null distribution of R+;
/// - otherwise, at most 13 differences: an exact sign-flip permutation test of R+ over all 2ⁿ sign vectors
///   (zeros flip too but contribute nothing);
/// - otherwise: the normal approximation.
/// Zeros are dropped before ranking. An empty input, NaN in the input, or (on the normal branch) nothing but
/// zeros gives NaN. A single zero difference, where scipy raises, gives statistic 0 and p = 1.
public enum WilcoxonSignedRank {
    /// Tests whether the differences are symmetric about zero.
    ///
    /// The statistic is min(R+, R−) for the two-sided alternative and R+ (sum of ranks of positive differences)
    /// for one-sided alternatives, as in scipy.
    public static func test(differences d: [Double], alternative: Alternative = .twoSided) -> TestResult {
        let n = d.count
        guard n > 0, !d.contains(where: \.isNaN) else { return TestResult(statistic: .nan, pValue: .nan) }

        let nonzero = d.filter { $0 != 0 }
        let zeroCount = n - nonzero.count
        let ranks = Ranks.average(nonzero.map(abs))
        var rPlus = 0.0
        var rMinus = 0.0
        for (value, rank) in zip(nonzero, ranks) {
            if value > 0 { rPlus += rank } else { rMinus += rank }
        }
        let tieSizes = Ranks.tieGroupSizes(nonzero.map(abs))
        let hasTies = tieSizes.contains { $0 > 1 }
        let statistic = alternative == .twoSided ? min(rPlus, rMinus) : rPlus

        let p: Double
        if n > 50 || ((hasTies || zeroCount > 0) && n > 13) {
            p = normalApproximation(rPlus: rPlus, count: nonzero.count, tieSizes: tieSizes, alternative)
        } else if !hasTies && zeroCount == 0 {
            p = exactPValue(rPlus: Int(rPlus), n: n, alternative)
        } else {
            p = signFlipPValue(ranks: ranks, zeroCount: zeroCount, rPlus: rPlus, alternative)
        }
        return TestResult(statistic: statistic, pValue: p)
    }

    private static func normalApproximation(
        rPlus: Double, count: Int, tieSizes: [Int], _ alternative: Alternative
    ) -> Double {
        let c = Double(count)
        let mean = c * (c + 1) * 0.25
        let tieCorrection = tieSizes.reduce(0.0) { sum, t in
            let size = Double(t)
            return sum + (size * size * size - size)
        }
        let se = ((c * (c + 1) * (2 * c + 1) - tieCorrection / 2) / 24).squareRoot()
        let z = (rPlus - mean) / se
        switch alternative {
        case .twoSided: return 2 * SpecialFunctions.normalCDF(-abs(z))
        case .less: return SpecialFunctions.normalCDF(z)
        case .greater: return SpecialFunctions.normalCDF(-z)
        }
    }

    /// Exact p-value from the distribution of R+ over the 2ⁿ equally likely sign patterns of ranks 1…n.
    /// Counts are integers and 2ⁿ ≤ 2⁵⁰, so the result is the exact rational scipy also obtains.
    private static func exactPValue(rPlus: Int, n: Int, _ alternative: Alternative) -> Double {
        let counts = subsetSumCounts(weights: Array(1...n))
        let total = Double(UInt64(1) << UInt64(n))
        let atMost = counts[0...rPlus].reduce(0, +)
        let atLeast = counts[rPlus...].reduce(0, +)
        switch alternative {
        case .twoSided: return min(1, 2 * Double(min(atMost, atLeast)) / total)
        case .less: return Double(atMost) / total
        case .greater: return Double(atLeast) / total
        }
    }

    /// Exact sign-flip permutation p-value of R+ (scipy's fallback for small samples with ties or zeros).
    private static func signFlipPValue(
        ranks: [Double], zeroCount: Int, rPlus: Double, _ alternative: Alternative
    ) -> Double {
        // Average ranks are multiples of 1/2, so doubled ranks are integer weights.
        let weights = ranks.map { Int(($0 * 2).rounded()) }
        let counts = subsetSumCounts(weights: weights)
        let observed = Int((rPlus * 2).rounded())
        let multiplicity = UInt64(1) << UInt64(zeroCount)
        let total = Double(UInt64(1) << UInt64(ranks.count + zeroCount))
        let atMost = Double(counts[0...observed].reduce(0, +) * multiplicity) / total
        let atLeast = Double(counts[observed...].reduce(0, +) * multiplicity) / total
        switch alternative {
        case .twoSided: return min(1, 2 * min(atMost, atLeast))
        case .less: return atMost
        case .greater: return atLeast
        }
    }

    /// counts[s] = number of subsets of `weights` (as a multiset of positions) whose weights sum to s.
    static func subsetSumCounts(weights: [Int]) -> [UInt64] {
        let total = weights.reduce(0, +)
        var counts = [UInt64](repeating: 0, count: total + 1)
        counts[0] = 1
        var reach = 0
        for w in weights {
            reach += w
            if w == 0 {
                for s in 0...reach { counts[s] *= 2 }
                continue
            }
            for s in stride(from: reach, through: w, by: -1) {
                counts[s] += counts[s - w]
            }
        }
        return counts
    }
}
