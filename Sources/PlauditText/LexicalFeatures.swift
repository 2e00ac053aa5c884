import Foundation

/// The lexical features of a text: word 1–2-grams and character 3–5-grams within words.
///
/// The text is NFC-normalised first, so spellings that differ only in Unicode normalisation
/// give the same features. Words are maximal runs of letters and digits after lower-casing; character n-grams are
/// taken from each word padded with one space on each side (scikit-learn's `char_wb`
/// convention), so they capture morphology without spanning word boundaries.
struct LexicalFeatures {
    var words: [String: Int] = [:]
    var characters: [String: Int] = [:]

    init(_ text: String, wordNGrams: ClosedRange<Int>, characterNGrams: ClosedRange<Int>) {
        let tokens = Self.words(in: text)
        for n in wordNGrams where tokens.count >= n {
            for start in 0...(tokens.count - n) {
                words[tokens[start..<(start + n)].joined(separator: " "), default: 0] += 1
            }
        }
        for token in tokens {
            let padded = Array(" \(token) ".unicodeScalars)
            for n in characterNGrams where padded.count >= n {
                for start in 0...(padded.count - n) {
                    var gram = String.UnicodeScalarView()
                    gram.append(contentsOf: padded[start..<(start + n)])
                    characters[String(gram), default: 0] += 1
                }
            }
        }
    }

    static func words(in text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}
