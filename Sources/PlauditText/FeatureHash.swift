/// Stable 64-bit FNV-1a hashing of feature strings into signed buckets.
///
/// Swift's `Hasher` is seeded per process, so it cannot give reproducible vectors; FNV-1a
/// over UTF-8 is the same on every machine and run. The top bit picks the sign, which makes
/// collisions cancel on average instead of inflating similarities.
enum FeatureHash {
    static func fnv1a(_ text: String, namespace: UInt8) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ UInt64(namespace)) &* 0x0000_0100_0000_01b3
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The bucket in `0..<dimension` and the sign for a feature.
    static func bucket(_ text: String, namespace: UInt8, dimension: Int) -> (index: Int, sign: Float) {
        let hash = fnv1a(text, namespace: namespace)
        return (Int(hash % UInt64(dimension)), hash >> 63 == 0 ? 1 : -1)
    }
}
