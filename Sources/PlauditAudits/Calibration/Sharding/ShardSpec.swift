/// `--shard i/n`: this process does part i of n (1-based). Item k of the dataset, in file
/// order, belongs to part (k mod n) + 1, so parts are balanced across categories and a part
/// never depends on how the others went.
public struct ShardSpec: Hashable, Codable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `i/n`, or `nil` when it is not a part of a whole.
    public init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The dataset indices of this part's items.
    public func indices(itemCount: Int) -> [Int] {
        stride(from: index - 1, to: itemCount, by: count).map { $0 }
    }
}
