public import Foundation
import Yams

/// A judge prompt: a versioned template with a rating scale.
///
/// Rubric files are YAML with `id`, `version`, `template`, `scale: {min, max}` and optional
/// `description`, `response_prefix` and `mode`. A pointwise template (the default) uses
/// `{{prompt}}` and `{{response}}`. A pairwise template (`mode: pairwise`) shows two answers,
/// `{{response_a}}` then `{{response_b}}`, and its scale runs from "A is better" (min) to "B is
/// better" (max), for example 1–2 for a plain choice. A rubric is identified in results by the
/// SHA-256 of its file's bytes.
public struct Rubric: Hashable, Sendable {
    /// Whether the judge rates one answer or compares two.
    public enum Mode: String, Codable, Hashable, Sendable {
        case pointwise, pairwise
    }

    public var id: String
    public var version: String
    public var description: String?
    public var template: String
    public var scale: ClosedRange<Int>
    /// Text the judge's reply is made to start with (assistant prefill) so that the next token
    /// is the rating. Sent only to servers that continue a final assistant message.
    public var responsePrefix: String?
    public var mode: Mode
    public var sha256: String

    /// A rubric built in code; `sha256` should identify the text it came from.
    public init(
        id: String, version: String, description: String? = nil, template: String, scale: ClosedRange<Int>,
        responsePrefix: String? = nil, mode: Mode = .pointwise, sha256: String
    ) {
        self.id = id
        self.version = version
        self.description = description
        self.template = template
        self.scale = scale
        self.responsePrefix = responsePrefix
        self.mode = mode
        self.sha256 = sha256
    }

    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The template with the prompt and response put in (pointwise).
    public func render(prompt: String, response: String) -> String {
        render(["prompt": prompt, "response": response])
    }

    /// The template with the prompt and the two answers put in, `first` as A (pairwise).
    public func render(prompt: String, first: String, second: String) -> String {
        render(["prompt": prompt, "response_a": first, "response_b": second])
    }

    /// Substitutes `{{name}}` in one pass, so an answer containing "{{prompt}}" stays literal.
    func render(_ values: [String: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.range(of: "}}"), let value = values[String(after[..<close.lowerBound])] {
                out += value
                rest = after[close.upperBound...]
            } else {
                out += "{{"
                rest = after
            }
        }
        return out + rest
    }

    /// The preference for answer A implied by a rating on a pairwise scale: 1 at the scale's
    /// minimum ("A is better"), 0 at its maximum.
    public func preferenceForFirst(rating: Double) -> Double {
        (Double(scale.upperBound) - rating) / Double(scale.upperBound - scale.lowerBound)
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
        var mode: Mode?

        enum CodingKeys: String, CodingKey {
            case id, version, description, template, scale, mode
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
        let mode = parsed.mode ?? .pointwise
        let placeholders = mode == .pointwise ? ["{{response}}"] : ["{{response_a}}", "{{response_b}}"]
        for placeholder in placeholders where !parsed.template.contains(placeholder) {
            throw InputError(file: file, line: 0, field: "template", message: "a \(mode.rawValue) template must contain \(placeholder)")
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description, template: parsed.template,
            scale: parsed.scale.min...parsed.scale.max, responsePrefix: parsed.responsePrefix, mode: mode,
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
