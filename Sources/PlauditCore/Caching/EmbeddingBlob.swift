public import Foundation

/// How a vector is stored: its floats as IEEE-754 binary32, little-endian, one after another,
/// so a vector read back is bit for bit the one stored, on any machine.
public enum EmbeddingBlob {
    /// The bytes of `vector`: 4 per float.
    public static func encode(_ vector: [Float]) -> Data {
        #if _endian(little)
        return vector.withUnsafeBytes { Data($0) }
        #else
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        return data
        #endif
    }

    /// The vector in `data` when it holds exactly `dimension` finite floats; `nil` for anything
    /// else (a truncated or damaged blob, another embedder's length, a NaN), so that the caller
    /// computes the vector again rather than use a bad one.
    public static func decode(_ data: Data, dimension: Int) -> [Float]? {
        guard dimension > 0, data.count == dimension * 4 else { return nil }
        let vector = [Float](unsafeUninitializedCapacity: dimension) { buffer, count in
            data.withUnsafeBytes { raw in
                for i in 0..<dimension {
                    buffer[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
                }
            }
            count = dimension
        }
        return vector.allSatisfy(\.isFinite) ? vector : nil
    }
}
