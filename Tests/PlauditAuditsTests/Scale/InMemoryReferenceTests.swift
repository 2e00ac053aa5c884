import Foundation
import PlauditCore
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The audit's statistics on a 2,000-prompt dataset with fixed clusters, against a reference
/// written by the in-memory analysis before the streaming one replaced it
/// (`References/in-memory-2000.json`, made at 3a2d92a). Every estimate, interval, p- and
/// q-value, per-prompt gap and comparison must agree to 1e-9 with the same seed.
///
/// To write the reference again (only for a deliberate change of the statistics, said in the
/// commit): `PLAUDIT_WRITE_REFERENCE=1 swift test --filter InMemoryReferenceTests`.
@Suite("Streaming analysis equals the in-memory reference")
struct InMemoryReferenceTests {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("References/in-memory-2000.json")

    static var options: CalibrationOptions {
        var options = CalibrationOptions(clustering: .labels, bootstrapResamples: 400, permutationResamples: 999, seed: 20_261_207)
        options.examplesPerScorer = 5
        return options
    }

    /// What the reference keeps of an outcome: everything but timings, with per-prompt values
    /// as parallel arrays to keep the file small.
    static func summary(_ outcome: CalibrationOutcome) throws -> Data {
        struct PerPrompt: Encodable {
            var ids: [String], gap: [Double], rawGap: [Double], underReward: [Double], pairs: [Int]
        }
        struct Scorer: Encodable {
            var result: ScorerResult
            var prompts: PerPrompt
        }
        struct Structures: Encodable {
            var ids: [String], modal: [Int], clusters: [Int], pairs: [Int], typicality: [Double]
        }
        struct Summary: Encodable {
            var scorers: [Scorer]
            var structures: Structures
            var comparisons: [ScorerComparison]
            var humanCalibration: HumanCalibrationResults?
            var examples: [CalibrationExample]
            var notes: [String]
            var validitySource: String
            var qualitySource: String
        }
        let scorers = outcome.scorers.map { result in
            var stripped = result
            stripped.prompts = []
            return Scorer(
                result: stripped,
                prompts: PerPrompt(
                    ids: result.prompts.map(\.itemID), gap: result.prompts.map(\.gap), rawGap: result.prompts.map(\.rawGap),
                    underReward: result.prompts.map(\.underReward), pairs: result.prompts.map(\.pairs)))
        }
        let structures = Structures(
            ids: outcome.prompts.map(\.itemID), modal: outcome.prompts.map(\.modalCluster), clusters: outcome.prompts.map(\.clusterCount),
            pairs: outcome.prompts.map(\.pairs.count), typicality: outcome.prompts.map { $0.typicality.reduce(0, +) })
        let summary = Summary(
            scorers: scorers, structures: structures, comparisons: outcome.comparisons, humanCalibration: outcome.humanCalibration,
            examples: outcome.examples, notes: outcome.notes, validitySource: outcome.validitySource, qualitySource: outcome.qualitySource)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(summary)
    }

    @Test("2,000 prompts × 8 responses × 3 scorers, clusters from labels: every statistic equals the reference to 1e-9")
    func equalsReference() async throws {
        let (dataset, embedder) = ScaleAuditData().make()
        let outcome = try await withTaskExecutorPreference(DedicatedExecutor(label: "in-memory-reference")) {
            try await CalibrationAudit(options: Self.options).analyze(dataset: dataset, embedder: embedder, live: [])
        }
        let now = try Self.summary(outcome)
        if ProcessInfo.processInfo.environment["PLAUDIT_WRITE_REFERENCE"] == "1" {
            try FileManager.default.createDirectory(at: Self.reference.deletingLastPathComponent(), withIntermediateDirectories: true)
            try now.write(to: Self.reference)
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.reference))
        let actual = try JSONSerialization.jsonObject(with: now)
        var differences: [String] = []
        JSONTolerance(absolute: 1e-9).compare(expected, actual, path: "$", into: &differences)
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(5).joined(separator: "; "))")
        // The dataset is what it says: every scorer has a gap on most prompts.
        #expect(outcome.scorers.count == 3)
        #expect(outcome.scorers.allSatisfy { ($0.overall?.prompts ?? 0) > 1_500 })
        #expect(outcome.scorers.first { $0.scorer.name == "biased" }?.overall?.flagged == true)
    }
}

/// Compares two JSON trees: numbers within a tolerance, everything else exactly.
struct JSONTolerance {
    var absolute: Double

    func compare(_ a: Any, _ b: Any, path: String, into differences: inout [String]) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                guard let u = x[key], let v = y[key] else {
                    differences.append("\(path).\(key): only in \(x[key] == nil ? "actual" : "expected")")
                    continue
                }
                compare(u, v, path: "\(path).\(key)", into: &differences)
            }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else {
                differences.append("\(path): \(x.count) elements expected, \(y.count) actual")
                return
            }
            for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, path: "\(path)[\(i)]", into: &differences) }
        case let (x as String, y as String):
            if x != y { differences.append("\(path): \"\(x)\" expected, \"\(y)\" actual") }
        case let (x as NSNumber, y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            if u.isNaN != v.isNaN || (!u.isNaN && abs(u - v) > absolute * max(1, abs(u))) {
                differences.append("\(path): \(u) expected, \(v) actual")
            }
        case (is NSNull, is NSNull):
            break
        default:
            differences.append("\(path): \(type(of: a)) expected, \(type(of: b)) actual")
        }
    }
}
