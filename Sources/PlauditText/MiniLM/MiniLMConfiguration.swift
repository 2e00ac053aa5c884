/// The shape of a BERT-style encoder; the defaults are all-MiniLM-L6-v2's `config.json`.
public struct MiniLMConfiguration: Sendable, Hashable {
    public var vocabularySize = 30_522
    public var hidden = 384
    public var layers = 6
    public var heads = 12
    public var intermediate = 1_536
    public var maxPositions = 512
    public var layerNormEpsilon: Float = 1e-12
    /// sentence-transformers' `max_seq_length` for this model, [CLS] and [SEP] included.
    public var maxSequenceLength = 256

    public init() {}

    var headDimension: Int { hidden / heads }
}
