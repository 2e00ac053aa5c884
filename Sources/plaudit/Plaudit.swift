import ArgumentParser
import Foundation

/// The `plaudit` command: subcommands for each job.
///
/// An `AsyncParsableCommand` with `@main` rather than top-level code: in `main.swift` the
/// compiler silently picks blocking overloads of async APIs. `main()` is plaudit's own so that
/// every error, the parser's included, is presented in one place (``ExitStatus``).
@main
struct Plaudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plaudit",
        abstract: "Audit reward models and LLM judges for under-rewarding valid but atypical answers.",
        version: "0.1.0",
        subcommands: [
            AuditCommand.self, HomogeneityCommand.self, MonocultureCommand.self, SycophancyCommand.self, TestCommand.self, ReportCommand.self,
            MergeCommand.self, EmbedCommand.self, SentimentCommand.self, AssetsCommand.self, CacheCommand.self,
        ]
    )

    /// Parses, runs the chosen command, and turns any error into one line on standard error and
    /// an exit status: 0 success (and `--help`), 1 a failure while running, 2 bad input,
    /// configuration or arguments.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var job = command as? any AsyncParsableCommand {
                try await job.run()
            } else {
                try command.run()
            }
        } catch {
            ExitStatus.exit(for: error)
        }
    }
}
