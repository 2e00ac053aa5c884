public import Foundation
public import PlauditAudits
import PlauditCore
import PlauditRuntime

/// Reads and writes results files. Writes are atomic: a reader sees the old file or the whole
/// new one, never half of it.
public enum ResultsFile {
    /// Canonical JSON: pretty, keys sorted, so two runs diff cleanly.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func decodeCalibration(_ data: Data) throws -> CalibrationResults {
        try decode(CalibrationResults.self, from: data)
    }

    /// Decodes a file written by ``encode(_:)``: NaN and infinities come back from their strings.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        return try decoder.decode(type, from: data)
    }

    /// Writes `data` to `url` through a temporary file in the same folder and a rename.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        try AtomicFile.write(data, to: url)
    }
}
