package import Foundation

/// A small RFC 4180 reader that keeps the line each record starts on.
///
/// Hand-written rather than taken from a CSV package because errors must name the exact
/// line, and quoted fields may span lines.
package struct CSVRecords {
    package struct Record {
        package var line: Int
        package var fields: [String]
    }

    package enum Failure: Error {
        case unterminatedQuote(line: Int)
    }

    /// A CSV file's header, its column names (trimmed, lower-cased) and the records after it.
    package struct Table {
        package var header: Record
        package var names: [String]
        package var rows: ArraySlice<Record>
    }

    /// Decodes and parses a CSV file that must have a header row: errors name `file` and line.
    package static func table(_ data: Data, file: String) throws(InputError) -> Table {
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: file, line: 0, message: "not UTF-8 text") }
        let records: [Record]
        do {
            records = try parse(text)
        } catch {
            guard case .unterminatedQuote(let line) = error else { fatalError("unreachable") }
            throw InputError(file: file, line: line, message: "quoted field is never closed")
        }
        guard let header = records.first else { throw InputError(file: file, line: 0, message: "empty CSV file") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return Table(header: header, names: names, rows: records.dropFirst())
    }

    package static func parse(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var chars = Array(text.unicodeScalars)[...]
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
