/// Receives progress of long work, for a progress bar or log lines.
///
/// Calls may come from several tasks at once; implementations synchronise themselves.
public protocol ProgressReporter: Sendable {
    /// `done` of `total` units of `phase` are finished, `failed` of them without a result.
    func update(phase: String, done: Int, total: Int, failed: Int, cached: Int)
    /// A phase is over.
    func finish(phase: String)
}

/// Reports nothing (tests, `--quiet`).
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func update(phase: String, done: Int, total: Int, failed: Int, cached: Int) {}
    public func finish(phase: String) {}
}
