public import Foundation

/// A categorical judge prompt: a versioned template whose answer is one of a fixed set of
/// labels (for example `CORRECT`, `INCORRECT`, `REFUSAL`), never a number.
///
/// Rubric files are YAML with `id`, `version`, `labels` (two or more distinct words of
/// letters), `template` (with `{{prompt}}` and `{{response}}`) and optional `description` and
/// `response_prefix`. A reply is read with ``label(in:)``: a reply naming no label, or more than
/// one, has no label, and a judge retries it and then records a failure (never a middle value).
public struct LabelRubric: Hashable, Sendable {
    public var id: String
    public var version: String
    public var description: String?
    public var labels: [String]
    public var template: String
    /// Text the judge's reply is made to start with, where the backend continues a final
    /// assistant message.
    public var responsePrefix: String?
    public var sha256: String

    /// A rubric built in code; `sha256` should identify the text it came from.
    public init(
        id: String, version: String, description: String? = nil, labels: [String], template: String, responsePrefix: String? = nil,
        sha256: String
    ) {
        self.id = id
        self.version = version
        self.description = description
        self.labels = labels
        self.template = template
        self.responsePrefix = responsePrefix
        self.sha256 = sha256
    }

    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The template with the prompt and response put in (one pass: model text that looks like
    /// a placeholder stays literal).
    public func render(prompt: String, response: String) -> String {
        TemplateText.fill(template, ["{{prompt}}": prompt, "{{response}}": response])
    }

    /// The one label a reply names, as a whole word: upper-case spellings first (the rubric
    /// asks for them), then any case. `nil` when the reply names none, or names two different
    /// labels (for example by repeating the instructions).
    public func label(in reply: String) -> String? {
        let words = reply.split { !$0.isLetter }.map(String.init)
        for exact in [true, false] {
            var found: [String] = []
            for word in words {
                guard let label = labels.first(where: { exact ? $0 == word : $0.uppercased() == word.uppercased() }) else { continue }
                if !found.contains(label) { found.append(label) }
            }
            if found.count == 1 { return found[0] }
            if found.count > 1 { return nil }
        }
        return nil
    }
}

extension LabelRubric {
    struct File: Decodable {
        var id: String
        var version: String
        var description: String?
        var labels: [String]
        var template: String
        var responsePrefix: String?

        enum CodingKeys: String, CodingKey {
            case id, version, description, labels, template
            case responsePrefix = "response_prefix"
        }
    }

    /// Parses a categorical rubric from YAML text; `file` names it in errors.
    public init(yaml data: Data, file: String) throws(InputError) {
        let (parsed, text) = try YAMLInput.decode(File.self, from: data, file: file)
        guard parsed.labels.count >= 2 else { throw YAMLInput.error("needs at least two labels", at: [PathKey("labels")], in: text, file: file) }
        var seen: Set<String> = []
        for (index, label) in parsed.labels.enumerated() {
            guard !label.isEmpty, label.allSatisfy(\.isLetter) else {
                throw YAMLInput.error("a label is one word of letters", at: [PathKey("labels"), PathKey(index)], in: text, file: file)
            }
            guard seen.insert(label.uppercased()).inserted else {
                throw YAMLInput.error("duplicate label '\(label)'", at: [PathKey("labels"), PathKey(index)], in: text, file: file)
            }
        }
        guard parsed.template.contains("{{response}}") else {
            throw YAMLInput.error("must contain {{response}}", at: [PathKey("template")], in: text, file: file)
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description, labels: parsed.labels, template: parsed.template,
            responsePrefix: parsed.responsePrefix, sha256: SHA256Hex.digest(of: data)
        )
    }

    /// Reads a categorical rubric file.
    public init(contentsOf path: String) throws(InputError) {
        try self.init(yaml: DatasetReader.load(path), file: path)
    }
}
