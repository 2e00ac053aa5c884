import Foundation

/// Texts to embed or classify, one record each: JSON Lines with a text field (other
/// fields are carried through as `id`), or plain text with one text per line.
public enum TextInput {
    public struct Record: Sendable {
        public var line: Int
        public var id: String?
        public var text: String
    }

    /// Reads `path` (`-` for standard input). `.jsonl` files, or `format == "jsonl"`, are JSON
    /// Lines; anything else is one text per line.
    public static func read(path: String, format: String?, field: String, idField: String) throws(InputError) -> [Record] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, line: 0, message: "cannot read the file")
            }
            data = read
        }
        let jsonl = format.map { $0 == "jsonl" } ?? path.hasSuffix(".jsonl")
        guard jsonl else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError(file: path, line: 0, message: "not UTF-8 text")
            }
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines.enumerated().map { Record(line: $0 + 1, id: nil, text: $1.hasSuffix("\r") ? String($1.dropLast()) : $1) }
        }
        var records: [Record] = []
        for line in JSONLines(data: data) {
            guard let object = try? JSONSerialization.jsonObject(with: line.data) as? [String: Any] else {
                throw InputError(file: path, line: line.number, message: "invalid JSON object")
            }
            guard let text = object[field] as? String else {
                throw InputError(file: path, line: line.number, field: field, message: object[field] == nil ? "missing required field" : "expected a string")
            }
            let id = object[idField].map { "\($0)" }
            records.append(Record(line: line.number, id: id, text: text))
        }
        return records
    }
}
