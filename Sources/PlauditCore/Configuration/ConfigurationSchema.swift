import Yams

/// The fields `plaudit.yaml` may hold; anything else is reported with its line.
enum ConfigurationSchema {
    static let topLevel: Set<String> = ["cache", "backends", "scorers", "embedder"]
    static let cache: Set<String> = ["path", "enabled"]
    static let backend: Set<String> = [
        "name", "kind", "urls", "model", "api_key_env", "auth", "concurrency", "requests_per_minute", "tokens_per_minute",
        "connect_timeout", "request_timeout", "max_retries", "transport", "headers", "max_batch_size", "options",
    ]
    static let scorer: Set<String> = ["name", "backend", "type", "rubric"]
    static let embedder: Set<String> = ["builtin", "backend"]

    static func rejectUnknownKeys(in text: String, file: String) throws(InputError) {
        guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return }
        try check(mapping, allowed: topLevel, path: "", file: file)
        for (key, value) in mapping {
            switch key.string {
            case "cache": if let m = value.mapping { try check(m, allowed: cache, path: "cache", file: file) }
            case "embedder": if let m = value.mapping { try check(m, allowed: embedder, path: "embedder", file: file) }
            case "backends", "scorers":
                let allowed = key.string == "backends" ? backend : scorer
                for (index, element) in (value.sequence ?? []).enumerated() {
                    if let m = element.mapping { try check(m, allowed: allowed, path: "\(key.string ?? "")[\(index)]", file: file) }
                }
            default: break
            }
        }
    }

    private static func check(_ mapping: Node.Mapping, allowed: Set<String>, path: String, file: String) throws(InputError) {
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let near = allowed.sorted().min { distance($0, name) < distance($1, name) }
            let hint = near.map { distance($0, name) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
            throw InputError(
                file: file, line: key.mark?.line ?? 0, field: path.isEmpty ? name : "\(path).\(name)",
                message: "unknown field\(hint); allowed: \(allowed.sorted().joined(separator: ", "))"
            )
        }
    }

    /// Levenshtein distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
