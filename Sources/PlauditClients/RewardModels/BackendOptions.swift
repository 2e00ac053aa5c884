import Foundation
import PlauditCore

/// A backend's `options` dictionary, read by the adapter that owns the backend's kind.
///
/// Unknown keys are a configuration error rather than ignored, because a misspelt option
/// (`use_activaton`) would otherwise silently change which numbers come back. Every message
/// names the backend and the option, never a value that could be a secret beyond the option
/// the user wrote.
struct BackendOptions {
    let backendName: String
    let kind: String
    let values: [String: String]

    /// - Throws: ``ClientError`` (`.configuration`) listing any key not in `known`.
    init(_ configuration: BackendConfiguration, known: [String]) throws {
        backendName = configuration.name
        kind = configuration.kind.rawValue
        values = configuration.options
        let unknown = values.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw error(
                "unknown option\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); "
                    + "the \(kind) backend reads \(known.sorted().joined(separator: ", "))"
            )
        }
    }

    /// The option's text, or `nil` when it is absent or blank.
    func string(_ key: String) -> String? {
        guard let value = values[key], !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }

    /// The option's text.
    /// - Throws: ``ClientError`` (`.configuration`) when it is absent.
    func required(_ key: String, purpose: String) throws -> String {
        guard let value = string(key) else { throw error("option \(key) is required: \(purpose)") }
        return value
    }

    /// One of an enumeration's raw values, or `defaultValue` when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: T) throws -> T
    where T.RawValue == String {
        guard let text = string(key)?.trimmingCharacters(in: .whitespaces) else { return defaultValue }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("option \(key): '\(text)' is not one of \(allowed)")
        }
        return value
    }

    /// A configuration error about this backend.
    func error(_ message: String) -> ClientError {
        ClientError(.configuration, "backend '\(backendName)' (\(kind)): \(message)")
    }
}
