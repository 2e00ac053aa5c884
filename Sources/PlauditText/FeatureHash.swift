/// Stable 64-bit FNV-1a hashing of feature strings into signed buckets.
///
/// Swift's `Hasher` is seeded per process, so it cannot give reproducible vectors; FNV-1a
/// over UTF-8 is the same on every machine and run. The top bit picks the sign, which makes
/// collisions cancel on average instead of inflating similarities. A feature's hash is also its
/// identity while a corpus is weighed (``LexicalFeatures``), so it is computed byte by byte as
/// the n-gram is read, never from a string made for it.
enum FeatureHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The state after the namespace byte, before the feature's bytes.
    @inline(__always)
    static func start(namespace: UInt8) -> UInt64 {
        add(namespace, to: offsetBasis)
    }

    @inline(__always)
    static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    @inline(__always)
    static func add(_ bytes: some Sequence<UInt8>, to hash: UInt64) -> UInt64 {
        bytes.reduce(hash) { add($1, to: $0) }
    }

    static func fnv1a(_ text: String, namespace: UInt8) -> UInt64 {
        add(text.utf8, to: start(namespace: namespace))
    }

    /// The bucket in `0..<dimension` and the sign for a feature's hash.
    @inline(__always)
    static func bucket(hash: UInt64, dimension: Int) -> (index: Int, sign: Double) {
        (Int(hash % UInt64(dimension)), hash >> 63 == 0 ? 1 : -1)
    }

    /// The bucket in `0..<dimension` and the sign for a feature.
    static func bucket(_ text: String, namespace: UInt8, dimension: Int) -> (index: Int, sign: Float) {
        let (index, sign) = bucket(hash: fnv1a(text, namespace: namespace), dimension: dimension)
        return (index, Float(sign))
    }
}
