import ArgumentParser
import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime
import PlauditReports

/// Why a suite check could not run; the message goes into the JUnit `error` element.
struct CheckFailure: Error {
    var message: String
}

/// Runs one check of a suite: builds the argument list of `plaudit audit` or `plaudit
/// sycophancy score`, runs that command in-process into the check's folder (its console output
/// goes to `console.txt`, its error lines to `stderr.txt`), and reads the results back.
///
/// Running the existing commands keeps one code path for scoring, caching, manifests and
/// reports: a suite measures exactly what `plaudit audit` would.
struct SuiteCheckRunner {
    var suite: RegressionSuite
    var check: SuiteCheck
    var folder: URL
    var cache: String?
    var noCache: Bool
    var llamaURL: String?

    struct Found {
        var measurements: [SuiteMeasurement]
        var cacheHits: Int
        var cacheMisses: Int
    }

    func run() async throws(CheckFailure) -> Found {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("results.json"))
        } catch {
            throw CheckFailure(message: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let arguments = try arguments(configPath: try writeConfiguration())
        let command = check.kind == .calibration ? "audit" : "sycophancy score"
        try? Data(((["plaudit", command] + arguments).joined(separator: " ") + "\n").utf8).write(to: folder.appendingPathComponent("command.txt"))
        let failure: String? = await Redirected.run(stdout: folder.appendingPathComponent("console.txt"), stderr: folder.appendingPathComponent("stderr.txt")) {
            do {
                // The check records its own command line, not the suite's.
                let recorded = RecordedCommand(words: command.split(separator: " ").map(String.init) + arguments)
                switch check.kind {
                case .calibration:
                    let parsed = try AuditCommand.parse(arguments)
                    try await RecordedCommand.$current.withValue(recorded) { try await parsed.run() }
                case .sycophancy:
                    let parsed = try SycophancyScoreCommand.parse(arguments)
                    try await RecordedCommand.$current.withValue(recorded) { try await parsed.run() }
                }
                return nil
            } catch let code as ExitCode {
                return "plaudit \(command) exited with status \(code.rawValue)"
            } catch {
                return check.kind == .calibration ? AuditCommand.message(for: error) : SycophancyScoreCommand.message(for: error)
            }
        }
        if let failure {
            let lines = (try? String(contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
            let errors = lines.split(separator: "\n").filter { $0.hasPrefix("plaudit: error:") }.map { $0.dropFirst("plaudit: error: ".count) }
            throw CheckFailure(message: errors.isEmpty ? failure : errors.joined(separator: "; "))
        }
        let path = folder.appendingPathComponent("results.json")
        do {
            switch try AnyResults(data: Data(contentsOf: path)) {
            case .calibration(let results):
                return Found(
                    measurements: SuiteMeasurements.calibration(results, check: check.name),
                    cacheHits: results.manifest.counts["cache_hits"] ?? 0, cacheMisses: results.manifest.counts["cache_misses"] ?? 0)
            case .sycophancy(let results):
                return Found(
                    measurements: SuiteMeasurements.sycophancy(results, check: check.name),
                    cacheHits: results.manifest.counts["cache_hits"] ?? 0, cacheMisses: results.manifest.counts["cache_misses"] ?? 0)
            case .homogeneity, .monoculture:
                throw CheckFailure(message: "\(path.path): not the results of a \(check.kind == .calibration ? "calibration" : "sycophancy") check")
            }
        } catch let failure as CheckFailure {
            throw failure
        } catch {
            throw CheckFailure(message: "cannot read \(path.path): \(error)")
        }
    }

    /// The command's arguments: data, scorers, the suite's options, cache and output folder.
    func arguments(configPath: String) throws(CheckFailure) -> [String] {
        var args: [String] = []
        switch check.kind {
        case .calibration: args += suite.calibrationData
        case .sycophancy: args += [suite.sycophancyData ?? ""]
        }
        for scorer in check.scorers {
            switch scorer {
            case .localJudge(let name):
                args += ["--local-judge", "--rubric", try location(of: name)]
            case .localPairwiseJudge(let name):
                args += ["--local-pairwise-judge", "--pairwise-rubric", try location(of: name)]
            case .localPerplexity:
                args.append("--local-perplexity")
            case .configured(let name, _):
                args += ["--scorer", name]
            case .scores(let path):
                args += ["--scores", path]
            }
        }
        let o = suite.options
        var options: [(String, String?)] = [
            ("--resamples", o.resamples.map(String.init)), ("--permutations", o.permutations.map(String.init)),
            ("--confidence", o.confidence.map { String($0) }), ("--seed", o.seed.map(String.init)),
            ("--threads", o.threads.map(String.init)), ("--concurrency", o.concurrency.map(String.init)),
        ]
        if check.kind == .calibration {
            options += [
                ("--clustering", o.clustering), ("--embedder", o.embedder), ("--threshold", o.threshold.map { String($0) }), ("--k", o.k.map(String.init)),
                ("--pairs-per-prompt", o.pairsPerPrompt.map(String.init)), ("--quality-tolerance", o.qualityTolerance.map { String($0) }),
                ("--valid-threshold", o.validThreshold.map { String($0) }),
            ]
        }
        for case let (flag, value?) in options { args += [flag, value] }
        if let llamaURL { args += ["--llama-url", llamaURL] }
        args += ["--config", configPath]
        if noCache {
            args.append("--no-cache")
        } else if let path = cache ?? suite.cache {
            args += ["--cache", path]
        }
        return args + ["--out", folder.path, "--quiet"]
    }

    func location(of rubric: String) throws(CheckFailure) -> String {
        guard let found = suite.rubric(named: rubric) else { throw CheckFailure(message: "no rubric named '\(rubric)'") }
        return found.location
    }

    /// Writes the configuration this check runs with: the suite's `config` (or an empty one)
    /// with only the check's configured scorers, each judge's rubric replaced where the suite
    /// names one. JSON, which the YAML reader takes as it is.
    func writeConfiguration() throws(CheckFailure) -> String {
        var configuration = PlauditConfiguration()
        if let path = suite.config {
            do {
                configuration = try PlauditConfiguration.load(path)
            } catch {
                throw CheckFailure(message: error.description)
            }
        }
        var chosen: [ScorerConfiguration] = []
        for case let .configured(name, rubric) in check.scorers {
            guard var scorer = configuration.scorers.first(where: { $0.name == name }) else {
                throw CheckFailure(message: "scorer '\(name)' is not in \(suite.config ?? "the configuration")")
            }
            if let rubric {
                guard scorer.type == .judge else { throw CheckFailure(message: "scorer '\(name)' is not a judge; only judges take a rubric") }
                scorer.rubric = try location(of: rubric)
            }
            chosen.append(scorer)
        }
        configuration.scorers = chosen
        let path = folder.appendingPathComponent("plaudit.yaml")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(configuration).write(to: path)
        } catch {
            throw CheckFailure(message: "cannot write \(path.path): \(error)")
        }
        return path.path
    }
}

/// Sends the process's standard output and error to files while `body` runs.
enum Redirected {
    static func run<T>(stdout: URL, stderr: URL, _ body: () async -> T) async -> T {
        fflush(nil)
        let savedOut = dup(STDOUT_FILENO)
        let savedErr = dup(STDERR_FILENO)
        let outFile = open(stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let errFile = open(stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if outFile >= 0 { dup2(outFile, STDOUT_FILENO) }
        if errFile >= 0 { dup2(errFile, STDERR_FILENO) }
        let result = await body()
        fflush(nil)
        dup2(savedOut, STDOUT_FILENO)
        dup2(savedErr, STDERR_FILENO)
        for fd in [savedOut, savedErr, outFile, errFile] where fd >= 0 { close(fd) }
        return result
    }
}
