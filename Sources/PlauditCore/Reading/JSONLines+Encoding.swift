public import Foundation

extension JSONLines {
    /// `rows` as JSON Lines: one compact object per line, keys sorted and slashes unescaped, so
    /// the same values always give the same bytes (files that are diffed, hashed or read back).
    public static func encode<Row: Encodable>(_ rows: [Row]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for row in rows {
            data.append(try encoder.encode(row))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }
}
