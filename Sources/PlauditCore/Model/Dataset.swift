/// Items read from one or more files, with where they came from and what was left out.
public struct Dataset: Sendable {
    public var items: [Item]
    /// Every file read, with its digest, in reading order.
    public var sources: [SourceFile]
    /// Rows left out under ``BadRowPolicy/skip``.
    public var skippedRows: [InputError]

    public init(items: [Item], sources: [SourceFile] = [], skippedRows: [InputError] = []) {
        self.items = items
        self.sources = sources
        self.skippedRows = skippedRows
    }

    /// The number of responses over all items.
    public var responseCount: Int { items.reduce(0) { $0 + $1.responses.count } }

    /// One digest for the whole input: SHA-256 over the files' digests and names in reading order.
    public var sha256: String {
        SHA256Hex.digest(of: sources.map { "\($0.sha256)  \($0.path)\n" }.joined())
    }
}

/// A file that was read, identified by content.
public struct SourceFile: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}
