import Foundation

/// Decodes grouped JSONL: one ``Item`` per line.
enum GroupedItems {
    static func items(
        from lines: JSONLines,
        file: String,
        log: inout BadRowLog
    ) throws(InputError) -> [(line: Int, item: Item)] {
        let decoder = JSONDecoder()
        var out: [(line: Int, item: Item)] = []
        for line in lines {
            let item: Item
            do {
                item = try line.decode(Item.self, using: decoder, file: file)
            } catch {
                try log.report(error)
                continue
            }
            if let problem = validate(item) {
                try log.report(InputError(file: file, line: line.number, field: problem.field, message: problem.message))
                continue
            }
            out.append((line.number, item))
        }
        return out
    }

    /// Checks what the types alone cannot: non-empty ids and responses, unique response ids.
    static func validate(_ item: Item) -> (field: String, message: String)? {
        if item.id.isEmpty { return ("id", "must not be empty") }
        if item.responses.isEmpty { return ("responses", "must hold at least one response") }
        var seen: Set<String> = []
        for (index, response) in item.responses.enumerated() {
            if response.id.isEmpty { return ("responses[\(index)].id", "must not be empty") }
            if !seen.insert(response.id).inserted {
                return ("responses[\(index)].id", "duplicate response id '\(response.id)'")
            }
        }
        for (index, preference) in item.humanPreferences.enumerated() {
            let field = "human_preferences[\(index)]"
            for id in [preference.first, preference.second] where !seen.contains(id) {
                return ("\(field)", "no response '\(id)' in this item")
            }
            if preference.first == preference.second { return (field, "response_1 and response_2 are the same response") }
            if let problem = HumanPreferenceRows.problem(labels: preference.labels) { return ("\(field).human_labels", problem) }
        }
        return nil
    }
}
