/// The k most similar other vectors of a vector, from a ``CosineMatrix``.
public enum NearestNeighbours {
    /// The indices of the `k` rows most similar to row `i`, itself excluded, most similar
    /// first. Equal similarities are ordered by index, lower first, so the set is the same on
    /// every run and in any re-implementation that breaks ties the same way. `k` is capped at
    /// `count − 1`.
    ///
    /// A bounded heap keeps the selection at O(n log k) per row.
    public static func indices(of i: Int, in matrix: CosineMatrix, k: Int) -> [Int] {
        let k = min(k, matrix.count - 1)
        guard k > 0 else { return [] }
        return matrix.withRow(i) { row in
            // A min-heap of the best k so far; its root is the worst kept candidate.
            var heap: [Int] = []
            heap.reserveCapacity(k)
            // "a ranks below b": lower similarity, or equal similarity and a higher index.
            func below(_ a: Int, _ b: Int) -> Bool {
                row[a] != row[b] ? row[a] < row[b] : a > b
            }
            func siftDown(_ start: Int) {
                var parent = start
                while true {
                    let left = 2 * parent + 1
                    guard left < heap.count else { return }
                    var child = left
                    if left + 1 < heap.count, below(heap[left + 1], heap[left]) { child = left + 1 }
                    guard below(heap[child], heap[parent]) else { return }
                    heap.swapAt(child, parent)
                    parent = child
                }
            }
            for j in 0..<matrix.count where j != i {
                if heap.count < k {
                    heap.append(j)
                    var child = heap.count - 1
                    while child > 0 {
                        let parent = (child - 1) / 2
                        guard below(heap[child], heap[parent]) else { break }
                        heap.swapAt(child, parent)
                        child = parent
                    }
                } else if below(heap[0], j) {
                    heap[0] = j
                    siftDown(0)
                }
            }
            return heap.sorted { below($1, $0) }
        }
    }
}
