/// Turns texts into vectors whose cosine similarity means semantic (or lexical) closeness.
///
/// Contract: `embed` returns one vector per text, in order, all of ``EmbedderDescriptor/dimension``
/// floats; identical inputs give identical vectors. Embedders whose vectors depend on the
/// whole batch (such as corpus-level IDF) say so in their documentation, and callers pass the
/// whole corpus in one call.
public protocol Embedder: Sendable {
    var descriptor: EmbedderDescriptor { get }
    func embed(_ texts: [String]) async throws -> [[Float]]
}

/// What an embedder is, for manifests.
public struct EmbedderDescriptor: Codable, Hashable, Sendable {
    public var name: String
    public var dimension: Int
    /// Settings that change the vectors (n-gram ranges, hashing), as text.
    public var parameters: [String: String]

    public init(name: String, dimension: Int, parameters: [String: String] = [:]) {
        self.name = name
        self.dimension = dimension
        self.parameters = parameters
    }
}
