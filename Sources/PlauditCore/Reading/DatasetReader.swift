public import Foundation

/// Reads datasets from grouped JSONL or Infinity-Chat rows, with errors that name file, line and field.
public struct DatasetReader: Sendable {
    public var format: DatasetFormat
    public var badRows: BadRowPolicy

    public init(format: DatasetFormat = .auto, badRows: BadRowPolicy = .stop) {
        self.format = format
        self.badRows = badRows
    }

    /// Reads every path; a directory contributes its `*.jsonl` files in name order.
    ///
    /// Item ids must be unique across all files. An empty result is an error: an audit of
    /// nothing would report nothing and look like a pass.
    public func read(paths: [String]) throws(InputError) -> Dataset {
        var log = BadRowLog(policy: badRows)
        var items: [Item] = []
        var sources: [SourceFile] = []
        var seenIDs: [String: String] = [:]
        for file in try Self.expand(paths) {
            let data = try Self.load(file)
            sources.append(SourceFile(path: file, sha256: SHA256Hex.digest(of: data), bytes: data.count))
            // CSV holds Infinity-Chat rows (one response per record).
            let isCSV = file.lowercased().hasSuffix(".csv")
            let lines = isCSV ? try CSVRows.lines(data, file: file) : JSONLines(data: data)
            let fileFormat = isCSV ? .infinityChat : format == .auto ? Self.detect(lines, file: file) : format
            let read: [(line: Int, item: Item)]
            switch fileFormat {
            case .infinityChat: read = try InfinityChatRows.items(from: lines, file: file, log: &log)
            case .grouped, .auto: read = try GroupedItems.items(from: lines, file: file, log: &log)
            }
            for (line, item) in read {
                if let first = seenIDs[item.id] {
                    try log.report(
                        InputError(file: file, line: line, field: "id", message: "duplicate item id '\(item.id)' (first at \(first))")
                    )
                    continue
                }
                seenIDs[item.id] = "\(file):\(line)"
                items.append(item)
            }
        }
        if items.isEmpty {
            throw InputError(file: paths.joined(separator: ", "), line: 0, message: "no items to audit")
        }
        return Dataset(items: items, sources: sources, skippedRows: log.skipped)
    }

    package static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, line: 0, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let jsonl = names.filter { $0.hasSuffix(".jsonl") }.sorted()
                if jsonl.isEmpty { throw InputError(file: path, line: 0, message: "directory holds no .jsonl files") }
                files += jsonl.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// A file's bytes, or an ``InputError`` naming it.
    public static func load(_ file: String) throws(InputError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw InputError(file: file, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
    }

    static func detect(_ lines: JSONLines, file: String) -> DatasetFormat {
        for line in lines {
            if let object = try? JSONSerialization.jsonObject(with: line.data) as? [String: Any],
                object["user_query"] != nil, object["responses"] == nil
            {
                return .infinityChat
            }
            return .grouped
        }
        return .grouped
    }
}
