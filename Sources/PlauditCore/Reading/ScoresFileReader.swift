public import Foundation

/// Reads precomputed scores (`item_id, response_id, scorer, score`) from JSONL or CSV.
///
/// The format follows the extension: `.csv` is CSV with a header row naming those four
/// columns in any order, anything else is JSON Lines.
public struct ScoresFileReader: Sendable {
    public var badRows: BadRowPolicy

    public init(badRows: BadRowPolicy = .stop) {
        self.badRows = badRows
    }

    /// Returns the rows and those skipped under ``BadRowPolicy/skip``.
    public func read(path: String) throws(InputError) -> (rows: [ScoreRow], skipped: [InputError]) {
        try read(data: DatasetReader.load(path), path: path)
    }

    /// The same, for bytes already read (so a caller that also digests the file reads it once).
    public func read(data: Data, path: String) throws(InputError) -> (rows: [ScoreRow], skipped: [InputError]) {
        var log = BadRowLog(policy: badRows)
        let rows = path.lowercased().hasSuffix(".csv")
            ? try readCSV(data, file: path, log: &log)
            : try readJSONL(data, file: path, log: &log)
        return (rows, log.skipped)
    }

    func readJSONL(_ data: Data, file: String, log: inout BadRowLog) throws(InputError) -> [ScoreRow] {
        var rows: [ScoreRow] = []
        for line in JSONLines(data: data) {
            var row: ScoreRow
            do {
                row = try line.decode(ScoreRow.self, file: file)
            } catch {
                try log.report(error)
                continue
            }
            row.line = line.number
            if let problem = Self.validate(row) {
                try log.report(InputError(file: file, line: line.number, field: problem.field, message: problem.message))
                continue
            }
            rows.append(row)
        }
        return rows
    }

    func readCSV(_ data: Data, file: String, log: inout BadRowLog) throws(InputError) -> [ScoreRow] {
        let table = try CSVRecords.table(data, file: file)
        let (header, names) = (table.header, table.names)
        var column: [String: Int] = [:]
        for required in ["item_id", "response_id", "scorer", "score"] {
            guard let index = names.firstIndex(of: required) else {
                throw InputError(file: file, line: header.line, field: required, message: "missing column in header")
            }
            column[required] = index
        }
        var rows: [ScoreRow] = []
        for record in table.rows {
            guard record.fields.count == names.count else {
                try log.report(
                    InputError(
                        file: file, line: record.line,
                        message: "expected \(names.count) fields, found \(record.fields.count)"
                    )
                )
                continue
            }
            let text = record.fields[column["score"]!].trimmingCharacters(in: .whitespaces)
            guard let score = Double(text) else {
                try log.report(InputError(file: file, line: record.line, field: "score", message: "expected a number, found '\(text)'"))
                continue
            }
            let row = ScoreRow(
                itemID: record.fields[column["item_id"]!],
                responseID: record.fields[column["response_id"]!],
                scorer: record.fields[column["scorer"]!],
                score: score,
                line: record.line
            )
            if let problem = Self.validate(row) {
                try log.report(InputError(file: file, line: record.line, field: problem.field, message: problem.message))
                continue
            }
            rows.append(row)
        }
        return rows
    }

    static func validate(_ row: ScoreRow) -> (field: String, message: String)? {
        if row.itemID.isEmpty { return ("item_id", "must not be empty") }
        if row.responseID.isEmpty { return ("response_id", "must not be empty") }
        if row.scorer.isEmpty { return ("scorer", "must not be empty") }
        if !row.score.isFinite { return ("score", "must be a finite number") }
        return nil
    }
}
