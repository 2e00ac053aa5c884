public import Foundation

/// Human labels kept apart from the data: `item_id, response_id` with `valid` and/or `rating`,
/// as JSON Lines or CSV (by extension). Joined to a dataset where the data says nothing itself:
/// a `valid` flag in the data outranks the file's, and ratings in the data outrank its rating.
///
/// Every row must name a response of the data exactly once. A labels file decides which
/// answers count, so a bad row always stops the run (whatever the bad-rows policy): skipping it
/// would quietly change the verdict.
public enum LabelsFile {
    /// What joining a labels file did.
    public struct Applied: Sendable, Hashable {
        public var file: String
        /// Validity set from the file, by verdict.
        public var valid = 0
        public var invalid = 0
        /// Responses whose rating came from the file.
        public var rated = 0
        /// Rows whose `valid` or `rating` the data already had, and kept.
        public var keptFromData = 0

        public init(file: String) {
            self.file = file
        }

        /// The validity source in the results' first lines.
        public var source: String {
            var text = "labels file \(file) (\(valid) valid, \(invalid) invalid"
            if rated > 0 { text += "; \(rated) ratings" }
            if keptFromData > 0 { text += "; \(keptFromData) rows left to the data's own flags or ratings" }
            return text + ")"
        }
    }

    /// Reads the rows of `path` (bytes already loaded as `data`).
    public static func read(data: Data, path: String) throws(InputError) -> [LabelRow] {
        let lines =
            path.lowercased().hasSuffix(".csv")
            ? try CSVRows.lines(data, file: path, listColumns: [], boolColumns: ["valid"], numberColumns: ["rating"])
            : JSONLines(data: data)
        var rows: [LabelRow] = []
        for line in lines {
            var row = try line.decode(LabelRow.self, file: path)
            row.line = line.number
            if row.itemID.isEmpty { throw InputError(file: path, line: line.number, field: "item_id", message: "must not be empty") }
            if row.responseID.isEmpty { throw InputError(file: path, line: line.number, field: "response_id", message: "must not be empty") }
            if row.valid == nil && row.rating == nil {
                throw InputError(file: path, line: line.number, field: "valid", message: "a label needs `valid`, `rating` or both")
            }
            if let rating = row.rating, !rating.isFinite {
                throw InputError(file: path, line: line.number, field: "rating", message: "must be a finite number")
            }
            rows.append(row)
        }
        return rows
    }

    /// Joins `rows` to `dataset`. Throws a located error for an item or response the data does
    /// not have, and for a second row on the same response.
    public static func apply(_ rows: [LabelRow], file: String, to dataset: inout Dataset) throws(InputError) -> Applied {
        let position = dataset.responsePositions()
        var seen: [String: Int] = [:]
        var applied = Applied(file: file)
        for row in rows {
            guard let item = position[row.itemID] else {
                throw InputError(file: file, line: row.line, field: "item_id", message: "no item '\(row.itemID)' in the dataset")
            }
            guard let j = item.responses[row.responseID] else {
                throw InputError(file: file, line: row.line, field: "response_id", message: "item '\(row.itemID)' has no response '\(row.responseID)'")
            }
            let key = row.itemID + "\u{0}" + row.responseID
            if let first = seen[key] {
                throw InputError(
                    file: file, line: row.line, field: "response_id",
                    message: "a second label for \(row.itemID)/\(row.responseID) (the first is on line \(first))")
            }
            seen[key] = row.line
            var response = dataset.items[item.item].responses[j]
            var kept = false
            if let valid = row.valid {
                if response.valid == nil {
                    response.valid = valid
                    if valid { applied.valid += 1 } else { applied.invalid += 1 }
                } else {
                    kept = true
                }
            }
            if let rating = row.rating {
                if response.humanRatings.isEmpty {
                    response.humanRatings = [rating]
                    applied.rated += 1
                } else {
                    kept = true
                }
            }
            if kept { applied.keptFromData += 1 }
            dataset.items[item.item].responses[j] = response
        }
        return applied
    }
}
