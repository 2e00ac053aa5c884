import PlauditCore

/// The command line a run records in its manifest, so that a results file says how to make it
/// again: the words after `plaudit`, with credentials removed from any URL among them.
///
/// A job records the command its request carries: the process's (``active``) when the command
/// line started it, or the one its caller states (a check of a regression run, a merge). One way to record, so
/// no job can record another job's command line.
public struct RecordedCommand: Sendable, Equatable {
    /// The words after `plaudit`, for example `["audit", "data.jsonl", "--local-judge"]`.
    public var words: [String]

    public init(words: [String]) {
        self.words = words
    }

    /// This process's command line.
    public static var active: RecordedCommand {
        RecordedCommand(words: Array(CommandLine.arguments.dropFirst()))
    }

    /// The words with credentials removed from URLs.
    public var redacted: [String] { words.map(URLCredentials.removing(from:)) }

    /// `plaudit …`, credentials removed: what the manifest's `command` holds.
    public var line: String { (["plaudit"] + redacted).joined(separator: " ") }

    /// The words after the subcommand words `prefix` (when they start the command), without the
    /// options named in `options` and their values: what differs between runs that must still be
    /// recognised as one (the parts of a sharded audit and its merge).
    public func arguments(after prefix: [String], dropping options: Set<String> = []) -> [String] {
        var out: [String] = []
        var skipNext = false
        for argument in words.starts(with: prefix) ? Array(words.dropFirst(prefix.count)) : words {
            if skipNext { skipNext = false; continue }
            if options.contains(argument) { skipNext = true; continue }
            if options.contains(where: { argument.hasPrefix($0 + "=") }) { continue }
            out.append(argument)
        }
        return out
    }
}
