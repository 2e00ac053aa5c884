/// The pre-tokenizer of BERT models (Hugging Face's `BertPreTokenizer`): splits normalized text into the words
/// that WordPiece then cuts into pieces.
///
/// White space (the White_Space property) separates words and is dropped; each punctuation character becomes a
/// word of its own. "Punctuation" is BERT's definition: every ASCII character that is not a letter, digit, space
/// or control (so `$`, `+`, `<`, `=`, `>`, `^`, `|`, `~` and the backtick too), plus the Unicode punctuation
/// categories P* as of Unicode 8.0. Other symbols (`€`, `©`, `°`, emoji) are not punctuation and stay inside
/// their word: `€100` is one word.
///
/// Stateless and allocation-free: it hands out word ranges of the caller's buffer one at a time.
struct BertPreTokenizer: Sendable {
    /// The character tables.
    let classes = BertCharacterClasses.standard

    /// The next word of `text` at or after `position`, advancing `position` past it; nil when none is left.
    @inline(__always)
    func nextWord(in text: [UInt32], from position: inout Int) -> Range<Int>? {
        let count = text.count
        var start = position
        // Skip white space.
        while start < count, classes.isWhitespace(text[start]) {
            start += 1
        }
        guard start < count else {
            position = count
            return nil
        }
        if classes.isPunctuation(text[start]) {
            position = start + 1
            return start..<(start + 1)
        }
        var end = start + 1
        while end < count {
            let value = text[end]
            if classes.isWhitespace(value) || classes.isPunctuation(value) { break }
            end += 1
        }
        position = end
        return start..<end
    }
}
