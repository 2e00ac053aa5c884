/// Plain-text tables for standard output: columns padded to their widest cell, two spaces apart.
enum ConsoleTable {
    /// `rows[0]` is the header; every row has as many cells as it.
    static func render(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in cell + String(repeating: " ", count: widths[c] - cell.count) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
