/// One word or emoticon of a text, with everything VADER's rules ask about it, looked up once.
struct VaderToken: Sendable {
    /// Lexicon valence; meaningful only when `inLexicon`.
    var valence: Double
    var inLexicon: Bool
    /// Booster scalar; meaningful only when `isBooster`.
    var booster: Double
    var isBooster: Bool
    /// Python's `str.isupper()` of the token as written.
    var isUpper: Bool
    /// A negation word, or any word containing "n't".
    var negates: Bool
    var cue: VaderCue?
}

/// A text cut into VADER tokens, plus the punctuation counts of its emphasis rule.
struct VaderTokenizedText {
    var tokens: [VaderToken]
    var exclamationMarks: Int
    var questionMarks: Int
}

/// VADER's text preparation, on UTF-8 bytes:
///
/// 1. Each emoji code point is replaced by its description, preceded by a space unless the previous
///    output character was a space (no space is added after it: "💘x" becomes "heart with arrowx").
/// 2. The text is split on Python whitespace (`str.split()`).
/// 3. ASCII punctuation (`string.punctuation`) is stripped from both ends of each token, unless that
///    leaves two code points or fewer, in which case the token is kept whole (so ":)" and "!!" stay).
/// 4. Each token is lower-cased once and looked up once.
enum VaderTokenizer {
    static func tokenize(_ text: String, lexicon: VaderLexicon) -> VaderTokenizedText {
        var text = text
        return text.withUTF8 { input in
            if let translated = translateEmoji(input, emoji: lexicon.emoji, asciiKeys: lexicon.emojiHasASCIIKeys) {
                return translated.withUnsafeBufferPointer { split($0, words: lexicon.words) }
            }
            return split(input, words: lexicon.words)
        }
    }

    /// The code point starting at `index` and its length in bytes (the input is valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// The text with emoji replaced by their descriptions, or nil when it has none.
    /// ASCII characters are looked up only when some emoji key is ASCII (none in the shipped file).
    static func translateEmoji(
        _ input: UnsafeBufferPointer<UInt8>, emoji: [UInt32: [UInt8]], asciiKeys: Bool
    ) -> [UInt8]? {
        var output: [UInt8] = []
        var translating = false
        var previousWasSpace = true
        var index = 0
        while index < input.count {
            let (value, length) = decode(input, at: index)
            if length > 1 || asciiKeys, let description = emoji[value] {
                if !translating {
                    translating = true
                    output.reserveCapacity(input.count + 64)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<index]))
                }
                if !previousWasSpace { output.append(0x20) }
                output.append(contentsOf: description)
                previousWasSpace = false
            } else {
                if translating {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<index + length]))
                }
                previousWasSpace = value == 0x20
            }
            index += length
        }
        return translating ? output : nil
    }

    /// Splits on whitespace, strips punctuation, and looks every token up.
    static func split(_ text: UnsafeBufferPointer<UInt8>, words: VaderWordTable) -> VaderTokenizedText {
        var result = VaderTokenizedText(tokens: [], exclamationMarks: 0, questionMarks: 0)
        result.tokens.reserveCapacity(text.count / 5 + 1)
        var tokenStart = -1
        var index = 0
        while index < text.count {
            let byte = text[index]
            var value = UInt32(byte)
            var length = 1
            if byte >= 0x80 {
                (value, length) = decode(text, at: index)
            } else if byte == 0x21 {
                result.exclamationMarks += 1
            } else if byte == 0x3F {
                result.questionMarks += 1
            }
            if PythonText.isSpace(value) {
                if tokenStart >= 0 {
                    result.tokens.append(token(text, tokenStart, index, words: words))
                    tokenStart = -1
                }
            } else if tokenStart < 0 {
                tokenStart = index
            }
            index += length
        }
        if tokenStart >= 0 { result.tokens.append(token(text, tokenStart, text.count, words: words)) }
        return result
    }

    /// The token of bytes `start..<end` (one whitespace-delimited piece of the text).
    static func token(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, words: VaderWordTable
    ) -> VaderToken {
        var first = start
        var last = end
        while first < last, PythonText.isPunctuation(text[first]) { first += 1 }
        while last > first, PythonText.isPunctuation(text[last - 1]) { last -= 1 }
        var codePoints = 0
        for index in first..<last where text[index] & 0xC0 != 0x80 {
            codePoints += 1
            if codePoints > 2 { break }
        }
        if codePoints <= 2 {
            first = start
            last = end
        }
        let bytes = UnsafeBufferPointer(rebasing: text[first..<last])
        var isASCII = true
        for byte in bytes where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
                var hasUpper = false
                var hasLower = false
                for (offset, byte) in bytes.enumerated() {
                    if byte >= 0x41 && byte <= 0x5A {
                        hasUpper = true
                        lowered[offset] = byte | 0x20
                    } else {
                        if byte >= 0x61 && byte <= 0x7A { hasLower = true }
                        lowered[offset] = byte
                    }
                }
                return make(UnsafeBufferPointer(lowered), isUpper: hasUpper && !hasLower, words: words)
            }
        }
        let original = String(decoding: bytes, as: UTF8.self)
        var lowered = original.lowercased()
        return lowered.withUTF8 {
            make($0, isUpper: PythonText.isUpper(original.unicodeScalars), words: words)
        }
    }

    @inline(__always)
    private static func make(
        _ lowered: UnsafeBufferPointer<UInt8>, isUpper: Bool, words: VaderWordTable
    ) -> VaderToken {
        let word = words.word(lowered)
        return VaderToken(
            valence: word?.valence ?? 0, inLexicon: word?.inLexicon ?? false,
            booster: word?.booster ?? 0, isBooster: word?.isBooster ?? false,
            isUpper: isUpper, negates: (word?.isNegation ?? false) || containsNT(lowered),
            cue: word?.cue)
    }

    /// Whether the bytes contain "n't".
    @inline(__always)
    private static func containsNT(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0...(bytes.count - 3)
        where bytes[index] == 0x6E && bytes[index + 1] == 0x27 && bytes[index + 2] == 0x74 {
            return true
        }
        return false
    }
}
