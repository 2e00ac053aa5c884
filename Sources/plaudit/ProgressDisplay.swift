import Foundation
import PlauditCore
import Synchronization

/// Progress on standard error: a bar redrawn in place on a terminal, plain lines at most
/// every ten seconds otherwise (CI logs), nothing with `--quiet`.
///
/// A line reads `scoring skywork-rm [######----] 12,000/30,000 40% 512.3/s ETA 35s ·
/// 8,000 cached · 3 retries · 1 failed`. Retries are summed over the backends being watched.
final class ProgressDisplay: ProgressReporter, Sendable {
    private struct State {
        var started: [String: ContinuousClock.Instant] = [:]
        var lastPrinted: ContinuousClock.Instant?
        var drawn = false
        var retries: (@Sendable () -> Int)?
    }

    private let state = Mutex(State())
    private let interactive: Bool
    private let quiet: Bool

    init(quiet: Bool, interactive: Bool = isatty(STDERR_FILENO) != 0) {
        self.quiet = quiet
        self.interactive = interactive
    }

    /// The retries of the backends in use, which the line shows.
    func watch(retries: (@Sendable () -> Int)?) {
        state.withLock { $0.retries = retries }
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
            state.drawn = interactive
            let retries = state.retries?() ?? 0
            return Self.line(
                phase: phase, done: done, total: total, failed: failed, cached: cached, retries: retries,
                elapsed: (now - start).inSeconds, bar: interactive
            )
        }
        guard let line else { return }
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[2K" + line : line + "\n").utf8))
    }

    func finish(phase: String) {
        guard !quiet else { return }
        let drawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// A plain message line.
    func note(_ message: String) {
        guard !quiet else { return }
        finish(phase: "")
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// One progress line. The rate counts only work done in this run (not cache hits), so
    /// the ETA is honest on a resumed run.
    static func line(phase: String, done: Int, total: Int, failed: Int, cached: Int, retries: Int, elapsed: Double, bar: Bool) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let worked = max(0, done - cached)
        let rate = elapsed > 0 ? Double(worked) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        var text = phase + " "
        if bar {
            let width = 20
            let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        }
        text += "\(grouped(done))/\(grouped(total)) \(Int((fraction * 100).rounded(.down)))% "
        text += String(format: "%.1f/s", rate) + (done < total ? " ETA \(clock(eta))" : " in \(clock(elapsed))")
        var extras: [String] = []
        if cached > 0 { extras.append("\(grouped(cached)) cached") }
        if retries > 0 { extras.append("\(grouped(retries)) retr\(retries == 1 ? "y" : "ies")") }
        if failed > 0 { extras.append("\(grouped(failed)) failed") }
        return extras.isEmpty ? text : text + " · " + extras.joined(separator: " · ")
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m" }
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
