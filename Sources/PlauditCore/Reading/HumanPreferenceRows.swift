public import Foundation

/// Reads pairwise human preference rows (`user_query`, `response_1`, `response_2`,
/// `human_labels` in −2…2), as JSONL or CSV (by extension), and attaches them to the items they
/// belong to: the item whose prompt is the query, and the responses with exactly these texts.
public struct HumanPreferenceRows: Sendable {
    public var badRows: BadRowPolicy

    public init(badRows: BadRowPolicy = .stop) {
        self.badRows = badRows
    }

    struct Row: Decodable {
        var userQuery: String
        var response1: String
        var response2: String
        var humanLabels: [Double]

        enum CodingKeys: String, CodingKey {
            case userQuery = "user_query"
            case response1 = "response_1"
            case response2 = "response_2"
            case humanLabels = "human_labels"
        }
    }

    /// Why `labels` are not usable preference labels, or `nil`.
    static func problem(labels: [Double]) -> String? {
        if labels.isEmpty { return "must hold at least one label" }
        if let bad = labels.first(where: { !($0 >= -2 && $0 <= 2) }) { return "labels are −2…2; found \(bad)" }
        return nil
    }

    /// Reads `data` (from `file`) and adds each row to its item's ``Item/humanPreferences``.
    /// A row whose query or response texts match nothing is a bad row naming the field.
    public func attach(_ data: Data, file: String, to dataset: inout Dataset) throws(InputError) {
        var log = BadRowLog(policy: badRows)
        let lines = file.lowercased().hasSuffix(".csv") ? try CSVRows.lines(data, file: file) : JSONLines(data: data)
        var byPrompt: [String: Int] = [:]
        for (index, item) in dataset.items.enumerated() where byPrompt[item.prompt.text] == nil {
            byPrompt[item.prompt.text] = index
        }
        let decoder = JSONDecoder()
        for line in lines {
            let row: Row
            do {
                row = try line.decode(Row.self, using: decoder, file: file)
            } catch {
                try log.report(error)
                continue
            }
            if let problem = Self.problem(labels: row.humanLabels) {
                try log.report(InputError(file: file, line: line.number, field: "human_labels", message: problem))
                continue
            }
            guard let index = byPrompt[row.userQuery] else {
                try log.report(InputError(file: file, line: line.number, field: "user_query", message: "no item in the dataset has this prompt"))
                continue
            }
            let responses = dataset.items[index].responses
            guard let first = responses.first(where: { $0.text == row.response1 }) else {
                try log.report(
                    InputError(file: file, line: line.number, field: "response_1", message: "no response of item '\(dataset.items[index].id)' has this text"))
                continue
            }
            guard let second = responses.first(where: { $0.text == row.response2 }) else {
                try log.report(
                    InputError(file: file, line: line.number, field: "response_2", message: "no response of item '\(dataset.items[index].id)' has this text"))
                continue
            }
            guard first.id != second.id else {
                try log.report(InputError(file: file, line: line.number, field: "response_2", message: "the same response as response_1"))
                continue
            }
            dataset.items[index].humanPreferences.append(HumanPreference(first: first.id, second: second.id, labels: row.humanLabels))
        }
        dataset.skippedRows += log.skipped
        dataset.sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: data), bytes: data.count))
    }
}
