/// What, besides the text, decides an embedder's vector: the parts of an embedding's
/// ``CacheKey`` (see ``CacheKey/init(embedding:text:)``).
///
/// Two embedders with equal identities must give the same vector for the same text, so the
/// identity names the model exactly: a server's URL and served model name, or the digest of the
/// weights a model computed in-process runs with, and every setting that changes vectors.
public struct EmbedderCacheIdentity: Hashable, Sendable {
    /// What computes the vectors: a backend kind such as `tei` or `openai`, or `minilm` for the
    /// native encoder. Stored vectors are grouped by it (`embedding/<kind>` in `plaudit cache
    /// stats`).
    public var kind: String
    /// Where the vectors come from: a server's base URL (credentials are removed when the key
    /// is made), or the SHA-256 of an in-process model's files.
    public var source: String
    /// The served model's name, or empty.
    public var model: String
    /// The vectors' length; a stored vector of another length is never returned.
    public var dimension: Int
    /// Every other setting that changes vectors (endpoint, normalisation, pooling, kernel).
    /// Each key and value enters the cache key on its own, in key order.
    public var parameters: [String: String]

    public init(kind: String, source: String, model: String, dimension: Int, parameters: [String: String] = [:]) {
        self.kind = kind
        self.source = source
        self.model = model
        self.dimension = dimension
        self.parameters = parameters
    }

    /// The namespace stored vectors are counted under: `embedding/<kind>`.
    public var namespace: String { "embedding/\(kind)" }
}
