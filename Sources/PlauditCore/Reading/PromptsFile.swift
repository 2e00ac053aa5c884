import Foundation

/// Prompts to generate answers for: JSON Lines, one `{"id", "prompt"}` object per line, where
/// `prompt` is a string or `[{"role", "content"}]` as in grouped datasets, with an optional
/// string `category`. Other fields are ignored.
public enum PromptsFile {
    /// One prompt and the line it came from.
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var prompt: Prompt
        public var category: String?
        public var line: Int
    }

    private struct Row: Decodable {
        var id: String
        var prompt: Prompt
        var category: String?
    }

    /// Every prompt of `path` in file order, and the file's digest for manifests. Ids must be
    /// non-empty and unique; an empty file is an error.
    public static func read(_ path: String) throws(InputError) -> (entries: [Entry], source: SourceFile) {
        let data = try DatasetReader.load(path)
        let decoder = JSONDecoder()
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for line in JSONLines(data: data) {
            let row = try line.decode(Row.self, using: decoder, file: path)
            if row.id.isEmpty { throw InputError(file: path, line: line.number, field: "id", message: "must not be empty") }
            if row.prompt.text.isEmpty { throw InputError(file: path, line: line.number, field: "prompt", message: "must not be empty") }
            if let first = seen[row.id] {
                throw InputError(file: path, line: line.number, field: "id", message: "duplicate prompt id '\(row.id)' (first at line \(first))")
            }
            seen[row.id] = line.number
            entries.append(Entry(id: row.id, prompt: row.prompt, category: row.category, line: line.number))
        }
        if entries.isEmpty { throw InputError(file: path, line: 0, message: "no prompts") }
        return (entries, SourceFile(path: path, sha256: SHA256Hex.digest(of: data), bytes: data.count))
    }
}
