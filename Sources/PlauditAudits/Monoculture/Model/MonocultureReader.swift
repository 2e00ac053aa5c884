import Foundation
public import PlauditCore

/// Reads the monoculture audit's input: JSONL items (``MonocultureItem``), or label files in the
/// Generative Monoculture study's layout (one JSON object per file, `"<book id>.jsonl"` → list of
/// `"POSITIVE"`/`"NEGATIVE"`, one file per side). Errors name file, line and field.
public struct MonocultureReader: Sendable {
    public var badRows: BadRowPolicy

    public init(badRows: BadRowPolicy = .stop) {
        self.badRows = badRows
    }

    /// Reads JSONL files; a directory contributes its `*.jsonl` files in name order. Item ids must
    /// be unique across files, and an empty result is an error.
    public func read(paths: [String]) throws(InputError) -> MonocultureDataset {
        var log = BadRowLog(policy: badRows)
        var items: [MonocultureItem] = []
        var sources: [SourceFile] = []
        var seen: [String: String] = [:]
        let decoder = JSONDecoder()
        for file in try DatasetReader.expand(paths) {
            let data = try DatasetReader.load(file)
            sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: data), bytes: data.count))
            for line in JSONLines(data: data) {
                let item: MonocultureItem
                do {
                    item = try Self.item(from: decoder.decode(Row.self, from: line.data))
                } catch let error as DecodingError {
                    let (field, message) = error.fieldAndMessage
                    try log.report(InputError(file: file, line: line.number, field: field, message: message))
                    continue
                } catch let problem as RowProblem {
                    try log.report(InputError(file: file, line: line.number, field: problem.field, message: problem.message))
                    continue
                } catch {
                    try log.report(InputError(file: file, line: line.number, message: "\(error)"))
                    continue
                }
                if let first = seen[item.id] {
                    try log.report(InputError(file: file, line: line.number, field: "id", message: "duplicate item id '\(item.id)' (first at \(first))"))
                    continue
                }
                seen[item.id] = "\(file):\(line.number)"
                items.append(item)
            }
        }
        if items.isEmpty {
            throw InputError(file: paths.joined(separator: ", "), line: 0, message: "no items to audit")
        }
        return MonocultureDataset(items: items, sources: sources, skippedRows: log.skipped)
    }

    /// Reads label files: the source side from `source` (optional) and one configuration per
    /// entry of `generated`. Keys name items (a trailing `.jsonl` is dropped); items are sorted by
    /// id. Any bad entry stops the read: a label file is one object, so there is no row to skip.
    public func read(source: String?, generated: [(name: String, path: String)]) throws(InputError) -> MonocultureDataset {
        var names: Set<String> = []
        for (name, path) in generated {
            guard !name.isEmpty, name != MonocultureDataset.sourceName else {
                throw InputError(file: path, line: 0, message: "a configuration cannot be called '\(name)'")
            }
            guard names.insert(name).inserted else {
                throw InputError(file: path, line: 0, message: "two generated label files are both named '\(name)'")
            }
        }
        var items: [String: MonocultureItem] = [:]
        var sources: [SourceFile] = []
        let files = (source.map { [(MonocultureDataset.sourceName, $0)] } ?? []) + generated.map { ($0.name, $0.path) }
        for (name, path) in files {
            let data = try DatasetReader.load(path)
            sources.append(SourceFile(path: path, sha256: SHA256Hex.digest(of: data), bytes: data.count))
            for (id, labels) in try Self.labels(in: data, file: path) {
                var item = items[id] ?? MonocultureItem(id: id)
                if name == MonocultureDataset.sourceName {
                    item.source = TextSet(labels: labels)
                } else {
                    item.generated[name] = TextSet(labels: labels)
                }
                items[id] = item
            }
        }
        if items.isEmpty {
            throw InputError(file: files.map(\.1).joined(separator: ", "), line: 0, message: "no items to audit")
        }
        return MonocultureDataset(
            items: items.keys.sorted().map { items[$0]! }, configurations: generated.map(\.name), sources: sources)
    }

    // MARK: - JSONL rows

    private struct Row: Decodable {
        var id: String
        var title: String?
        var author: String?
        var source: [String]?
        var sourceLabels: [String]?
        var generated: [String: [String]]?
        var generatedLabels: [String: [String]]?

        enum CodingKeys: String, CodingKey {
            case id, title, author, source, generated
            case sourceLabels = "source_labels"
            case generatedLabels = "generated_labels"
        }
    }

    struct RowProblem: Error {
        var field: String
        var message: String
    }

    private static func item(from row: Row) throws(RowProblem) -> MonocultureItem {
        guard !row.id.isEmpty else { throw RowProblem(field: "id", message: "must not be empty") }
        let source = try side(texts: row.source, labels: row.sourceLabels, textField: "source", labelField: "source_labels")
        var generated: [String: TextSet] = [:]
        let names = Set((row.generated ?? [:]).keys).union((row.generatedLabels ?? [:]).keys).sorted()
        for name in names {
            let field = row.generated?[name] != nil ? "generated.\(name)" : "generated_labels.\(name)"
            guard !name.isEmpty, name != MonocultureDataset.sourceName else {
                throw RowProblem(field: field, message: "a configuration cannot be called '\(name)'")
            }
            generated[name] = try side(
                texts: row.generated?[name], labels: row.generatedLabels?[name], textField: "generated.\(name)",
                labelField: "generated_labels.\(name)")
        }
        let item = MonocultureItem(id: row.id, title: row.title, author: row.author, source: source, generated: generated)
        if item.source.isEmpty && item.generated.values.allSatisfy(\.isEmpty) {
            throw RowProblem(field: "source", message: "the item has no source or generated texts or labels")
        }
        return item
    }

    private static func side(texts: [String]?, labels: [String]?, textField: String, labelField: String) throws(RowProblem) -> TextSet {
        let parsed = try parse(labels ?? [], field: labelField)
        if let texts, labels != nil, texts.count != parsed.count {
            throw RowProblem(field: labelField, message: "\(parsed.count) labels for \(texts.count) texts in \(textField); the lists are parallel")
        }
        return TextSet(texts: texts ?? [], labels: parsed)
    }

    private static func parse(_ labels: [String], field: String) throws(RowProblem) -> [SentimentLabel] {
        var out: [SentimentLabel] = []
        for (index, text) in labels.enumerated() {
            guard let label = SentimentLabel(labelText: text) else {
                throw RowProblem(field: "\(field)[\(index)]", message: "expected POSITIVE, NEGATIVE or NEUTRAL, found '\(text)'")
            }
            out.append(label)
        }
        return out
    }

    // MARK: - Label files

    /// The (item id, labels) pairs of one label file, sorted by id.
    static func labels(in data: Data, file: String) throws(InputError) -> [(String, [SentimentLabel])] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw InputError(file: file, line: 0, message: "invalid JSON" + (detail.map { ": \($0)" } ?? ""))
        }
        guard let mapping = object as? [String: Any] else {
            throw InputError(file: file, line: 1, message: "expected a JSON object mapping item ids to lists of labels")
        }
        var out: [(String, [SentimentLabel])] = []
        var seen: [String: String] = [:]
        for key in mapping.keys.sorted() {
            // Found only for an error: searching for every key would cost more than the parse.
            var line: Int { Self.line(ofKey: key, in: data) }
            guard let values = mapping[key] as? [Any] else {
                throw InputError(file: file, line: line, field: key, message: "expected an array of labels")
            }
            var labels: [SentimentLabel] = []
            for (index, value) in values.enumerated() {
                guard let text = value as? String, let label = SentimentLabel(labelText: text) else {
                    throw InputError(
                        file: file, line: line, field: "\(key)[\(index)]", message: "expected POSITIVE, NEGATIVE or NEUTRAL, found \(value)")
                }
                labels.append(label)
            }
            let id = key.hasSuffix(".jsonl") ? String(key.dropLast(".jsonl".count)) : key
            guard !id.isEmpty else { throw InputError(file: file, line: line, field: key, message: "an item id must not be empty") }
            if let other = seen[id] {
                throw InputError(file: file, line: line, field: key, message: "names the same item as \(other)")
            }
            seen[id] = key
            out.append((id, labels))
        }
        return out
    }

    /// The 1-based line where `"key":` first appears (1 when it cannot be found).
    static func line(ofKey key: String, in data: Data) -> Int {
        let encoded = (try? JSONSerialization.data(withJSONObject: [key], options: [.fragmentsAllowed, .withoutEscapingSlashes]))
            .map { Data($0.dropFirst().dropLast()) } ?? Data(key.utf8)
        guard let range = data.range(of: encoded) else { return 1 }
        return data[data.startIndex..<range.lowerBound].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
