/// Rank transforms used by the rank-based tests and correlations.
public enum Ranks {
    /// 1-based ranks with ties given the mean of the ranks they span (scipy `rankdata(method="average")`).
    ///
    /// NaN values are ranked after every number, each as its own group, as numpy's sort orders them;
    /// callers that care about NaN should remove it first.
    public static func average(_ x: [Double]) -> [Double] {
        var ranks = [Double](repeating: 0, count: x.count)
        forEachTieGroup(x) { order, start, end in
            let rank = Double(start + 1) + Double(end - start - 1) / 2
            for position in start..<end {
                ranks[order[position]] = rank
            }
        }
        return ranks
    }

    /// Sizes of the groups of equal values (including groups of one), in ascending order of value.
    static func tieGroupSizes(_ x: [Double]) -> [Int] {
        var sizes: [Int] = []
        forEachTieGroup(x) { _, start, end in sizes.append(end - start) }
        return sizes
    }

    /// Calls `body(order, start, end)` for each run `order[start..<end]` of indices whose values are equal,
    /// where `order` sorts `x` ascending (stable, NaN last, every NaN its own run).
    static func forEachTieGroup(_ x: [Double], _ body: ([Int], Int, Int) -> Void) {
        let order = stableAscendingOrder(x)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, x[order[end]] == x[order[start]] {
                end += 1
            }
            body(order, start, end)
            start = end
        }
    }

    /// Indices that sort `x` ascending; equal values keep their input order and NaN goes last.
    static func stableAscendingOrder(_ x: [Double]) -> [Int] {
        Array(x.indices).sorted { a, b in
            let va = x[a]
            let vb = x[b]
            if va.isNaN || vb.isNaN {
                if va.isNaN != vb.isNaN { return vb.isNaN }
                return a < b
            }
            return va < vb || (va == vb && a < b)
        }
    }
}
