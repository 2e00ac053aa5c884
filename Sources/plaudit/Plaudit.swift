import ArgumentParser

/// The `plaudit` command: subcommands for each job.
///
/// An `AsyncParsableCommand` with `@main` rather than top-level code: in `main.swift` the
/// compiler silently picks blocking overloads of async APIs (research/swift_stack.md §1.6).
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
}
