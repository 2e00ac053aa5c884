import Foundation
import PlauditAudits
import PlauditCore
import PlauditReports
import PlauditRuntime

/// Why a suite check could not run; the message goes into the JUnit `error` element.
public struct CheckFailure: Error, CustomStringConvertible, Sendable {
    public var message: String

    public var description: String { message }
}

/// Runs one check of a suite in-process: the calibration audit or the sycophancy score job,
/// with the suite's data, rubrics, options and configuration, into the check's own folder
/// (results.json, report.md, report.html, and console.txt with the table the command prints).
///
/// The check calls the same jobs as `plaudit audit` and `plaudit sycophancy score`, so a suite
/// measures exactly what those commands would, without building their command lines.
struct SuiteCheckRunner: Sendable {
    var suite: RegressionSuite
    var suiteFile: String
    var check: SuiteCheck
    var folder: URL
    /// The check's configuration (``configuration(suite:check:)``).
    var configuration: PlauditConfiguration
    var models: any ModelProvider
    var cache: (any ResponseCache)?

    struct Found: Sendable {
        var measurements: [SuiteMeasurement]
        var cacheHits: Int
        var cacheMisses: Int
    }

    /// The command a check's results record: the suite run it belongs to.
    var command: RecordedCommand { RecordedCommand(words: ["test", suiteFile, "(check \(check.name))"]) }

    func run() async throws(CheckFailure) -> Found {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("results.json"))
        } catch {
            throw CheckFailure(message: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        do {
            switch check.kind {
            case .calibration:
                let job = try CalibrationJob.plan(try calibrationRequest(configuration), models: models, progress: SilentProgress())
                guard case .results(let results, let scored) = try await job.run(models: models, cache: cache, progress: SilentProgress()) else {
                    throw CheckFailure(message: "a suite check is never a shard")
                }
                try ResultsFolder.write(.calibration(results), files: [("scores.jsonl", try ScoreRow.jsonLines(scored))], to: folder)
                try console(CalibrationConsoleTable.render(results), files: ["results.json", "report.md", "report.html", "scores.jsonl"])
                return Found(
                    measurements: SuiteMeasurements.calibration(results, check: check.name),
                    cacheHits: results.manifest.counts["cache_hits"] ?? 0, cacheMisses: results.manifest.counts["cache_misses"] ?? 0)
            case .sycophancy:
                let job = try SycophancyScoreJob.plan(try sycophancyRequest(configuration), models: models, progress: SilentProgress())
                let results = try await job.run(models: models, cache: cache, progress: SilentProgress())
                try ResultsFolder.write(.sycophancy(results), to: folder)
                try console(SycophancyConsoleTable.render(results), files: ["results.json", "report.md", "report.html"])
                return Found(
                    measurements: SuiteMeasurements.sycophancy(results, check: check.name),
                    cacheHits: results.manifest.counts["cache_hits"] ?? 0, cacheMisses: results.manifest.counts["cache_misses"] ?? 0)
            }
        } catch let failure as CheckFailure {
            throw failure
        } catch {
            throw CheckFailure(message: "\(error)")
        }
    }

    /// What the command would have printed, kept beside the check's results.
    func console(_ table: String, files: [String]) throws {
        let wrote = "wrote " + files.map { folder.appendingPathComponent($0).path }.joined(separator: ", ") + "\n"
        try AtomicFile.write(Data((table + wrote).utf8), to: folder.appendingPathComponent("console.txt"))
    }

    func calibrationRequest(_ configuration: PlauditConfiguration) throws(CheckFailure) -> CalibrationRequest {
        var request = CalibrationRequest(dataset: suite.calibrationData, command: command)
        request.configuration = configuration
        let scorers = try scorers()
        request.scorerNames = scorers.configured
        request.localJudgeRubric = scorers.localJudge
        request.localPairwiseRubric = scorers.localPairwiseJudge
        request.localPerplexity = scorers.localPerplexity
        request.scoresFiles = scorers.scoresFiles
        let o = suite.options
        if let clustering = o.clustering {
            guard let value = CalibrationRequest.Clustering(rawValue: clustering) else { throw CheckFailure(message: "clustering: '\(clustering)' is not a clustering") }
            request.clustering = value
        }
        request.threshold = o.threshold
        request.k = o.k ?? request.k
        request.pairsPerPrompt = o.pairsPerPrompt ?? request.pairsPerPrompt
        request.qualityTolerance = o.qualityTolerance ?? request.qualityTolerance
        request.validThreshold = o.validThreshold
        request.resamples = o.resamples ?? request.resamples
        request.permutations = o.permutations ?? request.permutations
        request.confidence = o.confidence ?? request.confidence
        request.seed = o.seed ?? request.seed
        request.llamaThreads = o.threads ?? request.llamaThreads
        return request
    }

    func sycophancyRequest(_ configuration: PlauditConfiguration) throws(CheckFailure) -> SycophancyScoreRequest {
        var request = SycophancyScoreRequest(variants: suite.sycophancyData ?? "", command: command)
        request.configuration = configuration
        let scorers = try scorers()
        guard scorers.localPairwiseJudge == nil else {
            throw CheckFailure(message: "a sycophancy check scores each answer on its own: it takes no pairwise judge")
        }
        request.scorerNames = scorers.configured
        request.localJudgeRubric = scorers.localJudge
        request.localPerplexity = scorers.localPerplexity
        request.scoresFiles = scorers.scoresFiles
        let o = suite.options
        request.resamples = o.resamples ?? request.resamples
        request.permutations = o.permutations ?? request.permutations
        request.confidence = o.confidence ?? request.confidence
        request.seed = o.seed ?? request.seed
        request.llamaThreads = o.threads ?? request.llamaThreads
        return request
    }

    /// The check's scorers as a job's request names them: configured names, the built-in
    /// judges' rubric files, the perplexity scorer, scores files.
    struct Scorers {
        var configured: [String] = []
        var localJudge: String?
        var localPairwiseJudge: String?
        var localPerplexity = false
        var scoresFiles: [String] = []
    }

    func scorers() throws(CheckFailure) -> Scorers {
        var found = Scorers()
        for scorer in check.scorers {
            switch scorer {
            case .configured(let name, _): found.configured.append(name)
            case .localJudge(let name): found.localJudge = try location(of: name)
            case .localPairwiseJudge(let name): found.localPairwiseJudge = try location(of: name)
            case .localPerplexity: found.localPerplexity = true
            case .scores(let path): found.scoresFiles.append(path)
            }
        }
        return found
    }

    func location(of rubric: String) throws(CheckFailure) -> String {
        guard let found = suite.rubric(named: rubric) else { throw CheckFailure(message: "no rubric named '\(rubric)'") }
        return found.location
    }

    /// The configuration this check runs with: the suite's `config` (or an empty one) with only
    /// the check's configured scorers, each judge's rubric replaced where the suite names one.
    static func configuration(suite: RegressionSuite, check: SuiteCheck) throws(CheckFailure) -> PlauditConfiguration {
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
                guard let found = suite.rubric(named: rubric) else { throw CheckFailure(message: "no rubric named '\(rubric)'") }
                scorer.rubric = found.location
            }
            chosen.append(scorer)
        }
        configuration.scorers = chosen
        return configuration
    }
}
