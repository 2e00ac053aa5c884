import Foundation

/// Removes a backend's secrets from text before it reaches an error message or a log line:
/// the API key, and any user-info (`user:password@`) written into its URLs.
///
/// Servers sometimes echo the credential they rejected (in a message, or in a quoted request),
/// and HTTP stacks put the failing URL into their errors. Every piece of server or transport
/// text, and each finished message, goes through ``redact(_:)``. Each secret is matched as
/// given, in its JSON-escaped form (`/` written `\/`), and in its percent-encoded form.
struct SecretRedactor: Sendable {
    static let placeholder = "[redacted]"

    /// Longest first, so that a replacement is never cut into by a shorter secret.
    private let secrets: [String]

    /// - Parameters:
    ///   - secret: the key; `nil` or empty redacts nothing.
    ///   - urls: the backend's URLs; their user-info and passwords are redacted too.
    init(secret: String?, urls: [String] = []) {
        var raw: [String] = []
        if let secret { raw.append(secret) }
        for url in urls {
            guard let components = URLComponents(string: url) else { continue }
            if let user = components.percentEncodedUser, let password = components.percentEncodedPassword {
                raw.append("\(user):\(password)")
            }
            if let password = components.password { raw.append(password) }
        }
        var forms = Set<String>()
        for text in raw where !text.isEmpty {
            forms.insert(text)
            forms.insert(text.replacingOccurrences(of: "/", with: "\\/"))
            if let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.insert(encoded) }
        }
        secrets = forms.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }
}
