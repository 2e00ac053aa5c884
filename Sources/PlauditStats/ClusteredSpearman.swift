/// Spearman's ρ of cluster-bootstrap resamples in linear time per resample.
///
/// A resample that draws cluster c `w[c]` times holds every member of c `w[c]` times. Its
/// average ranks follow from one sort of the whole sample: walking the values in ascending
/// order, a group of equal values with total weight W after S weight of smaller values gets
/// rank S + (W + 1)/2, exactly what ``Ranks/average(_:)`` gives the expanded resample. ρ is
/// then the weighted Pearson correlation of those ranks, summed as ``Correlation/spearman(_:_:)``
/// sums them, so the two agree to the last bit while the sums are exact (ranks are multiples
/// of ½; under 2^53 in total) and to rounding beyond. A resample then costs O(members) instead
/// of a sort of the expanded sample.
public struct ClusteredSpearman: Sendable {
    let x: [Double]
    let y: [Double]
    let cluster: [Int]
    let clusterCount: Int
    /// Members in ascending order of x (and of y), with the ends of their groups of equal values.
    let xOrder: [Int]
    let xGroupEnds: [Int]
    let yOrder: [Int]
    let yGroupEnds: [Int]

    /// `nil` when a value is NaN (``Correlation/spearman(_:_:)`` then decides on the expanded sample).
    /// - Parameters:
    ///   - cluster: each member's cluster, in `0..<clusterCount`.
    public init?(x: [Double], y: [Double], cluster: [Int], clusterCount: Int) {
        precondition(x.count == y.count && x.count == cluster.count, "one x, y and cluster per member")
        guard !x.contains(where: \.isNaN), !y.contains(where: \.isNaN) else { return nil }
        self.x = x
        self.y = y
        self.cluster = cluster
        self.clusterCount = clusterCount
        (xOrder, xGroupEnds) = Self.groups(x)
        (yOrder, yGroupEnds) = Self.groups(y)
    }

    static func groups(_ values: [Double]) -> (order: [Int], ends: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ends: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            ends.append(end)
            start = end
        }
        return (order, ends)
    }

    /// ρ of the resample that drew these cluster indices (with repeats); NaN for fewer than 3
    /// members or when x or y is constant in it.
    public func rho(drawn: [Int]) -> Double {
        var weights = [Int](repeating: 0, count: clusterCount)
        for c in drawn { weights[c] += 1 }
        return rho(weights: weights)
    }

    /// ρ of the resample holding cluster c `weights[c]` times.
    public func rho(weights: [Int]) -> Double {
        var total = 0
        for c in cluster { total += weights[c] }
        guard total >= 3 else { return .nan }
        guard let rx = ranks(xOrder, xGroupEnds, weights), let ry = ranks(yOrder, yGroupEnds, weights) else { return .nan }
        let mean = Double(total + 1) / 2
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for m in x.indices {
            let w = Double(weights[cluster[m]])
            guard w > 0 else { continue }
            let dx = rx[m] - mean
            let dy = ry[m] - mean
            sxx += w * dx * dx
            syy += w * dy * dy
            sxy += w * dx * dy
        }
        let scale = 1 / Double(total - 1)
        return Correlation.clampUnit((sxy * scale / (syy * scale).squareRoot()) / (sxx * scale).squareRoot())
    }

    /// Average ranks in the weighted sample; `nil` when one group holds all the weight (constant).
    private func ranks(_ order: [Int], _ ends: [Int], _ weights: [Int]) -> [Double]? {
        var ranks = [Double](repeating: 0, count: order.count)
        var below = 0
        var start = 0
        var groupsWithWeight = 0
        for end in ends {
            var weight = 0
            for position in start..<end { weight += weights[cluster[order[position]]] }
            if weight > 0 {
                groupsWithWeight += 1
                let rank = Double(below) + Double(weight + 1) / 2
                for position in start..<end { ranks[order[position]] = rank }
                below += weight
            }
            start = end
        }
        return groupsWithWeight > 1 ? ranks : nil
    }
}
