/// Receives progress of long work, for a progress bar or log lines.
///
/// Calls may come from several tasks at once; implementations synchronise themselves.
public protocol ProgressReporter: Sendable {
    /// `done` of `total` units of `phase` are finished, `failed` of them without a result.
    func update(phase: String, done: Int, total: Int, failed: Int, cached: Int)
    /// A phase is over.
    func finish(phase: String)
    /// A message line for the user (a server started, the embedder chosen).
    func note(_ message: String)
    /// The running total of retries of the backends now in use, for the progress line; `nil`
    /// when none are.
    func watch(retries: (@Sendable () -> Int)?)
}

extension ProgressReporter {
    public func note(_ message: String) {}
    public func watch(retries: (@Sendable () -> Int)?) {}
}

/// Reports nothing (tests, `--quiet`).
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func update(phase: String, done: Int, total: Int, failed: Int, cached: Int) {}
    public func finish(phase: String) {}
}
