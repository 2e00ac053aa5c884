/// Greedy equivalence classes (the partition NoveltyBench counts distinct generations with):
/// walk the items in order and put each into the first existing class whose representative,
/// the class's first member, is similar enough to it; otherwise it opens a new class.
///
/// The result depends on the order of the items, as the method does; the caller fixes that
/// order (plaudit uses the order of the data).
public enum GreedyPartition {
    /// One class label per item, numbered 0, 1, … in order of first appearance. Item `i`
    /// joins the first class `c` with `similarity(representative(c), i) >= threshold`.
    public static func labels(count: Int, threshold: Double, similarity: (Int, Int) -> Double) -> [Int] {
        var representatives: [Int] = []
        var labels: [Int] = []
        labels.reserveCapacity(count)
        for item in 0..<count {
            if let joined = representatives.firstIndex(where: { similarity($0, item) >= threshold }) {
                labels.append(joined)
            } else {
                labels.append(representatives.count)
                representatives.append(item)
            }
        }
        return labels
    }

    /// The size of each class, in label order, for labels numbered 0..<k.
    public static func sizes(_ labels: [Int]) -> [Int] {
        var sizes = [Int](repeating: 0, count: (labels.max() ?? -1) + 1)
        for label in labels { sizes[label] += 1 }
        return sizes
    }
}
