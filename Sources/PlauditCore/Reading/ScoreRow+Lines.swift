public import Foundation

extension ScoreRow {
    /// Every score of `dataset` in the scores-file format: one row per line, by item, response
    /// and scorer name, keys sorted, so the same scores always give the same bytes.
    public static func jsonLines(_ dataset: Dataset) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for item in dataset.items {
            for response in item.responses {
                for name in response.scores.keys.sorted() {
                    let row = ScoreRow(itemID: item.id, responseID: response.id, scorer: name, score: response.scores[name]!)
                    lines.append(try encoder.encode(row))
                    lines.append(UInt8(ascii: "\n"))
                }
            }
        }
        return lines
    }
}
