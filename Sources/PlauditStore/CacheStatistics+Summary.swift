import Foundation

extension CacheStatistics {
    /// A summary line, then one line per namespace: what `plaudit cache stats` prints.
    public func summary(path: String) -> String {
        var lines = [
            "\(path): \(entries) entries, \(Self.megabytes(bytes)) MB of answers and vectors, "
                + "\(Self.megabytes(fileBytes)) MB on disk"
        ]
        guard !namespaces.isEmpty else { return lines[0] }
        let width = max(9, namespaces.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + fill : fill + text
        }
        lines.append(pad("namespace", width, left: true) + pad("entries", 11) + pad("MB", 10) + "  oldest                 newest")
        for namespace in namespaces {
            lines.append(
                pad(namespace.name, width, left: true) + pad("\(namespace.entries)", 11)
                    + pad(Self.megabytes(namespace.bytes), 10) + "  " + Self.timestamp(namespace.oldest) + "   "
                    + Self.timestamp(namespace.newest)
            )
        }
        return lines.joined(separator: "\n")
    }

    /// Bytes as megabytes (10^6) with one decimal.
    public static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
