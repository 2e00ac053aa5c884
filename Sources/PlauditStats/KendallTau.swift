import Foundation

extension Correlation {
    /// Kendall's τ-b and its two-sided p-value, as `scipy.stats.kendalltau` with its defaults
    /// (`variant="b"`, `method="auto"`).
    ///
    /// scipy's "auto" rule, reproduced here: the exact permutation distribution of the discordant-pair count is
    /// used when neither input has ties and either n ≤ 33 or min(discordant, concordant) ≤ 1; otherwise the
    /// normal approximation with the tie-corrected variance. NaN when either input is constant or n < 2.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        let n = x.count
        guard n == y.count, n >= 1 else { return .undefined(n: min(x.count, y.count)) }
        if x.contains(where: \.isNaN) || y.contains(where: \.isNaN) { return .undefined(n: n) }

        let counts = KendallPairCounts(x, y)
        let total = n * (n - 1) / 2
        if counts.xTies.pairs == total || counts.yTies.pairs == total { return .undefined(n: n) }

        let concordantMinusDiscordant =
            total - counts.xTies.pairs - counts.yTies.pairs + counts.jointTiePairs
            - 2 * counts.discordant
        let tau = clampUnit(
            Double(concordantMinusDiscordant) / Double(total - counts.xTies.pairs).squareRoot()
                / Double(total - counts.yTies.pairs).squareRoot()
        )

        let noTies = counts.xTies.pairs == 0 && counts.yTies.pairs == 0
        let p: Double
        if noTies && (n <= 33 || min(counts.discordant, total - counts.discordant) <= 1) {
            p = KendallNullDistribution.twoSidedExactPValue(n: n, concordant: total - counts.discordant)
        } else {
            let m = Double(n) * (Double(n) - 1)
            let xt = counts.xTies
            let yt = counts.yTies
            let variance =
                (m * Double(2 * n + 5) - xt.sumCubicV1 - yt.sumCubicV1) / 18
                + (2 * Double(xt.pairs) * Double(yt.pairs)) / m
                + xt.sumCubicV0 * yt.sumCubicV0 / (9 * m * Double(n - 2))
            let z = Double(concordantMinusDiscordant) / variance.squareRoot()
            p = 2 * SpecialFunctions.normalCDF(-abs(z))
        }
        return CorrelationResult(coefficient: tau, pValue: p, n: n)
    }
}

/// Tie summaries of one variable: Σ t(t−1)/2, Σ t(t−1)(t−2) and Σ t(t−1)(2t+5) over groups of t equal values.
struct KendallTieSums: Sendable {
    var pairs = 0
    var sumCubicV0 = 0.0
    var sumCubicV1 = 0.0

    init(groupSizes: [Int]) {
        for t in groupSizes where t > 1 {
            let size = Double(t)
            pairs += t * (t - 1) / 2
            sumCubicV0 += size * (size - 1) * (size - 2)
            sumCubicV1 += size * (size - 1) * (2 * size + 5)
        }
    }
}

/// Pair counts for Kendall's τ in O(n log n): discordant pairs by merge-sort inversion counting (Knight 1966).
struct KendallPairCounts: Sendable {
    let discordant: Int
    let jointTiePairs: Int
    let xTies: KendallTieSums
    let yTies: KendallTieSums

    init(_ x: [Double], _ y: [Double]) {
        let n = x.count
        // Sort by x, then y: pairs tied in x are then in y order and contribute no inversions.
        let order = Array(0..<n).sorted { a, b in
            x[a] != x[b] ? x[a] < x[b] : y[a] < y[b]
        }
        var joint = 0
        var run = 1
        for k in 1..<max(n, 1) {
            if x[order[k]] == x[order[k - 1]] && y[order[k]] == y[order[k - 1]] {
                run += 1
            } else {
                joint += run * (run - 1) / 2
                run = 1
            }
        }
        joint += run * (run - 1) / 2
        jointTiePairs = joint
        xTies = KendallTieSums(groupSizes: Ranks.tieGroupSizes(x))
        yTies = KendallTieSums(groupSizes: Ranks.tieGroupSizes(y))

        var ys = order.map { y[$0] }
        var buffer = ys
        discordant = Self.countStrictInversions(&ys, &buffer, 0, n)
    }

    /// Sorts `values[low..<high]` ascending and returns the number of pairs i < j with values[i] > values[j].
    private static func countStrictInversions(
        _ values: inout [Double], _ buffer: inout [Double], _ low: Int, _ high: Int
    ) -> Int {
        if high - low < 2 { return 0 }
        let middle = (low + high) / 2
        var count = countStrictInversions(&values, &buffer, low, middle)
        count += countStrictInversions(&values, &buffer, middle, high)
        var i = low
        var j = middle
        var k = low
        while i < middle && j < high {
            if values[j] < values[i] {
                count += middle - i
                buffer[k] = values[j]
                j += 1
            } else {
                buffer[k] = values[i]
                i += 1
            }
            k += 1
        }
        while i < middle {
            buffer[k] = values[i]
            i += 1
            k += 1
        }
        while j < high {
            buffer[k] = values[j]
            j += 1
            k += 1
        }
        for position in low..<high {
            values[position] = buffer[position]
        }
        return count
    }
}

/// Exact null distribution of Kendall's statistic without ties: the number of inversions of a uniformly random
/// permutation (Mahonian numbers), built by dynamic programming.
enum KendallNullDistribution {
    /// Two-sided exact p-value given n and the number of concordant pairs, following scipy's conventions
    /// (twice the smaller tail, 1 at the centre of the distribution).
    static func twoSidedExactPValue(n: Int, concordant: Int) -> Double {
        let total = n * (n - 1) / 2
        let c = min(concordant, total - concordant)
        if n <= 2 { return 1 }
        if c == 0 { return n < 171 ? 2 / factorial(n) : 0 }
        if c == 1 { return n < 172 ? 2 / factorial(n - 1) : 0 }
        if 4 * c == n * (n - 1) { return 1 }
        return 2 * lowerTail(n: n, upTo: c)
    }

    /// P(inversions ≤ c) for a random permutation of n items.
    static func lowerTail(n: Int, upTo c: Int) -> Double {
        // probabilities[k] = P(k inversions) among permutations of j items, truncated at c; adding item j
        // spreads each mass uniformly over j shifts (a sliding-window sum).
        var probabilities = [Double](repeating: 0, count: c + 1)
        probabilities[0] = 1
        var next = probabilities
        for j in 2...n {
            var window = 0.0
            for k in 0...c {
                window += probabilities[k]
                if k >= j {
                    window -= probabilities[k - j]
                }
                next[k] = window / Double(j)
            }
            swap(&probabilities, &next)
        }
        return probabilities.reduce(0, +)
    }

    private static func factorial(_ n: Int) -> Double {
        (1...max(n, 1)).reduce(1.0) { $0 * Double($1) }
    }
}
