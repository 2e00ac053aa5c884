public import Foundation

/// The non-blank lines of a JSON Lines file with their 1-based line numbers.
public struct JSONLines: Sequence, Sendable {
    public struct Line: Sendable {
        public let number: Int
        public let data: Data
    }

    private let lines: [Line]

    /// Splits `data` on newlines; a trailing `\r` is dropped and blank lines are skipped.
    public init(data: Data) {
        var lines: [Line] = []
        var number = 0
        var start = data.startIndex
        func flush(_ end: Data.Index) {
            number += 1
            var slice = data[start..<end]
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            if slice.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                lines.append(Line(number: number, data: Data(slice)))
            }
        }
        var index = data.startIndex
        while index < data.endIndex {
            if data[index] == UInt8(ascii: "\n") {
                flush(index)
                start = data.index(after: index)
            }
            index = data.index(after: index)
        }
        if start < data.endIndex { flush(data.endIndex) }
        self.lines = lines
    }

    /// Lines made elsewhere (CSV records converted to JSON objects).
    init(lines: [Line]) {
        self.lines = lines
    }

    public func makeIterator() -> IndexingIterator<[Line]> {
        lines.makeIterator()
    }
}
