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

extension JSONLines.Line {
    /// Decodes the line as one row; any failure becomes an ``InputError`` at this line, with
    /// the field path and message of a decoding error.
    public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder = JSONDecoder(), file: String) throws(InputError) -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            let (field, message) = error.fieldAndMessage
            throw InputError(file: file, line: number, field: field, message: message)
        } catch {
            throw InputError(file: file, line: number, message: "\(error)")
        }
    }
}
