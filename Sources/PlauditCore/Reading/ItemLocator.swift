import Foundation

/// Finds the line an item came from, for errors found after reading (when only the item is
/// at hand): the first line of a grouped JSONL file among `files` whose `id` is the item's.
public enum ItemLocator {
    /// `(file, line)` of the grouped item `id`, or `nil` when no file holds it on a line of its
    /// own (for example Infinity-Chat rows, whose items span several lines).
    public static func locate(itemID id: String, in files: [String]) -> (file: String, line: Int)? {
        struct Identified: Decodable { var id: String }
        let decoder = JSONDecoder()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for line in JSONLines(data: data) {
                if let row = try? decoder.decode(Identified.self, from: line.data), row.id == id { return (file, line.number) }
            }
        }
        return nil
    }

    /// An ``InputError`` at the item's line when it can be found, else one naming the item.
    public static func error(itemID id: String, field: String, message: String, files: [String]) -> InputError {
        if let (file, line) = locate(itemID: id, in: files) {
            return InputError(file: file, line: line, field: field, message: message)
        }
        return InputError(file: files.joined(separator: ", "), line: 0, field: "item '\(id)' \(field)", message: message)
    }
}
