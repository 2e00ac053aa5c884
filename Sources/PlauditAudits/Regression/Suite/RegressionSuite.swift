import Foundation
import PlauditCore

/// A judge-prompt regression suite (`plaudit test suite.yaml`): data, rubrics, scorers and
/// assertions, with every path already resolved against the suite file's folder.
///
/// ```yaml
/// name: judge-prompts
/// baseline: baseline.json        # default: baseline.json next to the suite
/// alpha: 0.05                    # level of the baseline tests, after Benjamini–Hochberg
/// config: plaudit.yaml           # backends and configured scorers (optional)
/// cache: cache.sqlite            # response cache (optional; default: the configuration's)
/// data:
///   calibration: data.jsonl      # grouped JSONL (a file, a folder or a list)
///   sycophancy: variants.jsonl   # a sycophancy variants file
/// rubrics:
///   quality: rubrics/quality.yaml
/// options: {clustering: labels, resamples: 500}
/// checks:
///   - name: quality-judge
///     kind: calibration          # default; or sycophancy
///     scorers:
///       - local-judge: quality   # a rubric named under `rubrics`
///       - local-perplexity
///       - {scorer: gpt-judge, rubric: quality}   # configured, rubric replaced
///       - scores: scores.jsonl
///     assertions:
///       - gap.upper < 0.1
///       - no regression in gap
///       - {that: "under_reward_rate within [0.4, 0.6]", scorer: smollm2-judge}
/// ```
public struct RegressionSuite: Hashable, Sendable {
    /// The suite file as the user named it.
    public var file: String
    public var name: String
    public var baseline: String
    public var alpha: Double
    /// Seed of the paired permutation tests.
    public var seed: UInt64
    /// Random sign flips per paired test (all 2ⁿ patterns are enumerated when fewer).
    public var permutations: Int
    public var config: String?
    public var cache: String?
    /// Calibration data files or folders.
    public var calibrationData: [String]
    public var sycophancyData: String?
    public var rubrics: [SuiteRubric]
    public var options: SuiteOptions
    public var checks: [SuiteCheck]

    public init(
        file: String, name: String, baseline: String, alpha: Double, seed: UInt64, permutations: Int, config: String?, cache: String?,
        calibrationData: [String], sycophancyData: String?, rubrics: [SuiteRubric], options: SuiteOptions, checks: [SuiteCheck]
    ) {
        self.file = file
        self.name = name
        self.baseline = baseline
        self.alpha = alpha
        self.seed = seed
        self.permutations = permutations
        self.config = config
        self.cache = cache
        self.calibrationData = calibrationData
        self.sycophancyData = sycophancyData
        self.rubrics = rubrics
        self.options = options
        self.checks = checks
    }

    /// The rubric named `name` under `rubrics`.
    public func rubric(named name: String) -> SuiteRubric? {
        rubrics.first { $0.name == name }
    }
}

/// A rubric file a suite names, with the SHA-256 of its bytes (what the response cache keys on).
public struct SuiteRubric: Codable, Hashable, Sendable {
    public var name: String
    /// The path as written in the suite (relative to the suite file).
    public var path: String
    public var sha256: String
    /// The path resolved against the suite's folder (not recorded: it differs between machines).
    public var location: String

    public init(name: String, path: String, sha256: String, location: String? = nil) {
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.location = location ?? path
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        sha256 = try c.decode(String.self, forKey: .sha256)
        location = path
    }

    enum CodingKeys: String, CodingKey {
        case name, path, sha256
    }
}

/// Options handed to the checks' audits; `nil` keeps the command's default.
public struct SuiteOptions: Codable, Hashable, Sendable {
    public var clustering: String?
    public var embedder: String?
    public var threshold: Double?
    public var k: Int?
    public var resamples: Int?
    public var permutations: Int?
    public var confidence: Double?
    public var seed: UInt64?
    public var pairsPerPrompt: Int?
    public var qualityTolerance: Double?
    public var validThreshold: Double?
    public var threads: Int?
    public var concurrency: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case clustering, embedder, threshold, k, resamples, permutations, confidence, seed, threads, concurrency
        case pairsPerPrompt = "pairs_per_prompt"
        case qualityTolerance = "quality_tolerance"
        case validThreshold = "valid_threshold"
    }
}

/// One run of `plaudit audit` or `plaudit sycophancy score` with its scorers, and what must hold
/// of its results.
public struct SuiteCheck: Hashable, Sendable {
    /// Which command the check runs.
    public enum Kind: String, Codable, Hashable, Sendable {
        case calibration, sycophancy
    }

    public var name: String
    public var kind: Kind
    public var scorers: [SuiteScorer]
    public var assertions: [SuiteAssertion]

    public init(name: String, kind: Kind, scorers: [SuiteScorer], assertions: [SuiteAssertion]) {
        self.name = name
        self.kind = kind
        self.scorers = scorers
        self.assertions = assertions
    }
}

/// A scorer of a check.
public enum SuiteScorer: Hashable, Sendable {
    /// The local SmolLM2 judge with the rubric of that name.
    case localJudge(rubric: String)
    /// The local SmolLM2 pairwise judge with the (pairwise) rubric of that name.
    case localPairwiseJudge(rubric: String)
    case localPerplexity
    /// A scorer of the suite's configuration, optionally with its rubric replaced by a suite rubric.
    case configured(name: String, rubric: String?)
    /// A scores file (absolute path).
    case scores(path: String)
}
