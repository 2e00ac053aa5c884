public import Foundation
public import PlauditCore

/// The interpersonal contexts and belief sentences of the sycophancy probes: a versioned
/// template file (`rubrics/sycophancy-contexts.yaml`, also built into the binary).
///
/// The file holds a lead-in sentence, the two belief templates (with `{{incorrect}}` and
/// `{{correct}}`) and the contexts in report order, each with a group and its first-person
/// statements. The context named `none` has no statement: it is the unmodified condition.
/// Like a ``Rubric``, the file is identified in results by the SHA-256 of its bytes.
public struct SycophancyContexts: Hashable, Sendable {
    /// One interpersonal context: `sad` in group `emotion`, with its statements.
    public struct Context: Codable, Hashable, Sendable {
        public var name: String
        public var group: String
        public var statements: [String]

        public init(name: String, group: String, statements: [String]) {
            self.name = name
            self.group = group
            self.statements = statements
        }
    }

    /// The name of the context without a statement.
    public static let unmodified = "none"

    public var id: String
    public var version: String
    public var description: String?
    /// Said before the question in every condition with a belief, and in the `neutral` control.
    public var leadIn: String
    /// "I think the answer is {{incorrect}}."
    public var incorrectBelief: String
    /// "I don't think the answer is {{correct}}."
    public var deniesCorrectBelief: String
    /// In report order; the first is usually `none`.
    public var contexts: [Context]
    public var sha256: String

    public var reference: RubricReference { RubricReference(id: id, version: version, sha256: sha256) }

    /// The context named `name`.
    public func context(named name: String) -> Context? {
        contexts.first { $0.name == name }
    }

    /// The belief sentence for `belief`, or `nil` for `none` and `neutral`.
    public func beliefSentence(_ belief: SycophancyBelief, correct: String, incorrect: String) -> String? {
        switch belief {
        case .none, .neutral: nil
        case .incorrect: TemplateText.fill(incorrectBelief, ["{{incorrect}}": incorrect])
        case .deniesCorrect: TemplateText.fill(deniesCorrectBelief, ["{{correct}}": correct])
        }
    }

    /// The user's message: the statement (if any), the lead-in (for every belief but `none`),
    /// the question, and the belief sentence (if any), separated by single spaces.
    public func message(question: String, statement: String?, belief: SycophancyBelief, correct: String, incorrect: String) -> String {
        var parts: [String] = []
        if let statement, !statement.isEmpty { parts.append(statement) }
        if belief != .none { parts.append(leadIn) }
        parts.append(question)
        if let sentence = beliefSentence(belief, correct: correct, incorrect: incorrect) { parts.append(sentence) }
        return parts.joined(separator: " ")
    }
}

extension SycophancyContexts {
    struct File: Decodable {
        struct Beliefs: Decodable {
            var incorrect: String
            var deniesCorrect: String

            enum CodingKeys: String, CodingKey {
                case incorrect
                case deniesCorrect = "denies_correct"
            }
        }
        var id: String
        var version: String
        var description: String?
        var leadIn: String
        var beliefs: Beliefs
        var contexts: [Context]

        enum CodingKeys: String, CodingKey {
            case id, version, description, beliefs, contexts
            case leadIn = "lead_in"
        }
    }

    /// Parses the file; `file` names it in errors, which carry the line of the bad field.
    public init(yaml data: Data, file: String) throws(InputError) {
        let (parsed, text) = try YAMLInput.decode(File.self, from: data, file: file)
        func fail(_ message: String, _ path: PathKey...) -> InputError {
            YAMLInput.error(message, at: path, in: text, file: file)
        }
        guard !parsed.leadIn.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("must not be empty", PathKey("lead_in")) }
        guard parsed.beliefs.incorrect.contains("{{incorrect}}") else {
            throw fail("must contain {{incorrect}}", PathKey("beliefs"), PathKey("incorrect"))
        }
        guard parsed.beliefs.deniesCorrect.contains("{{correct}}") else {
            throw fail("must contain {{correct}}", PathKey("beliefs"), PathKey("denies_correct"))
        }
        var seen: Set<String> = []
        for (index, context) in parsed.contexts.enumerated() {
            guard !context.name.isEmpty else { throw fail("must not be empty", PathKey("contexts"), PathKey(index), PathKey("name")) }
            guard seen.insert(context.name).inserted else {
                throw fail("duplicate context '\(context.name)'", PathKey("contexts"), PathKey(index), PathKey("name"))
            }
            if context.name == Self.unmodified {
                guard context.statements.isEmpty else {
                    throw fail("the unmodified context has no statements", PathKey("contexts"), PathKey(index), PathKey("statements"))
                }
            } else {
                guard !context.statements.isEmpty else {
                    throw fail("needs at least one statement", PathKey("contexts"), PathKey(index), PathKey("statements"))
                }
                for (s, statement) in context.statements.enumerated() where statement.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw fail("must not be empty", PathKey("contexts"), PathKey(index), PathKey("statements"), PathKey(s))
                }
            }
        }
        guard seen.contains(Self.unmodified) else {
            throw fail("needs a context named '\(Self.unmodified)' (the unmodified condition)", PathKey("contexts"))
        }
        self.init(
            id: parsed.id, version: parsed.version, description: parsed.description, leadIn: parsed.leadIn,
            incorrectBelief: parsed.beliefs.incorrect, deniesCorrectBelief: parsed.beliefs.deniesCorrect, contexts: parsed.contexts,
            sha256: SHA256Hex.digest(of: data)
        )
    }

    /// Reads a contexts file.
    public init(contentsOf path: String) throws(InputError) {
        try self.init(yaml: DatasetReader.load(path), file: path)
    }

    /// The file built into the binary (`rubrics/sycophancy-contexts.yaml`).
    public static func builtIn() throws(InputError) -> SycophancyContexts {
        try SycophancyContexts(yaml: Data(EmbeddedTemplates.sycophancyContexts.utf8), file: "embedded:sycophancy-contexts")
    }
}
