import Foundation
public import PlauditCore
public import PlauditRuntime

/// Writing one part of a sharded audit, and reading all parts back as the live scores of the
/// whole dataset. The merged run then goes through the same analysis as an unsharded one.
public enum ShardMerge {
    public static let manifestName = "shard.json"
    public static let scoresName = "scores.jsonl"

    /// Writes `scores.jsonl` (the live scores of this part, in the scores-file format) and then
    /// `shard.json`, each atomically: a folder with a `shard.json` is complete.
    public static func write(_ manifest: ShardManifest, tables: [ScoredTable], data: Dataset, to folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for table in tables {
            for (i, item) in data.items.enumerated() {
                for (j, response) in item.responses.enumerated() {
                    guard let score = table.scores[i][j] else { continue }
                    lines.append(try encoder.encode(ScoreRow(itemID: item.id, responseID: response.id, scorer: table.descriptor.name, score: score)))
                    lines.append(0x0A)
                }
            }
        }
        try AtomicFile.write(lines, to: url.appendingPathComponent(scoresName))
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(try encoder.encode(manifest), to: url.appendingPathComponent(manifestName))
    }

    /// The arguments that can change results: without output and operational settings
    /// (`--quiet`, `--verbose`, `--no-cache`, `--refresh`, `--concurrency`, `--cache`,
    /// `--threads`, `--embedder-threads`), which parts may set as their machines need.
    public static func significant(_ arguments: [String]) -> [String] {
        let flags: Set<String> = ["--quiet", "--verbose", "--no-cache", "--refresh"]
        let options: Set<String> = ["--concurrency", "--cache", "--threads", "--embedder-threads"]
        var out: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if flags.contains(argument) { continue }
            if options.contains(argument) { skipNext = true; continue }
            if options.contains(where: { argument.hasPrefix($0 + "=") }) { continue }
            out.append(argument)
        }
        return out
    }

    /// The live score tables of the whole dataset from the parts in `folders`, after checking
    /// that they are all the parts of one audit of this very dataset with these arguments.
    /// - Parameter rubrics: the rubrics as they are now; a part scored with another version of
    ///   one (an edited file) does not belong to this audit.
    public static func tables(
        from folders: [String], data: Dataset, arguments: [String], rubrics: [RubricReference]
    ) throws -> ([ScoredTable], [String: BackendStatistics]) {
        var parts: [(folder: String, manifest: ShardManifest)] = []
        for folder in folders {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(manifestName).path
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError("\(path): no shard manifest (is \(folder) the --out of an `audit --shard i/n` run that finished?)")
            }
            let manifest: ShardManifest
            do {
                manifest = try JSONDecoder().decode(ShardManifest.self, from: bytes)
            } catch {
                throw ConfigurationError("\(path): not a plaudit shard manifest: \(error)")
            }
            guard manifest.schema == ShardManifest.schemaID else {
                throw ConfigurationError("\(path): schema \(manifest.schema), expected \(ShardManifest.schemaID)")
            }
            parts.append((folder, manifest))
        }
        guard let first = parts.first?.manifest else { throw ConfigurationError("no shard folders given") }
        let n = first.shard.count
        for part in parts {
            let m = part.manifest
            guard m.shard.count == n else { throw ConfigurationError("\(part.folder) is part \(m.shard) but \(parts[0].folder) is part \(first.shard): not one audit") }
            guard significant(m.arguments) == significant(first.arguments) else {
                throw ConfigurationError("\(part.folder) was run with other arguments (\(m.arguments.joined(separator: " "))) than \(parts[0].folder) (\(first.arguments.joined(separator: " ")))")
            }
            guard m.dataset.sha256 == data.sha256 else {
                throw ConfigurationError("\(part.folder) scored a dataset with SHA-256 \(m.dataset.sha256.prefix(12))…, but the data read now has \(data.sha256.prefix(12))…; run merge from the folder the parts ran in, on the same files")
            }
            guard m.scorers == first.scorers else { throw ConfigurationError("\(part.folder) used other scorers than \(parts[0].folder)") }
            guard m.rubrics == rubrics else {
                let now = rubrics.map { "\($0.id) \($0.sha256.prefix(12))…" }.joined(separator: ", ")
                let then = m.rubrics.map { "\($0.id) \($0.sha256.prefix(12))…" }.joined(separator: ", ")
                throw ConfigurationError("\(part.folder) was scored with the rubrics \(then), but they are now \(now): a rubric changed since")
            }
        }
        let seen = parts.map(\.manifest.shard.index)
        let missing = Set(1...n).subtracting(seen).sorted()
        guard missing.isEmpty else { throw ConfigurationError("parts \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) are missing") }
        guard Set(seen).count == seen.count else { throw ConfigurationError("a part is given twice (\(seen.sorted().map { "\($0)/\(n)" }.joined(separator: ", ")))") }
        guard significant(arguments) == significant(first.arguments) else {
            throw ConfigurationError("merge was called with arguments \(arguments.joined(separator: " ")) but the parts ran with \(first.arguments.joined(separator: " "))")
        }

        var position: [String: (Int, Int)] = [:]
        for (i, item) in data.items.enumerated() {
            for (j, response) in item.responses.enumerated() { position[item.id + "\u{0}" + response.id] = (i, j) }
        }
        var tables = first.scorers.map { ScoredTable(descriptor: $0, scores: data.items.map { [Double?](repeating: nil, count: $0.responses.count) }) }
        let index = Dictionary(uniqueKeysWithValues: first.scorers.enumerated().map { ($1.name, $0) })
        var statistics = BackendStatistics()
        for part in parts.sorted(by: { $0.manifest.shard.index < $1.manifest.shard.index }) {
            let path = URL(fileURLWithPath: part.folder).appendingPathComponent(scoresName).path
            let (rows, _) = try ScoresFileReader().read(path: path)
            for row in rows {
                guard let k = index[row.scorer], let (i, j) = position[row.itemID + "\u{0}" + row.responseID] else {
                    throw ConfigurationError("\(path):\(row.line): a score for \(row.scorer) on \(row.itemID)/\(row.responseID), which this audit does not have")
                }
                tables[k].scores[i][j] = row.score
            }
            for failure in part.manifest.failures { if let k = index[failure.scorer] { tables[k].failures.append(failure) } }
            for (name, counts) in part.manifest.cache {
                guard let k = index[name] else { continue }
                tables[k].counts.hits += counts.hits
                tables[k].counts.misses += counts.misses
                tables[k].counts.stored += counts.stored
            }
            statistics.requests += part.manifest.counts["requests"] ?? 0
            statistics.retries += part.manifest.counts["retries"] ?? 0
            statistics.failures += part.manifest.counts["request_failures"] ?? 0
            statistics.throttled += part.manifest.counts["throttled"] ?? 0
        }
        // The order an unsharded run records failures in: by item, then response.
        for k in tables.indices {
            tables[k].failures.sort { a, b in
                let pa = position[a.itemID + "\u{0}" + a.responseID] ?? (0, 0)
                let pb = position[b.itemID + "\u{0}" + b.responseID] ?? (0, 0)
                return pa < pb
            }
        }
        return (tables, ["shards": statistics])
    }
}
