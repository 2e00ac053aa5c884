import ArgumentParser
import Foundation
import PlauditBackends
import PlauditClients
import PlauditCore
import PlauditText

/// `plaudit sentiment`: VADER scores for texts.
struct SentimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score texts (JSONL or one per line) with VADER; write JSONL with neg, neu, pos, compound and label."
    )

    @OptionGroup var source: TextInputOptions

    func run() async throws {
        let records: [TextInput.Record]
        let analyzer: VaderAnalyzer
        records = try source.read()
        analyzer = try LocalAssets().vaderAnalyzer()
        var out = ""
        for record in records {
            let scores = analyzer.scores(record.text)
            var object: [String: Any] = [
                "neg": scores.negative, "neu": scores.neutral, "pos": scores.positive, "compound": scores.compound,
                "label": scores.label.rawValue,
            ]
            if let id = record.id { object["id"] = id }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
