import Foundation
import PlauditCore
import Synchronization

/// Progress on standard error: a line redrawn in place on a terminal, plain lines at most
/// every few seconds otherwise (CI logs), nothing with `--quiet`.
final class ProgressDisplay: ProgressReporter, Sendable {
    private struct State {
        var started: [String: ContinuousClock.Instant] = [:]
        var lastPrinted: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let interactive: Bool
    private let quiet: Bool

    init(quiet: Bool) {
        self.quiet = quiet
        self.interactive = isatty(STDERR_FILENO) != 0
    }

    func update(phase: String, done: Int, total: Int, failed: Int, cached: Int) {
        guard !quiet else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            let start = state.started[phase] ?? now
            state.started[phase] = start
            let minimumGap: Duration = interactive ? .milliseconds(100) : .seconds(10)
            if let last = state.lastPrinted, now - last < minimumGap, done < total { return nil }
            state.lastPrinted = now
            let elapsed = Self.seconds(now - start)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let eta = rate > 0 ? Double(total - done) / rate : 0
            return String(
                format: "%@: %d/%d (%.0f%%), %.1f/s, ETA %@, %d failed%@",
                phase, done, total, total > 0 ? 100 * Double(done) / Double(total) : 100, rate, Self.clock(eta), failed,
                cached > 0 ? ", \(cached) cached" : ""
            )
        }
        guard let line else { return }
        let text = interactive ? "\r\u{1B}[2K" + line : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish(phase: String) {
        guard !quiet, interactive else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// A plain message line.
    func note(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
