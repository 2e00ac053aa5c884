import Foundation

/// Decodes Infinity-Chat style rows, one response per line, and groups them by query.
///
/// Items get the id `q` + the first 12 hex digits of the query's SHA-256 (stable across
/// files and orderings); responses are numbered `r1`, `r2`, … in file order unless a row
/// has a `response_id`.
enum InfinityChatRows {
    struct Row: Decodable {
        var userQuery: String
        var response: String
        var humanLabels: [Double]?
        var responseID: String?
        var category: String?
        var valid: Bool?
        var model: String?

        enum CodingKeys: String, CodingKey {
            case response, category, valid, model
            case userQuery = "user_query"
            case humanLabels = "human_labels"
            case responseID = "response_id"
        }
    }

    static func items(
        from lines: JSONLines,
        file: String,
        log: inout BadRowLog
    ) throws(InputError) -> [(line: Int, item: Item)] {
        let decoder = JSONDecoder()
        var order: [String] = []
        var grouped: [String: (line: Int, item: Item)] = [:]
        for line in lines {
            let row: Row
            do {
                row = try line.decode(Row.self, using: decoder, file: file)
            } catch {
                try log.report(error)
                continue
            }
            let id = "q" + SHA256Hex.digest(of: row.userQuery).prefix(12)
            if grouped[id] == nil {
                order.append(id)
                grouped[id] = (line.number, Item(id: id, prompt: .text(row.userQuery), category: row.category, responses: []))
            }
            let responseID = row.responseID ?? "r\(grouped[id]!.item.responses.count + 1)"
            if grouped[id]!.item.responses.contains(where: { $0.id == responseID }) {
                try log.report(
                    InputError(file: file, line: line.number, field: "response_id", message: "duplicate response id '\(responseID)'")
                )
                continue
            }
            grouped[id]!.item.responses.append(
                Response(id: responseID, text: row.response, model: row.model, valid: row.valid, humanRatings: row.humanLabels ?? [])
            )
        }
        return order.map { grouped[$0]! }
    }
}
