public import PlauditCore
public import Synchronization

/// An embedder that counts what it computes: wraps another (``TrigramEmbedder`` by default),
/// with the cache identity of that one or one a test gives, so a test can check that a rerun
/// embeds nothing, or that another identity misses.
public final class CountingEmbedder: Embedder {
    public let inner: any Embedder
    public let cacheIdentity: EmbedderCacheIdentity?
    /// Vectors computed, over all calls.
    public let computed = Mutex(0)
    /// Calls of `embed`.
    public let calls = Mutex(0)

    /// `inner`, under its own cache identity.
    public init(_ inner: any Embedder = TrigramEmbedder()) {
        self.inner = inner
        self.cacheIdentity = inner.cacheIdentity
    }

    /// `inner` under `identity` (`nil`: never cached).
    public init(_ inner: any Embedder = TrigramEmbedder(), identity: EmbedderCacheIdentity?) {
        self.inner = inner
        self.cacheIdentity = identity
    }

    public var descriptor: EmbedderDescriptor { inner.descriptor }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        calls.withLock { $0 += 1 }
        computed.withLock { $0 += texts.count }
        return try await inner.embed(texts)
    }

    /// How many vectors it has computed so far.
    public var computedCount: Int { computed.withLock { $0 } }
}
