import Crypto
public import Foundation

/// Lower-case hexadecimal SHA-256 digests, for manifests and content addressing.
public enum SHA256Hex {
    public static func digest(of data: Data) -> String {
        hex(of: SHA256.hash(data: data))
    }

    public static func digest(of text: String) -> String {
        digest(of: Data(text.utf8))
    }

    /// Lower-case hexadecimal of any bytes, written in one allocation (cache keys make one per
    /// response, so this is on the lookup path).
    static func hex(of bytes: some Sequence<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        let table = UnsafeBufferPointer(start: digits.utf8Start, count: 16)
        let array = Array(bytes)
        return String(unsafeUninitializedCapacity: array.count * 2) { buffer in
            for (index, byte) in array.enumerated() {
                buffer[2 * index] = table[Int(byte >> 4)]
                buffer[2 * index + 1] = table[Int(byte & 0x0F)]
            }
            return array.count * 2
        }
    }
}
