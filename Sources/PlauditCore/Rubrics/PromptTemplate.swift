public import Foundation

/// A versioned prompt for generating text about an item, such as "write a review of the book
/// {{title}}": the generation side of an audit that compares generated text with human text.
///
/// Template files are YAML with `id`, `version`, `template` and optional `description` and
/// `system` (a system prompt). The template must use `{{title}}`, and may use `{{author}}` and
/// `{{id}}`. Like a ``Rubric``, a template is identified in results by the SHA-256 of its
/// file's bytes, so an edit of one character shows in the manifest.
public struct PromptTemplate: Hashable, Sendable {
    public var id: String
    public var version: String
    public var description: String?
    /// A system prompt sent before the user turn, when given.
    public var system: String?
    public var template: String
    public var sha256: String

    /// A template built in code; `sha256` should identify the text it came from.
    public init(id: String, version: String, description: String? = nil, system: String? = nil, template: String, sha256: String) {
        self.id = id
        self.version = version
        self.description = description
        self.system = system
        self.template = template
        self.sha256 = sha256
    }

    /// The placeholders a template may use.
    public static let placeholders = ["title", "author", "id"]

    /// Id, version and digest, for manifests (recorded with the rubrics).
    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The prompt for one item: placeholders filled in one pass, so a title that itself contains
    /// `{{id}}` stays literal. A missing author renders as "an unknown author"; a missing title as
    /// the item's id.
    public func render(id itemID: String, title: String?, author: String?) -> String {
        let values = ["title": title ?? itemID, "author": author ?? "an unknown author", "id": itemID]
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let name = Self.placeholders.first(where: { after.hasPrefix($0 + "}}") }) {
                out += values[name]!
                rest = after.dropFirst(name.count + 2)
            } else {
                out += "{{"
                rest = after
            }
        }
        return out + rest
    }
}

extension PromptTemplate {
    private struct File: Decodable {
        var id: String
        var version: String
        var description: String?
        var system: String?
        var template: String
    }

    /// Parses a template from YAML text; `file` names it in errors.
    public init(yaml data: Data, file: String) throws(InputError) {
        let (parsed, text) = try YAMLInput.decode(File.self, from: data, file: file)
        guard parsed.template.contains("{{title}}") else {
            throw YAMLInput.error("must contain {{title}}", at: [PathKey("template")], in: text, file: file)
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description, system: parsed.system,
            template: parsed.template, sha256: SHA256Hex.digest(of: data))
    }
}
