import Foundation

/// CSV files of row-shaped data (Infinity-Chat absolute rows, pairwise preference rows) turned
/// into one JSON object per record, so that CSV and JSONL go through the same decoder and the
/// same field-level errors.
///
/// The first record is the header. A list column (`human_labels`) holds a JSON array
/// (`"[3, 4, 5]"`) or numbers separated by `;` or spaces; a boolean column (`valid`) holds
/// `true`/`false`/`1`/`0`; a number column (`rating` of a labels file) a number; every other
/// column is text. Empty cells are left out.
enum CSVRows {
    static func lines(
        _ data: Data, file: String, listColumns: Set<String> = ["human_labels"], boolColumns: Set<String> = ["valid"],
        numberColumns: Set<String> = []
    ) throws(InputError) -> JSONLines {
        let table = try CSVRecords.table(data, file: file)
        let names = table.names
        var out: [JSONLines.Line] = []
        for record in table.rows {
            guard record.fields.count == names.count else {
                throw InputError(file: file, line: record.line, message: "expected \(names.count) fields, found \(record.fields.count)")
            }
            var object: [String: Any] = [:]
            for (name, cell) in zip(names, record.fields) where !cell.isEmpty {
                if listColumns.contains(name) {
                    guard let numbers = numberList(cell) else {
                        throw InputError(file: file, line: record.line, field: name, message: "expected a list of numbers, found '\(cell)'")
                    }
                    object[name] = numbers
                } else if boolColumns.contains(name) {
                    switch cell.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "true", "1": object[name] = true
                    case "false", "0": object[name] = false
                    default: throw InputError(file: file, line: record.line, field: name, message: "expected true or false, found '\(cell)'")
                    }
                } else if numberColumns.contains(name) {
                    guard let number = Double(cell.trimmingCharacters(in: .whitespaces)) else {
                        throw InputError(file: file, line: record.line, field: name, message: "expected a number, found '\(cell)'")
                    }
                    object[name] = number
                } else {
                    object[name] = cell
                }
            }
            do {
                out.append(JSONLines.Line(number: record.line, data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
            } catch {
                throw InputError(file: file, line: record.line, message: "cannot convert the record: \(error)")
            }
        }
        return JSONLines(lines: out)
    }

    static func numberList(_ cell: String) -> [Double]? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            return (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [NSNumber])?.map(\.doubleValue)
        }
        let parts = trimmed.split(whereSeparator: { $0 == ";" || $0 == " " })
        let numbers = parts.compactMap { Double($0) }
        return numbers.count == parts.count && !numbers.isEmpty ? numbers : nil
    }
}
