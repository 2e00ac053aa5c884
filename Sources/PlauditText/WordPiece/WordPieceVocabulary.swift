public import Foundation

/// A vocabulary file that cannot be used: which file, which line (1-based, when one line is at fault), and why.
public struct WordPieceVocabularyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong with the vocabulary.
    public enum Problem: Equatable, Sendable {
        /// The file could not be read; the system's message.
        case unreadable(String)
        /// The file has no tokens at all.
        case empty
        /// A line is not valid UTF-8.
        case invalidUTF8
        /// A line holds no token (only white space).
        case emptyToken
        /// A token appears a second time; the line of its first appearance. Ids would be ambiguous.
        case duplicateToken(String, firstLine: Int)
        /// One of the special tokens the encoder needs (`[UNK]`, `[CLS]`, `[SEP]`) is missing.
        case missingSpecialToken(String)
    }

    /// The vocabulary file.
    public let file: URL
    /// The 1-based line at fault, or nil for a problem with the whole file.
    public let line: Int?
    /// What is wrong.
    public let problem: Problem

    /// Makes an error for `file`, at `line` when one line is at fault.
    public init(file: URL, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `path:line: message`, like a compiler diagnostic.
    public var description: String {
        let place = line.map { "\(file.path):\($0)" } ?? file.path
        let message =
            switch problem {
            case .unreadable(let reason): "cannot read the WordPiece vocabulary: \(reason)"
            case .empty: "the WordPiece vocabulary holds no tokens"
            case .invalidUTF8: "the line is not valid UTF-8"
            case .emptyToken: "the line holds no token"
            case .duplicateToken(let token, let firstLine): "token \"\(token)\" already appears on line \(firstLine)"
            case .missingSpecialToken(let token): "the WordPiece vocabulary has no \(token) token"
            }
        return "\(place): \(message)"
    }
}

/// A WordPiece vocabulary (`vocab.txt`: one token per line, the id of a token being its 0-based line number),
/// looked up by raw UTF-8 bytes.
///
/// Why not `[String: Int32]`: Swift compares strings by canonical equivalence, so a dictionary would find a
/// decomposed candidate (`e` + U+0301, or Hangul jamo) under a precomposed token, where Hugging Face compares
/// bytes; and a `String` per candidate substring costs more than hashing bytes in place. This is an
/// open-addressing hash table over one contiguous byte buffer, so a lookup allocates nothing.
///
/// Each token is stored as a word-initial entry, and tokens that start with `##` also as a continuation entry
/// keyed by the bytes after `##`, so that a continuation candidate is looked up without prepending the prefix.
struct WordPieceVocabulary: Sendable {
    /// The tokens by id.
    let tokens: [String]
    /// The bytes of every key, back to back.
    private let keyBytes: [UInt8]
    /// One entry per key: where its bytes are, its id, and whether it is a continuation key.
    private let entries: [Entry]
    /// Open-addressing slots: an index into `entries`, or -1 for an empty slot. The count is a power of two.
    private let slots: [Int32]
    /// The longest word-initial key and the longest continuation key, in bytes; longer candidates are skipped.
    let longestInitialKey: Int
    let longestContinuationKey: Int

    private struct Entry: Sendable {
        var start: Int32
        var length: Int32
        var id: Int32
        var isContinuation: Bool

        /// The key's bytes within the buffer of all keys.
        @inline(__always)
        func bytes(in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start + length)])
        }
    }

    /// The continuation prefix of the vocabulary's pieces.
    static let continuationPrefix: [UInt8] = Array("##".utf8)

    /// Reads `vocab.txt` at `file` the way Hugging Face does (each line's trailing white space, including a
    /// carriage return, is trimmed), but strictly: an empty file, a line that is not UTF-8 or holds only white
    /// space, and a repeated token are errors.
    init(contentsOf file: URL) throws(WordPieceVocabularyError) {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw WordPieceVocabularyError(file: file, line: nil, problem: .unreadable(error.localizedDescription))
        }
        var tokens: [String] = []
        var bytes = Array(data)
        if bytes.last == 0x0A { bytes.removeLast() }  // A final newline ends the last line; it opens no new one.
        if bytes.isEmpty {
            throw WordPieceVocabularyError(file: file, line: nil, problem: .empty)
        }
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = tokens.count + 1
            guard let text = String(validating: bytes[lineStart..<lineEnd], as: UTF8.self) else {
                throw WordPieceVocabularyError(file: file, line: line, problem: .invalidUTF8)
            }
            let token = Self.trimmingTrailingWhiteSpace(text)
            if token.isEmpty {
                throw WordPieceVocabularyError(file: file, line: line, problem: .emptyToken)
            }
            tokens.append(token)
            lineStart = lineEnd + 1
        }
        let (vocabulary, duplicate) = Self.build(tokens)
        if let duplicate {
            throw WordPieceVocabularyError(
                file: file, line: duplicate.line,
                problem: .duplicateToken(tokens[duplicate.line - 1], firstLine: duplicate.firstLine))
        }
        self = vocabulary
    }

    private init(
        tokens: [String], keyBytes: [UInt8], entries: [Entry], slots: [Int32], longestInitialKey: Int,
        longestContinuationKey: Int
    ) {
        self.tokens = tokens
        self.keyBytes = keyBytes
        self.entries = entries
        self.slots = slots
        self.longestInitialKey = longestInitialKey
        self.longestContinuationKey = longestContinuationKey
    }

    /// `text` without its trailing White_Space code points (Rust's `str::trim_end`).
    private static func trimmingTrailingWhiteSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }

    /// Builds the table for `tokens` (ids are positions), and reports the first repeated token as (its line,
    /// the line of its first appearance), lines being 1-based.
    private static func build(_ tokens: [String]) -> (vocabulary: Self, duplicate: (line: Int, firstLine: Int)?) {
        var keyBytes: [UInt8] = []
        var entries: [Entry] = []
        entries.reserveCapacity(tokens.count + tokens.count / 2)
        let prefix = continuationPrefix
        for (id, token) in tokens.enumerated() {
            let utf8 = Array(token.utf8)
            let start = Int32(keyBytes.count)
            keyBytes.append(contentsOf: utf8)
            entries.append(Entry(start: start, length: Int32(utf8.count), id: Int32(id), isContinuation: false))
            if utf8.count > prefix.count, utf8.starts(with: prefix) {
                let length = Int32(utf8.count - prefix.count)
                entries.append(
                    Entry(start: start + Int32(prefix.count), length: length, id: Int32(id), isContinuation: true))
            }
        }
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var duplicate: (line: Int, firstLine: Int)?
        var longestInitial = 0
        var longestContinuation = 0
        keyBytes.withUnsafeBufferPointer { all in
            for (index, entry) in entries.enumerated() {
                let key = entry.bytes(in: all)
                var slot = Self.slot(hash(key, continuation: entry.isContinuation)) & (capacity - 1)
                var isNew = true
                while slots[slot] >= 0 {
                    let other = entries[Int(slots[slot])]
                    if other.isContinuation == entry.isContinuation, equal(key, other.bytes(in: all)) {
                        isNew = false
                        if duplicate == nil {
                            duplicate = (Int(entry.id) + 1, Int(other.id) + 1)
                        }
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
                guard isNew else { continue }
                slots[slot] = Int32(index)
                if entry.isContinuation {
                    longestContinuation = max(longestContinuation, Int(entry.length))
                } else {
                    longestInitial = max(longestInitial, Int(entry.length))
                }
            }
        }
        let vocabulary = Self(
            tokens: tokens, keyBytes: keyBytes, entries: entries, slots: slots, longestInitialKey: longestInitial,
            longestContinuationKey: longestContinuation)
        return (vocabulary, duplicate)
    }

    /// The number of ids.
    var count: Int { tokens.count }

    /// The id of a piece given by its UTF-8 bytes: a word-initial piece, or (when `continuation`) a piece that
    /// continues a word, looked up as `##` + bytes. Allocates nothing.
    @inline(__always)
    func id(of key: ArraySlice<UInt8>, continuation: Bool) -> Int32? {
        var hash = Self.hashSeed(continuation: continuation)
        for byte in key {
            hash = Self.hash(hash, byte)
        }
        return id(of: key, hash: hash, continuation: continuation)
    }

    /// `id(of:continuation:)` for a key whose running hash (`hashSeed` then `hash(_:_:)` over its bytes) the
    /// caller already has: WordPiece tries every prefix of a word, whose hashes come from one pass.
    @inline(__always)
    func id(of key: ArraySlice<UInt8>, hash: UInt64, continuation: Bool) -> Int32? {
        key.withUnsafeBufferPointer { id(of: $0, hash: hash, continuation: continuation) }
    }

    /// `id(of:hash:continuation:)` for bytes in memory the caller owns.
    @inline(__always)
    func id(of key: UnsafeBufferPointer<UInt8>, hash: UInt64, continuation: Bool) -> Int32? {
        if key.count > (continuation ? longestContinuationKey : longestInitialKey) { return nil }
        return keyBytes.withUnsafeBufferPointer { all in
            let mask = slots.count - 1
            var slot = Self.slot(hash) & mask
            while true {
                let index = slots[slot]
                if index < 0 { return nil }
                let entry = entries[Int(index)]
                if entry.isContinuation == continuation, Self.equal(key, entry.bytes(in: all)) {
                    return entry.id
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of a whole token, e.g. `[CLS]` or `##ing`.
    func id(of token: String) -> Int32? {
        id(of: ArraySlice(token.utf8), continuation: false)
    }

    /// The starting value of a key's hash (64-bit FNV-1a, seeded differently for continuation keys).
    @inline(__always)
    static func hashSeed(continuation: Bool) -> UInt64 {
        continuation ? 0x8422_2325_cbf2_9ce4 : 0xcbf2_9ce4_8422_2325
    }

    /// The hash after one more byte.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The first slot to probe for a hash.
    @inline(__always)
    private static func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The hash of a whole key.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuation: Bool) -> UInt64 {
        var value = hashSeed(continuation: continuation)
        for byte in bytes {
            value = hash(value, byte)
        }
        return value
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] {
            return false
        }
        return true
    }
}
