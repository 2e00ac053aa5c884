import ArgumentParser
import Foundation
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
        do {
            records = try source.read()
            let assets = LocalAssets()
            guard assets.hasVader else {
                throw ConfigurationError("the VADER lexicon is not installed in \(assets.root.path); run `plaudit assets install`")
            }
            analyzer = VaderAnalyzer(
                lexicon: try VaderLexicon(
                    lexicon: assets.vader.appendingPathComponent("vader_lexicon.txt"),
                    emoji: assets.vader.appendingPathComponent("emoji_utf8_lexicon.txt")
                )
            )
        } catch let error as InputError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        } catch let error as ConfigurationError {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
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
