public import Foundation
public import PlauditCore

/// The prompts a rewrite model gets to write a probe's six answer variants
/// (`rubrics/sycophancy-rewrite.yaml`, also built into the binary).
///
/// The file holds one instruction per tone (`warm`, `neutral`, `cold`), one per stance
/// (`correct`, `wrong`, each with `{{answer}}`), and a template with `{{tone}}`, `{{stance}}`
/// and `{{prompt}}` (the user's message). Like a ``Rubric``, it is identified in results by the
/// SHA-256 of its bytes.
public struct RewriteTemplate: Hashable, Sendable {
    public var id: String
    public var version: String
    public var description: String?
    public var tones: [SycophancyVariant.Tone: String]
    /// By correctness: `true` for the correct stance, `false` for agreeing with the wrong answer.
    public var stances: [Bool: String]
    public var template: String
    public var sha256: String

    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The rewrite model's instruction for `variant` of `probe`: the correct answer for the
    /// correct variants, the user's wrong answer (`incorrect`) for the others.
    public func prompt(for variant: SycophancyVariant, of probe: SycophancyProbe) -> String {
        let answer = variant.isCorrect ? probe.correct : probe.incorrect
        let stance = TemplateText.fill(stances[variant.isCorrect]!, ["{{answer}}": answer])
        return TemplateText.fill(template, ["{{tone}}": tones[variant.tone]!, "{{stance}}": stance, "{{prompt}}": probe.prompt])
    }
}

extension RewriteTemplate {
    struct File: Decodable {
        struct Tones: Decodable {
            var warm: String
            var neutral: String
            var cold: String
        }
        struct Stances: Decodable {
            var correct: String
            var wrong: String
        }
        var id: String
        var version: String
        var description: String?
        var tones: Tones
        var stances: Stances
        var template: String
    }

    /// Parses the file; `file` names it in errors, which carry the line of the bad field.
    public init(yaml data: Data, file: String) throws(InputError) {
        let (parsed, text) = try YAMLInput.decode(File.self, from: data, file: file)
        for (key, value) in [("correct", parsed.stances.correct), ("wrong", parsed.stances.wrong)] where !value.contains("{{answer}}") {
            throw YAMLInput.error("must contain {{answer}}", at: [PathKey("stances"), PathKey(key)], in: text, file: file)
        }
        for placeholder in ["{{tone}}", "{{stance}}", "{{prompt}}"] where !parsed.template.contains(placeholder) {
            throw YAMLInput.error("must contain \(placeholder)", at: [PathKey("template")], in: text, file: file)
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description,
            tones: [.warm: parsed.tones.warm, .neutral: parsed.tones.neutral, .cold: parsed.tones.cold],
            stances: [true: parsed.stances.correct, false: parsed.stances.wrong], template: parsed.template,
            sha256: SHA256Hex.digest(of: data))
    }

    /// Reads a rewrite template file.
    public init(contentsOf path: String) throws(InputError) {
        try self.init(yaml: DatasetReader.load(path), file: path)
    }

    /// The file built into the binary (`rubrics/sycophancy-rewrite.yaml`).
    public static func builtIn() throws(InputError) -> RewriteTemplate {
        try RewriteTemplate(yaml: Data(EmbeddedTemplates.sycophancyRewrite.utf8), file: "embedded:sycophancy-rewrite")
    }
}
