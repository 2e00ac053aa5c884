import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore
import PlauditReports

/// `plaudit test suite.yaml`: a judge-prompt regression suite as a CI gate.
///
/// Each check of the suite runs `plaudit audit` or `plaudit sycophancy score` in-process, into
/// its own folder under `--out`, with the suite's rubrics and one response cache, so that a
/// second run after a one-rubric edit asks only that rubric's questions. Its results are read
/// back, the assertions decided (relative ones by a paired test against the stored baseline),
/// and `junit.xml` and `diff.md` written. Exit 0: every assertion passed; 1: an assertion
/// failed; 2: the suite, its files or a check could not be run.
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
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let progress = ProgressDisplay(quiet: quiet)
        let definition: RegressionSuite
        do {
            definition = try SuiteReader().read(suite)
        } catch {
            throw ExitStatus.fail(error.description, code: ExitStatus.badInput)
        }
        let baseline = try loadBaseline(definition)
        let folder = URL(fileURLWithPath: out ?? URL(fileURLWithPath: suite).deletingLastPathComponent().appendingPathComponent("suite-results").path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExitStatus.fail("cannot create \(folder.path): \(error.localizedDescription)", code: ExitStatus.failure)
        }

        var measurements: [SuiteMeasurement] = []
        var failures: [String: String] = [:]
        var seconds: [String: Double] = [:]
        var runs: [SuiteOutcome.CheckRun] = []
        for check in definition.checks {
            let checkStart = clock.now
            progress.note("check \(check.name): \(check.kind == .calibration ? "plaudit audit" : "plaudit sycophancy score") with \(check.scorers.count) scorer(s)")
            let runner = SuiteCheckRunner(
                suite: definition, check: check, folder: folder.appendingPathComponent(check.name), cache: cache, noCache: noCache, llamaURL: llamaURL)
            do {
                let found = try await runner.run()
                measurements += found.measurements
                progress.note("check \(check.name): done in \(String(format: "%.1f", (clock.now - checkStart).inSeconds)) s, cache \(found.cacheHits) hits, \(found.cacheMisses) misses")
            } catch {
                failures[check.name] = error.message
                progress.note("check \(check.name): could not run: \(error.message)")
            }
            seconds[check.name] = (clock.now - checkStart).inSeconds
            runs.append(SuiteOutcome.CheckRun(name: check.name, seconds: seconds[check.name] ?? 0, error: failures[check.name]))
        }

        if updateBaseline {
            if failures.isEmpty {
                let stored = SuiteBaseline(suite: definition.name, rubrics: definition.rubrics, measurements: measurements)
                do {
                    try ResultsFile.writeAtomically(try ResultsFile.encode(stored), to: URL(fileURLWithPath: definition.baseline))
                } catch {
                    throw ExitStatus.fail("cannot write the baseline \(definition.baseline): \(error)", code: ExitStatus.failure)
                }
                progress.note("wrote the baseline \(definition.baseline) (\(measurements.count) measurements)")
            } else {
                progress.note("the baseline was not written: \(failures.count) check(s) could not run")
            }
        }

        let outcomes = SuiteEvaluation(suite: definition, baseline: updateBaseline ? nil : baseline, updatingBaseline: updateBaseline)
            .evaluate(measurements, failures: failures, seconds: seconds)
        let outcome = SuiteOutcome(
            suite: definition.name, file: suite, alpha: definition.alpha, rubrics: definition.rubrics,
            baselineRubrics: updateBaseline ? nil : baseline?.rubrics, checks: runs, assertions: outcomes,
            timestamp: ISO8601DateFormatter().string(from: started), seconds: (clock.now - begin).inSeconds)
        do {
            try ResultsFile.writeAtomically(Data(JUnitXML.render(outcome).utf8), to: folder.appendingPathComponent("junit.xml"))
            try ResultsFile.writeAtomically(Data(SuiteMarkdown.render(outcome).utf8), to: folder.appendingPathComponent("diff.md"))
        } catch {
            throw ExitStatus.fail("cannot write to \(folder.path): \(error)", code: ExitStatus.failure)
        }
        print(TestSummary.render(outcome), terminator: "")
        print("wrote \(folder.path)/junit.xml, \(folder.path)/diff.md")
        if outcome.count(.error) > 0 { throw ExitStatus.badInput }
        if outcome.count(.failed) > 0 { throw ExitStatus.failure }
    }

    /// The stored baseline, when the suite has relative assertions and this run is not writing one.
    func loadBaseline(_ definition: RegressionSuite) throws -> SuiteBaseline? {
        let relative = definition.checks.contains { $0.assertions.contains(where: \.isRelative) }
        guard !updateBaseline else { return nil }
        guard FileManager.default.fileExists(atPath: definition.baseline) else {
            if relative {
                throw ExitStatus.fail(
                    "\(suite): relative assertions need a baseline, and \(definition.baseline) does not exist; write it with `plaudit test \(suite) --update-baseline`",
                    code: ExitStatus.badInput)
            }
            return nil
        }
        do {
            let stored = try ResultsFile.decode(SuiteBaseline.self, from: Data(contentsOf: URL(fileURLWithPath: definition.baseline)))
            guard stored.schema == SuiteBaseline.schemaID else {
                throw ExitStatus.fail("\(definition.baseline): schema \(stored.schema), expected \(SuiteBaseline.schemaID); rewrite it with --update-baseline", code: ExitStatus.badInput)
            }
            return stored
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail("\(definition.baseline): not a suite baseline (\(error)); rewrite it with `plaudit test \(suite) --update-baseline`", code: ExitStatus.badInput)
        }
    }
}
