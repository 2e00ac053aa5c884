public import PlauditCore

/// Vectors in the order of the texts asked for, and the counts for the manifest.
public struct EmbeddedTexts: Sendable {
    public var vectors: [[Float]]
    public var counts: EmbeddingCounts

    public init(vectors: [[Float]], counts: EmbeddingCounts) {
        self.vectors = vectors
        self.counts = counts
    }
}
