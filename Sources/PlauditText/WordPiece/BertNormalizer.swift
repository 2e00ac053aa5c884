import Foundation

/// The text normalizer of BERT uncased models, as configured in all-MiniLM-L6-v2's `tokenizer.json`
/// (`BertNormalizer` with `clean_text`, `handle_chinese_chars`, `lowercase`, and `strip_accents` following
/// `lowercase`).
///
/// The steps run in Hugging Face's order, each over the whole output of the one before:
/// 1. clean text: drop NUL, U+FFFD and "control" characters (Cc other than tab/newline/return, Cf and Co of
///    Unicode 8.0), and turn every other white-space character into U+0020;
/// 2. surround each CJK ideograph with spaces, so that it becomes a word of its own;
/// 3. strip accents: canonical decomposition (NFD), then drop the nonspacing marks (Mn, Unicode 8.0);
/// 4. lowercase each code point with its full Unicode lowercase mapping (no context: `Σ` is always `σ`).
///
/// Step 3 comes before step 4, as in Hugging Face, so a mark that lowercasing itself produces would survive; and
/// Hangul syllables decompose to conjoining jamo, which the vocabulary holds as separate pieces.
///
/// Works on buffers of code point values (`UInt32`) to avoid building a `String` per character; only text that
/// holds a code point that can decompose (U+00C0 and up) makes a round trip through Foundation's NFD.
struct BertNormalizer: Sendable {
    /// The character tables.
    let classes = BertCharacterClasses.standard

    /// Normalizes `input` into `output`, both cleared first. `output` and `scratch` are reused across calls
    /// to keep their capacity.
    func normalize(_ input: ArraySlice<UInt32>, into output: inout [UInt32], scratch: inout [UInt32]) {
        scratch.removeAll(keepingCapacity: true)
        var mayDecompose = false
        // Steps 1 and 2.
        for value in input {
            if value < 0x80 {
                if BertCharacterClasses.isASCIIDropped(value) { continue }
                scratch.append(BertCharacterClasses.isASCIISpace(value) ? 0x20 : value)
            } else if classes.isDropped(value) {
                continue
            } else if classes.isCleanedToSpace(value) {
                scratch.append(0x20)
            } else if classes.isChinese(value) {
                scratch.append(0x20)
                scratch.append(value)
                scratch.append(0x20)
                mayDecompose = mayDecompose || value >= 0xF900
            } else {
                scratch.append(value)
                mayDecompose = mayDecompose || value >= 0xC0
            }
        }
        if mayDecompose {
            Self.decompose(&scratch)
        }
        // Steps 3 (dropping the marks NFD exposed) and 4.
        output.removeAll(keepingCapacity: true)
        for value in scratch {
            if value < 0x80 {
                output.append(BertCharacterClasses.lowercasedASCII(value))
            } else if !classes.isNonspacingMark(value) {
                Self.appendLowercase(of: value, to: &output)
            }
        }
    }

    /// Appends the full lowercase mapping of one non-ASCII code point (itself when lowercasing leaves it
    /// unchanged) to `output`, as Rust's `char::to_lowercase` does: no context, so final sigma is not special.
    @inline(__always)
    static func appendLowercase(of value: UInt32, to output: inout [UInt32]) {
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
            output.append(value)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            output.append(lower.value)
        }
    }

    /// Code points that Hugging Face's NFD (the Rust `unicode-normalization` crate) leaves whole although Unicode
    /// gives them a canonical decomposition: U+11938 DIVES AKURU VOWEL SIGN O (Unicode 13), which Foundation
    /// decomposes to U+11935 U+11930. Both are starters, so the text can be cut around them.
    static let decompositionExceptions: Set<UInt32> = [0x11938]

    /// Replaces `buffer` by its canonical decomposition (NFD, with canonical reordering of combining marks), as
    /// Hugging Face computes it.
    static func decompose(_ buffer: inout [UInt32]) {
        guard buffer.contains(where: { $0 >= 0x11938 && decompositionExceptions.contains($0) }) else {
            buffer = foundationDecomposition(buffer[...])
            return
        }
        var result: [UInt32] = []
        var start = 0
        for (index, value) in buffer.enumerated() where decompositionExceptions.contains(value) {
            result += foundationDecomposition(buffer[start..<index])
            result.append(value)
            start = index + 1
        }
        result += foundationDecomposition(buffer[start...])
        buffer = result
    }

    /// The NFD of `values` by Foundation.
    private static func foundationDecomposition(_ values: ArraySlice<UInt32>) -> [UInt32] {
        var text = String.UnicodeScalarView()
        for value in values {
            // Every value came from a String or from the tables, so it is a valid scalar.
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        var result: [UInt32] = []
        result.reserveCapacity(values.count + values.count / 4)
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            result.append(scalar.value)
        }
        return result
    }
}
