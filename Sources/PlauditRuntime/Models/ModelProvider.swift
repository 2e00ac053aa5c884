public import PlauditCore

/// Where a job gets its models: scorers, judges and generators by selection, and the embedder. A job is
/// written only against this protocol, so the command line (through PlauditBackends' servers,
/// processes and local model) and a test (through fakes, in-process) run the same job code.
///
/// Each `with…` call brings its models up, runs `body`, and tears them down on every path,
/// thrown errors included. Errors the user can fix (a name that is not configured, a model that
/// is not installed) are ``ConfigurationError``s.
public protocol ModelProvider: Sendable {
    /// The configured scorers `selection` names, checked against the configuration, without
    /// starting anything: for planning (rubrics, name clashes) before any request is sent.
    func configuredScorers(_ selection: ScorerSelection) throws -> [ScorerConfiguration]

    /// Runs `body` with the selected scorers up.
    func withScorers<T: Sendable>(
        _ selection: ScorerSelection, progress: any ProgressReporter, _ body: (LiveScorers) async throws -> T
    ) async throws -> T

    /// The generators `selection` names, checked against the configuration, without starting
    /// anything: the names their texts are labelled with, the built-in model's last.
    func configuredGenerators(_ selection: GeneratorSelection) throws -> [String]

    /// Runs `body` with the selected generators up.
    func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T

    /// Runs `body` with the selected generators and scorers up together. A provider whose
    /// generators and scorers can share a model (one local server for a local generator and a
    /// local judge) shares it here; the default brings them up one inside the other.
    func withGeneratorsAndScorers<T: Sendable>(
        _ generators: GeneratorSelection, _ scorers: ScorerSelection, progress: any ProgressReporter,
        _ body: ([LiveGenerator], LiveScorers) async throws -> T
    ) async throws -> T

    /// A categorical judge that grades with `generator` (one of a `withGenerators` call's) by
    /// `rubric`, under the generator's name.
    func labelJudge(on generator: LiveGenerator, rubric: LabelRubric) -> any LabelJudge

    /// Checks, without starting anything, that the sentiment classifier is there: the configured
    /// classifier backend named `backend`, or the built-in lexicon classifier when `nil`.
    func checkSentimentClassifier(_ backend: String?) throws

    /// Runs `body` with the sentiment classifier ``checkSentimentClassifier(_:)`` checks.
    func withSentimentClassifier<T: Sendable>(_ backend: String?, _ body: (any SentimentClassifier) async throws -> T) async throws -> T

    /// Runs `body` with the embedder and whether it is remote (a remote embedder's vectors
    /// need a clustering cut calibrated for them).
    func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T
}

extension ModelProvider {
    public func withGeneratorsAndScorers<T: Sendable>(
        _ generators: GeneratorSelection, _ scorers: ScorerSelection, progress: any ProgressReporter,
        _ body: ([LiveGenerator], LiveScorers) async throws -> T
    ) async throws -> T {
        try await withGenerators(generators, progress: progress) { live in
            try await withScorers(scorers, progress: progress) { try await body(live, $0) }
        }
    }
}
