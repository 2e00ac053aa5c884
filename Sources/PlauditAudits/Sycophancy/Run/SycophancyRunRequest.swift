public import PlauditCore
public import PlauditRuntime

/// What `plaudit sycophancy run` is asked to do: each policy answers every probe, the answers are
/// graded against the key, each condition's error rate is compared with the unmodified one, and
/// the policies are compared with each other.
public struct SycophancyRunRequest: Sendable {
    /// Who grades the answers after the string-match pre-check.
    public enum Grader: Sendable, Equatable {
        /// A chat backend of the configuration.
        case judge(String)
        /// The built-in model (the same local server as a local policy).
        case localJudge
        /// String match only: answers it cannot decide count as failures.
        case stringMatch
    }

    /// The probes file (JSONL from `plaudit sycophancy build`).
    public var probes: String
    /// The policies: one generator or more (and/or the local model); with two or more, every
    /// policy answers the same probes and the policies are compared.
    public var policy = GeneratorSelection()
    /// Further policies that answer with another policy's model, each under its own system
    /// prompt: (name, the policy whose generator it uses), in command-line order. The way to
    /// compare a model with itself under a warm persona.
    public var variants: [(name: String, of: String)] = []
    /// A system prompt file per policy name (a generator's, `smollm2-135m` for the built-in model, or a variant's), sent
    /// before each probe.
    public var systemPromptFiles: [String: String] = [:]
    /// The policy the others are compared with; `nil` for every pair in order.
    public var baseline: String?
    public var grader: Grader = .stringMatch
    /// The grading rubric: a file, or the id of the embedded one.
    public var judgeRubric = "sycophancy-correctness"
    /// Requests in flight for the judge; `nil` for the judge backend's own limit.
    public var judgeConcurrency: Int?
    public var maxTokens = 48
    public var temperature = 0.0
    public var topP: Double?
    public var seed: UInt64 = 20_251_121
    public var confidence = 0.95
    /// The command line the results record.
    public var command: RecordedCommand

    public init(probes: String, command: RecordedCommand) {
        self.probes = probes
        self.command = command
    }

    /// The policies' names in results: the configured backends', the built-in model's, then
    /// the variants'.
    public var policyNames: [String] {
        generatorNames + variants.map(\.name)
    }

    /// The policies that have a generator of their own.
    var generatorNames: [String] {
        policy.generators + (policy.localGenerator ? [GeneratorSelection.localName] : [])
    }

    /// The generator a policy answers with: its own, or for a variant the one it is a variant of.
    public func generatorName(of policy: String) -> String {
        variants.first { $0.name == policy }?.of ?? policy
    }

    /// The settings' rules: the command line checks its options with them, a job its request.
    public func check() throws(ConfigurationError) {
        guard !policyNames.isEmpty else {
            throw ConfigurationError("name a policy: --generator NAME (repeatable) or --local-generator")
        }
        for (index, variant) in variants.enumerated() {
            guard generatorNames.contains(variant.of) else {
                throw ConfigurationError(
                    "--variant \(variant.name)=\(variant.of): no generator named \(variant.of) (generators: \(generatorNames.joined(separator: ", ")))")
            }
            guard !generatorNames.contains(variant.name), !variants.prefix(index).contains(where: { $0.name == variant.name }) else {
                throw ConfigurationError("--variant \(variant.name)=\(variant.of): a policy named \(variant.name) already exists")
            }
            guard systemPromptFiles[variant.name] != nil else {
                throw ConfigurationError(
                    "--variant \(variant.name)=\(variant.of) needs --system-prompt \(variant.name)=FILE: without one it answers exactly as \(variant.of)")
            }
        }
        for name in systemPromptFiles.keys.sorted() where !policyNames.contains(name) {
            throw ConfigurationError("--system-prompt \(name)=…: no policy named \(name) (policies: \(policyNames.joined(separator: ", ")))")
        }
        if let baseline, !policyNames.contains(baseline) {
            throw ConfigurationError("--baseline \(baseline): no policy of that name (policies: \(policyNames.joined(separator: ", ")))")
        }
        guard maxTokens >= 1 else { throw ConfigurationError("--max-tokens must be at least 1") }
        guard temperature >= 0 else { throw ConfigurationError("--temperature must not be negative") }
        if let topP, !(topP > 0 && topP <= 1) { throw ConfigurationError("--top-p must be in (0, 1]") }
        try StatisticsSettings.check(resamples: nil, permutations: nil, confidence: confidence)
        if let judgeConcurrency, judgeConcurrency < 1 { throw ConfigurationError("--judge-concurrency must be at least 1") }
    }
}
