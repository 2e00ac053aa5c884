/// What VADER knows about one lower-case word: its lexicon valence, booster scalar, whether it
/// negates, and which rule cue it is. One lookup per token answers every rule.
struct VaderWord: Sendable {
    /// Mean valence from `vader_lexicon.txt`; meaningful only when `inLexicon`.
    var valence = 0.0
    var inLexicon = false
    /// Booster (> 0) or dampener (< 0) scalar; meaningful only when `isBooster`.
    var booster = 0.0
    var isBooster = false
    /// In VADER's negation list (words containing "n't" are handled per token).
    var isNegation = false
    var cue: VaderCue?
}

/// An immutable open-addressing hash table from a word's exact UTF-8 bytes to its ``VaderWord``.
///
/// Keys compare byte for byte, as Python's `dict` does. A `[String: …]` dictionary would not do:
/// Swift strings compare by canonical equivalence, so "\u{37E})" (Greek question mark) would
/// find the ";)" emoticon, which Python does not.
struct VaderWordTable: Sendable {
    private let keyBytes: [UInt8]
    private let keyStarts: [Int32]
    private let keyLengths: [Int32]
    private let words: [VaderWord]
    /// Index into `words`, or −1 for an empty slot. The count is a power of two.
    private let slots: [Int32]

    /// Builds the table from each word's exact UTF-8 bytes.
    init(_ entries: [[UInt8]: VaderWord]) {
        // Sorted so that the layout does not depend on the dictionary's per-process seed.
        let sorted = entries.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let keys = sorted.map(\.key)
        let words = sorted.map(\.value)
        var capacity = 16
        while capacity < 2 * words.count { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var keyBytes: [UInt8] = []
        var keyStarts: [Int32] = []
        var keyLengths: [Int32] = []
        for (index, key) in keys.enumerated() {
            keyStarts.append(Int32(keyBytes.count))
            keyLengths.append(Int32(key.count))
            keyBytes.append(contentsOf: key)
            var slot = key.withUnsafeBufferPointer { Self.hash($0) } & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.keyLengths = keyLengths
        self.words = words
        self.slots = slots
    }

    /// Number of distinct keys.
    var count: Int { words.count }

    /// The entry for these exact bytes, if any.
    func word(_ bytes: UnsafeBufferPointer<UInt8>) -> VaderWord? {
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                let length = Int(keyLengths[index])
                if length == bytes.count {
                    let start = Int(keyStarts[index])
                    var equal = true
                    for offset in 0..<length where stored[start + offset] != bytes[offset] {
                        equal = false
                        break
                    }
                    if equal { return words[index] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// 64-bit FNV-1a.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
