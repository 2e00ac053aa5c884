public import Foundation
public import PlauditAudits
public import PlauditCore
import PlauditReports
public import PlauditRuntime

/// `plaudit test` as a library: a judge-prompt regression suite as a CI gate.
///
/// Each check runs its job in-process, into its own folder under the output folder, with the
/// suite's rubrics; its assertions are decided (relative ones by a paired test against the
/// stored baseline), and `junit.xml` and `diff.md` are written. The models come from `models`,
/// built per check from the check's configuration and the suite's options, so the command line
/// passes its backends and a test passes fakes.
public struct SuiteRunner: Sendable {
    /// The suite file, as given (recorded in each check's results).
    public var file: String
    /// Where junit.xml, diff.md and the checks' folders go.
    public var folder: URL
    /// Write the baseline from this run (relative assertions are skipped).
    public var updateBaseline = false
    /// The models of a check: its configuration (the suite's, with only its scorers) and the suite's options.
    public var models: @Sendable (PlauditConfiguration, SuiteOptions) -> any ModelProvider
    /// The response cache of a check, or `nil` for none.
    public var cache: @Sendable (RegressionSuite, PlauditConfiguration) async throws -> (any ResponseCache)?

    public init(
        file: String, folder: URL, updateBaseline: Bool = false,
        models: @escaping @Sendable (PlauditConfiguration, SuiteOptions) -> any ModelProvider,
        cache: @escaping @Sendable (RegressionSuite, PlauditConfiguration) async throws -> (any ResponseCache)?
    ) {
        self.file = file
        self.folder = folder
        self.updateBaseline = updateBaseline
        self.models = models
        self.cache = cache
    }

    /// Reads the suite and its baseline, runs every check, decides the assertions, writes the
    /// baseline when asked, `junit.xml` and `diff.md`. A check that cannot run is an error of its
    /// assertions, not of the suite; a suite that cannot be read or has no baseline for a
    /// relative assertion throws (``InputError``, ``ConfigurationError``).
    public func run(progress: any ProgressReporter) async throws -> SuiteOutcome {
        let started = Date()
        let clock = ContinuousClock()
        let begin = clock.now
        let definition = try SuiteReader().read(file)
        let baseline = try loadBaseline(definition)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AuditError("cannot create \(folder.path): \(error.localizedDescription)")
        }

        var measurements: [SuiteMeasurement] = []
        var failures: [String: String] = [:]
        var seconds: [String: Double] = [:]
        var runs: [SuiteOutcome.CheckRun] = []
        for check in definition.checks {
            let checkStart = clock.now
            progress.note("check \(check.name): \(check.kind == .calibration ? "plaudit audit" : "plaudit sycophancy score") with \(check.scorers.count) scorer(s)")
            do {
                let found = try await run(check, of: definition)
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
                    try AtomicFile.write(try ResultsFile.encode(stored), to: URL(fileURLWithPath: definition.baseline))
                } catch {
                    throw AuditError("cannot write the baseline \(definition.baseline): \(error)")
                }
                progress.note("wrote the baseline \(definition.baseline) (\(measurements.count) measurements)")
            } else {
                progress.note("the baseline was not written: \(failures.count) check(s) could not run")
            }
        }

        let outcomes = SuiteEvaluation(suite: definition, baseline: updateBaseline ? nil : baseline, updatingBaseline: updateBaseline)
            .evaluate(measurements, failures: failures, seconds: seconds)
        let outcome = SuiteOutcome(
            suite: definition.name, file: file, alpha: definition.alpha, rubrics: definition.rubrics,
            baselineRubrics: updateBaseline ? nil : baseline?.rubrics, checks: runs, assertions: outcomes,
            timestamp: ISO8601DateFormatter().string(from: started), seconds: (clock.now - begin).inSeconds)
        do {
            try AtomicFile.write(Data(JUnitXML.render(outcome).utf8), to: folder.appendingPathComponent("junit.xml"))
            try AtomicFile.write(Data(SuiteMarkdown.render(outcome).utf8), to: folder.appendingPathComponent("diff.md"))
        } catch {
            throw AuditError("cannot write to \(folder.path): \(error)")
        }
        return outcome
    }

    func run(_ check: SuiteCheck, of definition: RegressionSuite) async throws(CheckFailure) -> SuiteCheckRunner.Found {
        let configuration = try SuiteCheckRunner.configuration(suite: definition, check: check)
        let opened: (any ResponseCache)?
        do {
            opened = try await cache(definition, configuration)
        } catch {
            throw CheckFailure(message: "\(error)")
        }
        let runner = SuiteCheckRunner(
            suite: definition, suiteFile: file, check: check, folder: folder.appendingPathComponent(check.name), configuration: configuration,
            models: models(configuration, definition.options), cache: opened)
        return try await runner.run()
    }

    /// The stored baseline, when the suite has relative assertions and this run is not writing one.
    func loadBaseline(_ definition: RegressionSuite) throws -> SuiteBaseline? {
        let relative = definition.checks.contains { $0.assertions.contains(where: \.isRelative) }
        guard !updateBaseline else { return nil }
        guard FileManager.default.fileExists(atPath: definition.baseline) else {
            if relative {
                throw ConfigurationError(
                    "\(file): relative assertions need a baseline, and \(definition.baseline) does not exist; write it with `plaudit test \(file) --update-baseline`")
            }
            return nil
        }
        let stored: SuiteBaseline
        do {
            stored = try ResultsFile.decode(SuiteBaseline.self, from: Data(contentsOf: URL(fileURLWithPath: definition.baseline)))
        } catch {
            throw ConfigurationError("\(definition.baseline): not a suite baseline (\(error)); rewrite it with `plaudit test \(file) --update-baseline`")
        }
        guard stored.schema == SuiteBaseline.schemaID else {
            throw ConfigurationError("\(definition.baseline): schema \(stored.schema), expected \(SuiteBaseline.schemaID); rewrite it with --update-baseline")
        }
        return stored
    }
}
