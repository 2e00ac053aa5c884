public import Foundation

/// VADER's two data files, parsed once into the lookup tables the analyzer needs.
///
/// - `vader_lexicon.txt`: one word or emoticon per line, tab, mean valence (−4…4), then fields
///   VADER ignores (standard deviation, raw ratings).
/// - `emoji_utf8_lexicon.txt`: one emoji, tab, its English description. VADER replaces emoji by
///   their descriptions before scoring ("💘" → "heart with arrow").
///
/// Lines are read as the Python package reads them: split on "\n" only, surrounding whitespace
/// (including "\r") stripped, later duplicates replacing earlier ones. Blank lines are skipped.
/// Both files ship with `vaderSentiment` 3.3.2; in plaudit they live in `LocalAssets().vader`.
///
/// Parsing takes a few milliseconds; build one lexicon and share it (it is immutable and `Sendable`).
public struct VaderLexicon: Sendable {
    /// The standard file names inside a `vaderSentiment` package folder.
    public static let lexiconFileName = "vader_lexicon.txt"
    public static let emojiFileName = "emoji_utf8_lexicon.txt"

    /// Every lower-case word any rule looks up: lexicon words, boosters, negations, cue words.
    let words: VaderWordTable
    /// Emoji (single code points) to the UTF-8 bytes of their descriptions.
    let emoji: [UInt32: [UInt8]]
    /// Whether some emoji key is an ASCII character, so that ASCII text must be looked up too.
    let emojiHasASCIIKeys: Bool

    /// Number of distinct entries of `vader_lexicon.txt`.
    public let lexiconCount: Int
    /// Number of distinct entries of `emoji_utf8_lexicon.txt`. Those of more than one code point
    /// (flags, skin-tone and ZWJ sequences) are counted but never match, as in the Python package,
    /// which compares one code point at a time.
    public let emojiCount: Int

    /// Reads and parses both files.
    ///
    /// - Throws: ``VaderLexiconError`` naming the file (and line) that cannot be read or parsed.
    public init(lexicon: URL, emoji: URL) throws(VaderLexiconError) {
        var entries: [[UInt8]: VaderWord] = [:]
        var lexiconCount = 0
        for record in try Self.records(of: lexicon) {
            let text = String(decoding: record.value, as: UTF8.self)
            guard let valence = Double(PythonText.stripped(Substring(text))) else {
                throw .malformedLine(file: lexicon, line: record.line, reason: "valence \"\(text)\" is not a number")
            }
            let key = Array(record.key)
            if entries[key] == nil { lexiconCount += 1 }
            entries[key, default: VaderWord()].valence = valence
            entries[key, default: VaderWord()].inLexicon = true
        }
        for (word, scalar) in VaderRules.boosters {
            entries[Array(word.utf8), default: VaderWord()].booster = scalar
            entries[Array(word.utf8), default: VaderWord()].isBooster = true
        }
        for word in VaderRules.negations {
            entries[Array(word.utf8), default: VaderWord()].isNegation = true
        }
        for cue in VaderCue.allCases {
            entries[Array(cue.rawValue.utf8), default: VaderWord()].cue = cue
        }

        var emojiTable: [UInt32: [UInt8]] = [:]
        var emojiKeys: Set<[UInt8]> = []
        for record in try Self.records(of: emoji) {
            let key = Array(record.key)
            emojiKeys.insert(key)
            let (scalar, length) = key.withUnsafeBufferPointer { VaderTokenizer.decode($0, at: 0) }
            if length == key.count { emojiTable[scalar] = Array(record.value) }
        }

        self.words = VaderWordTable(entries)
        self.emoji = emojiTable
        self.emojiHasASCIIKeys = emojiTable.keys.contains { $0 < 0x80 }
        self.lexiconCount = lexiconCount
        self.emojiCount = emojiKeys.count
    }

    /// Reads `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` from one folder, such as the installed
    /// `vaderSentiment` package.
    public init(directory: URL) throws(VaderLexiconError) {
        try self.init(
            lexicon: directory.appendingPathComponent(Self.lexiconFileName),
            emoji: directory.appendingPathComponent(Self.emojiFileName))
    }

    /// The non-blank lines of a file with their 1-based numbers: each line (split on "\n" only) is
    /// stripped of surrounding whitespace and must hold a tab; the first field is the key, the second
    /// the value, later fields are ignored.
    private static func records(of file: URL) throws(VaderLexiconError)
        -> [(line: Int, key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)]
    {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: file))
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8(file: file) }
        var records: [(line: Int, key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            let line = bytes.withUnsafeBufferPointer { PythonText.strippedRange($0, lineStart..<lineEnd) }
            lineStart = lineEnd + 1
            if line.isEmpty { continue }
            guard let tab = bytes[line].firstIndex(of: 0x09) else {
                let text = String(decoding: bytes[line], as: UTF8.self)
                let shown = String(text.prefix(60)) + (text.count > 60 ? "…" : "")
                throw .malformedLine(
                    file: file, line: lineNumber, reason: "expected at least two tab-separated fields in \"\(shown)\"")
            }
            let valueEnd = bytes[(tab + 1)..<line.upperBound].firstIndex(of: 0x09) ?? line.upperBound
            records.append((lineNumber, bytes[line.lowerBound..<tab], bytes[(tab + 1)..<valueEnd]))
        }
        return records
    }
}

/// Why a VADER lexicon file could not be loaded.
public enum VaderLexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(file: URL, reason: String)
    /// The file is not valid UTF-8.
    case notUTF8(file: URL)
    /// A line (1-based) lacks a tab-separated field or has a valence that is not a number.
    case malformedLine(file: URL, line: Int, reason: String)

    /// The file concerned.
    public var file: URL {
        switch self {
        case .unreadable(let file, _), .notUTF8(let file), .malformedLine(let file, _, _): file
        }
    }

    /// The 1-based line concerned, for a malformed line.
    public var line: Int? {
        if case .malformedLine(_, let line, _) = self { line } else { nil }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "cannot read VADER lexicon \(file.path): \(reason)"
        case .notUTF8(let file): "VADER lexicon \(file.path) is not valid UTF-8"
        case .malformedLine(let file, let line, let reason):
            "\(file.path):\(line): malformed VADER lexicon line: \(reason)"
        }
    }
}
