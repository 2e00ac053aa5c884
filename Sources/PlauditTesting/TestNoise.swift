/// Noise for fake models that is the same on every run: a number in [0, 1) from a text (FNV-1a,
/// then splitmix64's finaliser, so similar texts give unrelated numbers).
public enum TestNoise {
    public static func unit(_ text: String) -> Double {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return Double(hash >> 11) / Double(1 << 53)
    }
}
