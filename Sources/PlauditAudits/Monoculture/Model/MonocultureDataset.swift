public import PlauditCore

/// The items of a monoculture audit, with the generated configurations they hold and the files
/// they came from.
public struct MonocultureDataset: Sendable {
    /// The name of the human side in results; no configuration may use it.
    public static let sourceName = "source"

    public var items: [MonocultureItem]
    /// The generated configurations, in the order they were first met (or generated).
    public var configurations: [String]
    /// Every file read, with its digest, in reading order.
    public var sources: [SourceFile]
    /// Rows left out under ``BadRowPolicy/skip``.
    public var skippedRows: [InputError]

    public init(items: [MonocultureItem], configurations: [String]? = nil, sources: [SourceFile] = [], skippedRows: [InputError] = []) {
        self.items = items
        self.configurations = configurations ?? Self.configurations(of: items)
        self.sources = sources
        self.skippedRows = skippedRows
    }

    /// Configuration names in order of first appearance over the items (each item's sorted).
    public static func configurations(of items: [MonocultureItem]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for item in items {
            for name in item.generated.keys.sorted() where seen.insert(name).inserted { out.append(name) }
        }
        return out
    }

    /// One digest for the whole input, computed as ``Dataset/sha256`` is.
    public var sha256: String { Dataset(items: [], sources: sources).sha256 }

    /// Texts and labels over all items and sides.
    public var textCount: Int {
        items.reduce(0) { total, item in total + item.source.count + item.generated.values.reduce(0) { $0 + $1.count } }
    }
}
