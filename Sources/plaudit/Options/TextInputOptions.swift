import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore

/// Where `plaudit embed` and `plaudit sentiment` read their texts.
struct TextInputOptions: ParsableArguments {
    @Argument(help: "Input file, or - for standard input.")
    var input: String

    @Option(help: "Input format: jsonl or text (default: by file extension).")
    var format: String?

    @Option(help: "JSONL field holding the text.")
    var field = "text"

    @Option(help: "JSONL field copied to the output as `id`.")
    var idField = "id"

    @Option(help: "Do part i of n (for example 2/4): every n-th text from the i-th. The parts' outputs together are the whole.")
    var shard: ShardSpec?

    func read() throws(InputError) -> [TextInput.Record] {
        let records = try TextInput.read(path: input, format: format, field: field, idField: idField)
        guard let shard else { return records }
        return shard.indices(itemCount: records.count).map { records[$0] }
    }
}
