/// The working state of one `encode`/`tokens` call: the ids so far and scratch buffers reused from word to word.
struct WordPieceEncoder {
    /// Raw text is normalized in chunks of about this many code points, cut only after white space or an
    /// ideograph (where no normalization step reaches across), so reading can stop early.
    static let defaultChunkSize = 512

    let tokenizer: WordPieceTokenizer
    /// Stop once `output` holds this many ids.
    let limit: Int
    /// The chunk size in use.
    let chunkSize: Int
    var output: [Int32] = []

    private var raw: [UInt32] = []
    private var normalized: [UInt32] = []
    private var scratch: [UInt32] = []

    init(tokenizer: WordPieceTokenizer, limit: Int, chunkSize: Int = defaultChunkSize) {
        self.tokenizer = tokenizer
        self.limit = limit
        self.chunkSize = chunkSize
    }

    private var isFull: Bool { output.count >= limit }

    /// Appends the ids of `text` to `output`, stopping at `limit`.
    mutating func encode(_ text: String) {
        if isFull { return }
        raw.reserveCapacity(min(chunkSize, text.utf8.count) + 16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            raw.append(value)
            if raw.count >= chunkSize,
                value == 0x20 || value == 0x0A || value == 0x09 || value == 0x0D || (0x4E00...0x9FFF).contains(value)
            {
                encodeChunk()
                raw.removeAll(keepingCapacity: true)
                if isFull { return }
            }
        }
        encodeChunk()
    }

    /// Splits out the special tokens of `raw` and encodes the text between them.
    private mutating func encodeChunk() {
        let chunk = raw
        var segmentStart = 0
        var position = 0
        while position < chunk.count {
            if let special = tokenizer.specialTokens.match(in: chunk, at: position) {
                encodeSegment(chunk[segmentStart..<position])
                if isFull { return }
                output.append(special.id)
                position += special.length
                segmentStart = position
                if isFull { return }
            } else {
                position += 1
            }
        }
        encodeSegment(chunk[segmentStart..<chunk.count])
    }

    /// Normalizes, pre-tokenizes and word-pieces one stretch of text free of special tokens.
    private mutating func encodeSegment(_ segment: ArraySlice<UInt32>) {
        if segment.isEmpty { return }
        tokenizer.normalizer.normalize(segment, into: &normalized, scratch: &scratch)
        let text = normalized
        var position = 0
        while !isFull, let word = tokenizer.preTokenizer.nextWord(in: text, from: &position) {
            encodeWord(text[word])
        }
    }

    /// Greedy longest-match-first WordPiece for one word, appending its ids (or one `[UNK]`) to `output`.
    ///
    /// Works in one stack allocation (a word has at most 100 code points): the word's UTF-8 bytes, the byte
    /// offset of each code point (candidates are byte ranges), the running hashes of the candidates, and the
    /// pieces found so far (kept until the word is known to be covered).
    private mutating func encodeWord(_ word: ArraySlice<UInt32>) {
        let count = word.count
        if count > WordPieceTokenizer.maxInputCharactersPerWord {
            output.append(tokenizer.unknownID)
            return
        }
        let capacity = WordPieceTokenizer.maxInputCharactersPerWord + 1
        let hashesSize = capacity * MemoryLayout<UInt64>.stride
        let offsetsSize = capacity * MemoryLayout<Int32>.stride
        let piecesSize = capacity * MemoryLayout<Int32>.stride
        let bytesSize = capacity * 4
        withUnsafeTemporaryAllocation(
            byteCount: hashesSize + offsetsSize + piecesSize + bytesSize, alignment: MemoryLayout<UInt64>.alignment
        ) { raw in
            let base = raw.baseAddress!
            let hashes = base.bindMemory(to: UInt64.self, capacity: capacity)
            let offsets = (base + hashesSize).bindMemory(to: Int32.self, capacity: capacity)
            let pieces = (base + hashesSize + offsetsSize).bindMemory(to: Int32.self, capacity: capacity)
            let bytes = (base + hashesSize + offsetsSize + piecesSize).bindMemory(to: UInt8.self, capacity: bytesSize)

            var byteCount = 0
            var index = 0
            for value in word {
                offsets[index] = Int32(byteCount)
                byteCount += Self.writeUTF8(value, to: bytes + byteCount)
                index += 1
            }
            offsets[count] = Int32(byteCount)

            let vocabulary = tokenizer.vocabulary
            var pieceCount = 0
            var start = 0
            while start < count {
                // Try word[start..<end] for end from count down to start + 1, skipping candidates longer than any
                // key. Their hashes all extend one running hash, computed forwards first.
                let continuation = start > 0
                let longest = continuation ? vocabulary.longestContinuationKey : vocabulary.longestInitialKey
                let first = Int(offsets[start])
                var hash = WordPieceVocabulary.hashSeed(continuation: continuation)
                var lastEnd = start
                while lastEnd < count, Int(offsets[lastEnd + 1]) - first <= longest {
                    for byteIndex in Int(offsets[lastEnd])..<Int(offsets[lastEnd + 1]) {
                        hash = WordPieceVocabulary.hash(hash, bytes[byteIndex])
                    }
                    hashes[lastEnd] = hash
                    lastEnd += 1
                }
                var end = lastEnd
                var found: Int32?
                while end > start {
                    let key = UnsafeBufferPointer(start: bytes + first, count: Int(offsets[end]) - first)
                    if let id = vocabulary.id(of: key, hash: hashes[end - 1], continuation: continuation) {
                        found = id
                        break
                    }
                    end -= 1
                }
                guard let found else {
                    // Some part of the word matches no piece: the whole word is unknown.
                    output.append(tokenizer.unknownID)
                    return
                }
                pieces[pieceCount] = found
                pieceCount += 1
                start = end
            }
            let kept = min(pieceCount, limit - output.count)
            output.append(contentsOf: UnsafeBufferPointer(start: pieces, count: kept))
        }
    }

    /// Writes the UTF-8 encoding of a code point (a valid scalar value) at `bytes`; returns its length.
    @inline(__always)
    private static func writeUTF8(_ value: UInt32, to bytes: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case 0..<0x80:
            bytes[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            bytes[0] = UInt8(0xC0 | (value >> 6))
            bytes[1] = UInt8(0x80 | (value & 0x3F))
            return 2
        case 0x800..<0x10000:
            bytes[0] = UInt8(0xE0 | (value >> 12))
            bytes[1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            bytes[2] = UInt8(0x80 | (value & 0x3F))
            return 3
        default:
            bytes[0] = UInt8(0xF0 | (value >> 18))
            bytes[1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            bytes[2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            bytes[3] = UInt8(0x80 | (value & 0x3F))
            return 4
        }
    }
}
