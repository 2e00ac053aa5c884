extension Dataset {
    /// Attaches precomputed scores to the responses they name.
    ///
    /// A row naming an unknown item or response, or a second score for the same response and
    /// scorer, is a bad row: reported through `log` with the scores file's name and line.
    public mutating func join(scores rows: [ScoreRow], file: String, log: inout BadRowLog) throws(InputError) {
        let position = responsePositions()
        for row in rows {
            guard let item = position[row.itemID] else {
                try log.report(InputError(file: file, line: row.line, field: "item_id", message: "no item '\(row.itemID)' in the dataset"))
                continue
            }
            guard let j = item.responses[row.responseID] else {
                try log.report(
                    InputError(
                        file: file, line: row.line, field: "response_id",
                        message: "item '\(row.itemID)' has no response '\(row.responseID)'"
                    )
                )
                continue
            }
            if items[item.item].responses[j].scores[row.scorer] != nil {
                try log.report(
                    InputError(
                        file: file, line: row.line, field: "scorer",
                        message: "a second score from '\(row.scorer)' for \(row.itemID)/\(row.responseID)"
                    )
                )
                continue
            }
            items[item.item].responses[j].scores[row.scorer] = row.score
        }
    }

    /// Where each item and each of its responses is, by id: how rows of a side file (scores,
    /// labels) find what they describe.
    func responsePositions() -> [String: (item: Int, responses: [String: Int])] {
        var position: [String: (item: Int, responses: [String: Int])] = [:]
        for (i, item) in items.enumerated() {
            var responses: [String: Int] = [:]
            for (j, response) in item.responses.enumerated() { responses[response.id] = j }
            position[item.id] = (i, responses)
        }
        return position
    }
}
