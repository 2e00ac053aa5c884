import Foundation
import PlauditCore

/// The suite file's YAML as written, before paths are resolved and assertions parsed.
struct SuiteFile: Decodable {
    struct DataSection: Decodable {
        var calibration: OneOrMany?
        var sycophancy: String?
    }

    /// A path or a list of paths.
    struct OneOrMany: Decodable {
        var values: [String]

        init(from decoder: any Decoder) throws {
            if let one = try? decoder.singleValueContainer().decode(String.self) {
                values = [one]
            } else {
                values = try decoder.singleValueContainer().decode([String].self)
            }
        }
    }

    struct Check: Decodable {
        var name: String
        var kind: SuiteCheck.Kind?
        var scorers: [Scorer]
        var assertions: [Assertion]?
    }

    /// `local-perplexity`, or a map with exactly one of the scorer keys.
    struct Scorer: Decodable {
        var localJudge: String?
        var localPairwiseJudge: String?
        var localPerplexity: Bool?
        var scorer: String?
        var rubric: String?
        var scores: String?

        enum CodingKeys: String, CodingKey {
            case scorer, rubric, scores
            case localJudge = "local-judge"
            case localPairwiseJudge = "local-pairwise-judge"
            case localPerplexity = "local-perplexity"
        }

        init(from decoder: any Decoder) throws {
            if let word = try? decoder.singleValueContainer().decode(String.self) {
                guard word == "local-perplexity" else {
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "'\(word)': a scorer is local-perplexity or a map: local-judge: RUBRIC, local-pairwise-judge: RUBRIC, scorer: NAME, scores: FILE"))
                }
                localPerplexity = true
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            localJudge = try c.decodeIfPresent(String.self, forKey: .localJudge)
            localPairwiseJudge = try c.decodeIfPresent(String.self, forKey: .localPairwiseJudge)
            localPerplexity = try c.decodeIfPresent(Bool.self, forKey: .localPerplexity)
            scorer = try c.decodeIfPresent(String.self, forKey: .scorer)
            rubric = try c.decodeIfPresent(String.self, forKey: .rubric)
            scores = try c.decodeIfPresent(String.self, forKey: .scores)
        }
    }

    /// An assertion's text, or `{that: TEXT, scorer: NAME}`.
    struct Assertion: Decodable {
        var that: String
        var scorer: String?

        enum CodingKeys: String, CodingKey {
            case that, scorer
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                that = text
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            that = try c.decode(String.self, forKey: .that)
            scorer = try c.decodeIfPresent(String.self, forKey: .scorer)
        }
    }

    var name: String?
    var baseline: String?
    var alpha: Double?
    var seed: UInt64?
    var permutations: Int?
    var config: String?
    var cache: String?
    var data: DataSection?
    var rubrics: [String: String]?
    var options: SuiteOptions?
    var checks: [Check]

    /// The keys each mapping may hold; anything else is a misspelling, reported rather than ignored.
    static let topKeys: Set<String> = ["name", "baseline", "alpha", "seed", "permutations", "config", "cache", "data", "rubrics", "options", "checks"]
    static let dataKeys: Set<String> = ["calibration", "sycophancy"]
    static let optionKeys: Set<String> = [
        "clustering", "embedder", "threshold", "k", "resamples", "permutations", "confidence", "seed", "pairs_per_prompt", "quality_tolerance",
        "valid_threshold", "threads", "concurrency",
    ]
    static let checkKeys: Set<String> = ["name", "kind", "scorers", "assertions"]
    static let scorerKeys: Set<String> = ["local-judge", "local-pairwise-judge", "local-perplexity", "scorer", "rubric", "scores"]
    static let assertionKeys: Set<String> = ["that", "scorer"]
}
