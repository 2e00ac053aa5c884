import ArgumentParser
import Foundation
import PlauditAudits
import PlauditBackends
import PlauditCore
import PlauditSuites

/// `plaudit test suite.yaml`: a judge-prompt regression suite as a CI gate (``SuiteRunner``).
/// Exit 0: every assertion passed; 1: an assertion failed; 2: the suite, its files or a check
/// could not be run.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a judge-prompt regression suite: thresholds and no-regression-against-baseline checks, JUnit XML and a Markdown diff.",
        discussion: """
            The suite (YAML) names data, rubrics, scorers and assertions; see docs/suites.md. \
            Writes junit.xml, diff.md and each check's results.json, report.md and report.html to --out. Exit status: 0 every \
            assertion passed, 1 an assertion failed, 2 an error (bad suite, missing files, a check that could not run, \
            no baseline for a relative assertion).
            """
    )

    @Argument(help: "The suite file (YAML).")
    var suite: String

    @Flag(help: "Write the suite's baseline from this run (relative assertions are skipped).")
    var updateBaseline = false

    @Option(help: "Folder for junit.xml, diff.md and the checks' results (default: suite-results next to the suite file).")
    var out: String?

    @Option(help: "The response cache (SQLite); replaces the suite's `cache`.")
    var cache: String?

    @Flag(help: "Neither read nor write the response cache.")
    var noCache = false

    @Option(help: "Use a llama.cpp server already running at this URL for the local scorers.")
    var llamaURL: String?

    @Flag(help: "No progress output.")
    var quiet = false

    func run() async throws {
        let folder = URL(fileURLWithPath: out ?? URL(fileURLWithPath: suite).deletingLastPathComponent().appendingPathComponent("suite-results").path)
        let (llamaURL, noCache, path) = (self.llamaURL, self.noCache, self.cache)
        let runner = SuiteRunner(
            file: suite, folder: folder, updateBaseline: updateBaseline,
            models: { configuration, options in
                var backends = Backends(configuration: configuration)
                backends.llamaURL = llamaURL
                backends.threads = options.threads ?? 1
                backends.concurrencyOverride = options.concurrency
                backends.embedder = options.embedder.flatMap(EmbedderChoice.init(rawValue:)) ?? .auto
                backends.embedderThreads = ProcessInfo.processInfo.activeProcessorCount
                return backends
            },
            cache: { definition, configuration in
                try await CacheLocation.open(path ?? definition.cache, off: noCache, configuration: configuration)
            })
        let outcome = try await runner.run(progress: ProgressDisplay(quiet: quiet))
        print(TestSummary.render(outcome), terminator: "")
        print("wrote \(folder.path)/junit.xml, \(folder.path)/diff.md")
        if outcome.count(.error) > 0 { throw ExitStatus.badInput }
        if outcome.count(.failed) > 0 { throw ExitStatus.failure }
    }
}
