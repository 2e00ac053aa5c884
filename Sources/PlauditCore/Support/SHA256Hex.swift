import Crypto
public import Foundation

/// Lower-case hexadecimal SHA-256 digests, for manifests and content addressing.
public enum SHA256Hex {
    public static func digest(of data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func digest(of text: String) -> String {
        digest(of: Data(text.utf8))
    }
}
