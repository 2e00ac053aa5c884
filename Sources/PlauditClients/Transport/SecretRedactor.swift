import Foundation

/// Removes a backend's API key from text before it reaches an error message or a log line.
///
/// Servers sometimes echo the credential they rejected (in a message, or in a quoted request).
/// Every piece of server text, and each finished message, goes through ``redact(_:)``. The
/// key is matched as given and in its JSON-escaped form (`/` written `\/`).
struct SecretRedactor: Sendable {
    static let placeholder = "[redacted]"

    private let secrets: [String]

    /// - Parameter secret: the key; `nil` or empty redacts nothing.
    init(secret: String?) {
        guard let secret, !secret.isEmpty else {
            secrets = []
            return
        }
        let escaped = secret.replacingOccurrences(of: "/", with: "\\/")
        // The longer form first, so that its replacement is not cut into by the shorter one.
        secrets = escaped == secret ? [secret] : [escaped, secret]
    }

    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }
}
