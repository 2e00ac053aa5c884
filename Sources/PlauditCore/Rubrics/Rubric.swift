public import Foundation
import Yams

/// A judge prompt: a versioned template with a rating scale.
///
/// Rubric files are YAML with `id`, `version`, `template`, `scale: {min, max}` and optional
/// `description` and `response_prefix`. The template may use `{{prompt}}` and
/// `{{response}}`. A rubric is identified in results by the SHA-256 of its file's bytes.
public struct Rubric: Hashable, Sendable {
    public var id: String
    public var version: String
    public var description: String?
    public var template: String
    public var scale: ClosedRange<Int>
    /// Text the judge's reply is made to start with (assistant prefill) so that the next token
    /// is the rating. Sent only to servers that continue a final assistant message.
    public var responsePrefix: String?
    public var sha256: String

    /// A rubric built in code; `sha256` should identify the text it came from.
    public init(
        id: String, version: String, description: String? = nil, template: String, scale: ClosedRange<Int>,
        responsePrefix: String? = nil, sha256: String
    ) {
        self.id = id
        self.version = version
        self.description = description
        self.template = template
        self.scale = scale
        self.responsePrefix = responsePrefix
        self.sha256 = sha256
    }

    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The template with the prompt and response put in.
    public func render(prompt: String, response: String) -> String {
        // Substitute in one pass so a response containing "{{prompt}}" stays literal.
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if after.hasPrefix("prompt}}") {
                out += prompt
                rest = after.dropFirst("prompt}}".count)
            } else if after.hasPrefix("response}}") {
                out += response
                rest = after.dropFirst("response}}".count)
            } else {
                out += "{{"
                rest = after
            }
        }
        return out + rest
    }
}

extension Rubric {
    struct File: Decodable {
        struct Scale: Decodable {
            var min: Int
            var max: Int
        }
        var id: String
        var version: String
        var description: String?
        var template: String
        var scale: Scale
        var responsePrefix: String?

        enum CodingKeys: String, CodingKey {
            case id, version, description, template, scale
            case responsePrefix = "response_prefix"
        }
    }

    /// Parses a rubric from YAML text; `file` names it in errors.
    public init(yaml data: Data, file: String) throws(InputError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 0, message: "not UTF-8 text")
        }
        let parsed: File
        do {
            parsed = try YAMLDecoder().decode(File.self, from: text)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // Yams reports syntax errors this way; its own text spans several lines.
                let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                throw InputError(file: file, line: 0, message: "invalid YAML: " + Self.oneLine(detail))
            }
            let (field, message) = error.fieldAndMessage
            throw InputError(file: file, line: 0, field: field, message: message)
        } catch {
            throw InputError(file: file, line: 0, message: "invalid YAML: " + Self.oneLine("\(error)"))
        }
        guard parsed.scale.min < parsed.scale.max else {
            throw InputError(file: file, line: 0, field: "scale", message: "min must be below max")
        }
        guard parsed.template.contains("{{response}}") else {
            throw InputError(file: file, line: 0, field: "template", message: "must contain {{response}}")
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description, template: parsed.template,
            scale: parsed.scale.min...parsed.scale.max, responsePrefix: parsed.responsePrefix,
            sha256: SHA256Hex.digest(of: data)
        )
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Reads a rubric file.
    public init(contentsOf path: String) throws(InputError) {
        try self.init(yaml: DatasetReader.load(path), file: path)
    }
}
