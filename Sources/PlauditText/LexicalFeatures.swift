import Foundation

/// The lexical features of a text: word 1–2-grams and character 3–5-grams within words, each
/// kept as the FNV-1a hash of its UTF-8 bytes (``FeatureHash``) with its count.
///
/// The text is NFC-normalised first, so spellings that differ only in Unicode normalisation
/// give the same features. Words are maximal runs of letters and digits after lower-casing;
/// character n-grams are taken from each word padded with one space on each side
/// (scikit-learn's `char_wb` convention), so they capture morphology without spanning word
/// boundaries.
///
/// Features are hashed as they are read rather than made into strings: a response of a few
/// hundred words has thousands of character n-grams, and a string and a dictionary entry for
/// each was most of the embedder's time. Two n-grams are one feature when their bytes are
/// equal, as the reference specification counts them; two different n-grams of one corpus
/// sharing a 64-bit hash would be counted as one (odds about n² / 2⁶⁵ for n distinct
/// n-grams: under 10⁻⁹ for a corpus of 100,000).
struct LexicalFeatures {
    /// Distinct features by ascending hash, with how often each occurs.
    struct Counts {
        var hashes: [UInt64] = []
        var counts: [Int] = []

        var count: Int { hashes.count }

        /// Hash → count, for tests and inspection.
        var byHash: [UInt64: Int] { Dictionary(uniqueKeysWithValues: zip(hashes, counts)) }

        /// The count of the feature with this hash (0 when absent).
        subscript(hash: UInt64) -> Int {
            var low = 0
            var high = hashes.count
            while low < high {
                let mid = (low + high) / 2
                if hashes[mid] < hash { low = mid + 1 } else { high = mid }
            }
            return low < hashes.count && hashes[low] == hash ? counts[low] : 0
        }

        /// Sorts `hashes` and counts runs of equal values.
        init(counting hashes: [UInt64]) {
            let sorted = hashes.sorted()
            self.hashes.reserveCapacity(sorted.count)
            self.counts.reserveCapacity(sorted.count)
            for hash in sorted {
                if self.hashes.last == hash {
                    self.counts[self.counts.count - 1] += 1
                } else {
                    self.hashes.append(hash)
                    self.counts.append(1)
                }
            }
        }
    }

    /// Word n-grams (namespace 1: the words' bytes joined by one space).
    var words: Counts
    /// Character n-grams (namespace 2: the n scalars' bytes).
    var characters: Counts

    init(_ text: String, wordNGrams: ClosedRange<Int>, characterNGrams: ClosedRange<Int>) {
        let tokens = Self.scalarWords(in: text)
        // Every word's UTF-8 bytes, one after the other, with where each scalar starts.
        var bytes: [UInt8] = []
        var scalarStarts: [Int] = []
        var wordStarts: [Int] = []
        for token in tokens {
            wordStarts.append(scalarStarts.count)
            for scalar in token {
                scalarStarts.append(bytes.count)
                Self.appendUTF8(scalar, to: &bytes)
            }
        }
        wordStarts.append(scalarStarts.count)
        scalarStarts.append(bytes.count)

        var wordHashes: [UInt64] = []
        wordHashes.reserveCapacity(tokens.count * wordNGrams.count)
        for start in tokens.indices {
            var hash = FeatureHash.start(namespace: 1)
            for n in 1...min(wordNGrams.upperBound, tokens.count - start) {
                if n > 1 { hash = FeatureHash.add(0x20, to: hash) }
                let word = start + n - 1
                hash = FeatureHash.add(bytes[scalarStarts[wordStarts[word]]..<scalarStarts[wordStarts[word + 1]]], to: hash)
                if n >= wordNGrams.lowerBound { wordHashes.append(hash) }
            }
        }

        var characterHashes: [UInt64] = []
        characterHashes.reserveCapacity(scalarStarts.count * characterNGrams.count)
        for word in tokens.indices {
            // The padded word: a space, its scalars, a space (positions 0 … count + 1).
            let first = wordStarts[word]
            let count = wordStarts[word + 1] - first + 2
            for start in 0..<count {
                let longest = min(characterNGrams.upperBound, count - start)
                guard longest >= characterNGrams.lowerBound else { break }
                var hash = FeatureHash.start(namespace: 2)
                for n in 1...longest {
                    let position = start + n - 1
                    if position == 0 || position == count - 1 {
                        hash = FeatureHash.add(0x20, to: hash)
                    } else {
                        let scalar = first + position - 1
                        hash = FeatureHash.add(bytes[scalarStarts[scalar]..<scalarStarts[scalar + 1]], to: hash)
                    }
                    if n >= characterNGrams.lowerBound { characterHashes.append(hash) }
                }
            }
        }
        words = Counts(counting: wordHashes)
        characters = Counts(counting: characterHashes)
    }

    /// Appends the scalar's UTF-8 encoding.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x1_0000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    static func words(in text: String) -> [String] {
        scalarWords(in: text).map { String(String.UnicodeScalarView($0)) }
    }

    /// The words as their Unicode scalars, after NFC and lower-casing.
    static func scalarWords(in text: String) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
