/// Turns texts into vectors whose cosine similarity means semantic (or lexical) closeness.
///
/// Contract: `embed` returns one vector per text, in order, all of ``EmbedderDescriptor/dimension``
/// floats; identical inputs give identical vectors. Embedders whose vectors depend on the
/// whole batch (such as corpus-level IDF) say so with ``dependsOnCorpus``; the audits then
/// embed each prompt's responses as a corpus of its own (``embed(groups:progress:)``), so a
/// prompt's clusters never depend on what else is in the file.
public protocol Embedder: Sendable {
    var descriptor: EmbedderDescriptor { get }
    func embed(_ texts: [String]) async throws -> [[Float]]

    /// ``embed(_:)`` that says how far it got, so a long embedding phase shows progress:
    /// `done` is called with the number of `texts` finished so far, from any thread, as the
    /// work advances. The vectors are exactly those of ``embed(_:)``. The default embeds, then
    /// reports every text done.
    func embed(_ texts: [String], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[Float]]

    /// Everything apart from the text that decides a vector, so vectors can be cached per text;
    /// `nil` (the default) means never cache. Only an embedder whose vector for a text depends
    /// on that text alone may have one: a corpus-weighted embedder's vectors change with the
    /// other texts of the call.
    var cacheIdentity: EmbedderCacheIdentity? { get }

    /// The requests its backend was sent since it was made (a dimension probe included), for
    /// manifests; `nil` (the default) for an embedder that sends none.
    var requestStatistics: BackendStatistics? { get }

    /// Whether a text's vector depends on the other texts of the call (corpus-weighted, as
    /// TF-IDF is). `false` by default. Such an embedder has no ``cacheIdentity``.
    var dependsOnCorpus: Bool { get }

    /// The vectors of each group of texts, each group embedded as a corpus of its own:
    /// `result[g][j]` is group g's text j. For an embedder that does not depend on the corpus
    /// this is ``embed(_:progress:)`` of all texts at once, split back (the default); a
    /// corpus-weighted one weighs words within each group only. `done` counts texts finished.
    func embed(groups: [[String]], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[[Float]]]
}

extension Embedder {
    public func embed(_ texts: [String], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[Float]] {
        let vectors = try await embed(texts)
        done(texts.count)
        return vectors
    }

    public var cacheIdentity: EmbedderCacheIdentity? { nil }

    public var requestStatistics: BackendStatistics? { nil }

    public var dependsOnCorpus: Bool { false }

    public func embed(groups: [[String]], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[[Float]]] {
        if dependsOnCorpus {
            var out: [[[Float]]] = []
            out.reserveCapacity(groups.count)
            var finished = 0
            for group in groups {
                out.append(try await embed(group))
                finished += group.count
                done(finished)
            }
            return out
        }
        let flat = try await embed(groups.flatMap { $0 }, progress: done)
        var out: [[[Float]]] = []
        out.reserveCapacity(groups.count)
        var offset = 0
        for group in groups {
            out.append(Array(flat[offset..<min(offset + group.count, flat.count)]))
            offset += group.count
        }
        return out
    }
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
