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
    /// anything: their names.
    func configuredGenerators(_ selection: GeneratorSelection) throws -> [String]

    /// Runs `body` with the selected generators up.
    func withGenerators<T: Sendable>(
        _ selection: GeneratorSelection, progress: any ProgressReporter, _ body: ([LiveGenerator]) async throws -> T
    ) async throws -> T

    /// Runs `body` with the embedder and whether it is remote (a remote embedder's vectors
    /// need a clustering cut calibrated for them).
    func withEmbedder<T: Sendable>(
        progress: any ProgressReporter, _ body: (any Embedder, _ remote: Bool) async throws -> T
    ) async throws -> T
}
