/// Summation in the same order as numpy's `add.reduce` on a contiguous float64 vector.
///
/// numpy sums blocks of fewer than 8 values left to right, blocks of up to 128 values with eight interleaved
/// accumulators, and longer vectors by recursive halving. Reproducing that order makes means, variances and
/// normalisations agree with numpy to the last bit, which keeps ties and boundary comparisons identical to the
/// Python reference implementation.
enum PairwiseSum {
    static func sum(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { sum($0) }
    }

    static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        let n = x.count
        if n < 8 {
            var result = -0.0
            for value in x {
                result += value
            }
            return n == 0 ? 0 : result
        }
        if n <= 128 {
            var r0 = x[0]
            var r1 = x[1]
            var r2 = x[2]
            var r3 = x[3]
            var r4 = x[4]
            var r5 = x[5]
            var r6 = x[6]
            var r7 = x[7]
            var i = 8
            let blockEnd = n - n % 8
            while i < blockEnd {
                r0 += x[i]
                r1 += x[i + 1]
                r2 += x[i + 2]
                r3 += x[i + 3]
                r4 += x[i + 4]
                r5 += x[i + 5]
                r6 += x[i + 6]
                r7 += x[i + 7]
                i += 8
            }
            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                result += x[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        let left = UnsafeBufferPointer(rebasing: x[0..<half])
        let right = UnsafeBufferPointer(rebasing: x[half..<n])
        return sum(left) + sum(right)
    }
}
