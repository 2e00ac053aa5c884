import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// `plaudit audit --prompts` through the library: a fake policy answers each prompt with
/// mainstream and atypical texts, a fake reward model pays for the mainstream answer, and the
/// audit must find it (and not find a bias a fair model does not have), generating each answer
/// once and writing the same `generations.jsonl` every time.
@Suite("audit from prompts through the library with a fake model provider")
struct PromptAuditJobTests {
    static let prompts = 30
    static let mainstream = "The answer is the blue whale, by far the largest animal alive."
    static let atypical = "Consider instead the honey fungus Armillaria, a single organism spreading underground."

    static func noise(_ text: String) -> Double { TestNoise.unit(text) }

    static func models() -> FakeModels {
        FakeModels(
            scorers: [
                .init(name: "mainstream-rm") { ($0.response.hasPrefix("The answer") ? 1 : 0) + noise($0.itemID + $0.responseID) },
                .init(name: "fair-rm") { noise($0.itemID + $0.responseID + "/fair") },
            ],
            generators: [
                .init(name: "policy") { request in
                    // One answer in four is atypical, by the sample's seed.
                    let seed = request.seed ?? 0
                    return (seed % 4 == 0 ? atypical : mainstream) + " (\(seed % 1000))"
                }
            ])
    }

    /// A policy answering mainstream for 6 seeds in 10, atypical for 2, and `other(seed)` for
    /// the last 2.
    static func policy(other: @escaping @Sendable (Int) -> String) -> FakeModels.Generator {
        .init(name: "policy") { request in
            let seed = request.seed ?? 0
            switch seed % 10 {
            case 0..<6: return mainstream + " (\(seed % 1000))"
            case 6, 7: return atypical + " (\(seed % 1000))"
            default: return other(seed)
            }
        }
    }

    /// Plans and runs `request` on `models`, without a cache.
    static func results(_ request: CalibrationRequest, models: FakeModels) async throws -> CalibrationResults {
        let job = try CalibrationJob.plan(request, models: models, progress: SilentProgress())
        guard case .results(let results, _) = try await job.run(models: models, cache: nil, progress: SilentProgress()) else {
            throw AuditError("a shard came back")
        }
        return results
    }

    /// The scorers whose overall gap is flagged.
    static func flagged(_ results: CalibrationResults) -> Set<String> {
        Set(results.scorers.filter { $0.overall?.flagged == true }.map(\.scorer.name))
    }

    static func request(in dir: TempDir) throws -> CalibrationRequest {
        let lines = (0..<prompts).map { #"{"id": "p\#($0)", "prompt": "Which living thing is the largest, question \#($0)?"}"# }
        let file = try dir.write("prompts.jsonl", lines.joined(separator: "\n") + "\n")
        var generation = PromptGeneration(prompts: file, folder: dir.url.appendingPathComponent("out"))
        generation.generators = GeneratorSelection(generators: ["policy"])
        generation.samples = 8
        var request = CalibrationRequest(dataset: [], command: RecordedCommand(words: ["audit", "--prompts", file]))
        request.generation = generation
        request.resamples = 300
        request.permutations = 999
        // The trigram embedder's texts are nearer than the lexical embedder's, so its cut is tighter.
        request.threshold = 0.4
        return request
    }

    @Test("the mainstream-paying scorer is flagged, the fair one is not; generations.jsonl is written; every response is scored once")
    func plantedBias() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let models = Self.models()
        let job = try CalibrationJob.plan(try Self.request(in: dir), models: models, progress: SilentProgress())
        guard case .results(let results, let scored) = try await job.run(models: models, cache: nil, progress: SilentProgress()) else {
            Issue.record("not a shard run, yet a shard came back")
            return
        }
        let byName = Dictionary(uniqueKeysWithValues: results.scorers.map { ($0.scorer.name, $0) })
        let biased = try #require(byName["mainstream-rm"]?.overall)
        let fair = try #require(byName["fair-rm"]?.overall)
        #expect(biased.gap.upper < 0 && biased.flagged, "gap \(biased.gap)")
        #expect(fair.gap.lower < 0 && fair.gap.upper > 0 && !fair.flagged, "gap \(fair.gap)")
        let responses = Self.prompts * 8
        #expect(models.asked.withLock { $0 } == ["policy": responses, "mainstream-rm": responses, "fair-rm": responses])
        #expect(scored.items.count == Self.prompts && scored.items.allSatisfy { $0.responses.count == 8 && $0.responses.allSatisfy { $0.model == "policy" } })
        #expect(results.generation?.models == ["policy": "fake policy"])
        #expect(results.manifest.counts["generated"] == responses)
        #expect(results.validitySource.hasPrefix("none"))
        #expect(results.notes.first?.contains("nothing judged their validity") == true, "\(results.notes)")
        let written = try DatasetReader().read(paths: [dir.url.appendingPathComponent("out/generations.jsonl").path])
        #expect(written.items.map(\.responses) == scored.items.map { $0.responses.map { var r = $0; r.scores = [:]; return r } })
    }

    @Test("a rerun with the cache asks nothing and writes the same generations.jsonl byte for byte; so does a run without the cache")
    func resumable() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let models = Self.models()
        let cache = MemoryCache()
        let request = try Self.request(in: dir)
        let file = dir.url.appendingPathComponent("out/generations.jsonl")
        let job = try CalibrationJob.plan(request, models: models, progress: SilentProgress())
        _ = try await job.run(models: models, cache: cache, progress: SilentProgress())
        let first = try Data(contentsOf: file)
        let asked = models.asked.withLock { $0 }
        _ = try await job.run(models: models, cache: cache, progress: SilentProgress())
        #expect(models.asked.withLock { $0 } == asked, "a cached rerun asked again")
        #expect(try Data(contentsOf: file) == first)
        _ = try await job.run(models: models, cache: nil, progress: SilentProgress())
        #expect(try Data(contentsOf: file) == first)
    }

    @Test("a request the command line would refuse is refused before any model is asked")
    func refused() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let models = Self.models()
        var request = try Self.request(in: dir)
        request.dataset = ["data.jsonl"]
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        request = try Self.request(in: dir)
        request.shard = ShardSpec(index: 1, count: 2)
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        request = try Self.request(in: dir)
        request.generation?.generators = GeneratorSelection(generators: ["absent"])
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        request = try Self.request(in: dir)
        request.scorerNames = ["absent-rm"]
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        #expect(models.asked.withLock { $0 }.isEmpty)
    }

    /// A policy whose answers are mainstream (6 in 10), atypical (2 in 10) or garbage (2 in 10:
    /// emoji, a refusal, an empty answer), by the sample's seed; reward models that rightly score
    /// garbage low; a validity judge that tells garbage apart.
    static func garbageModels() -> FakeModels {
        @Sendable func garbage(_ text: String) -> Bool { text.isEmpty || text.hasPrefix("🍫") || text.hasPrefix("I cannot") }
        return FakeModels(
            scorers: [
                .init(name: "fair-rm") { noise($0.itemID + $0.responseID + "/fair") - (garbage($0.response) ? 2 : 0) },
                .init(name: "biased-rm") {
                    noise($0.itemID + $0.responseID + "/biased") + ($0.response.hasPrefix("The answer") ? 1 : 0) - (garbage($0.response) ? 2 : 0)
                },
                .init(name: "validity-judge") { garbage($0.response) ? 0.1 : 0.9 },
            ],
            generators: [
                policy { seed in seed % 10 == 8 ? "🍫🍫💙🍫" : ((seed / 10) % 2 == 0 ? "I cannot help with that." : "") }
            ])
    }

    @Test("garbage answers: without a validity scorer a fair RM that scores garbage low reads as biased; with one, garbage is invalid and only the biased RM is flagged")
    func validityScorer() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var request = try Self.request(in: dir)
        request.scorerNames = ["fair-rm", "biased-rm"]
        func flagged(_ request: CalibrationRequest) async throws -> (Set<String>, CalibrationResults) {
            let results = try await Self.results(request, models: Self.garbageModels())
            return (Self.flagged(results), results)
        }
        let (without, plain) = try await flagged(request)
        #expect(without == ["fair-rm", "biased-rm"], "the false verdict this guards against")
        #expect(plain.validitySource.hasPrefix("none"))

        request.validityScorer = "validity-judge"
        let (with, results) = try await flagged(request)
        #expect(with == ["biased-rm"])
        #expect(results.scorers.map(\.scorer.name) == ["fair-rm", "biased-rm"], "the validity judge is not audited")
        let generated = results.manifest.counts["generated"] ?? 0
        let invalid = results.manifest.counts["validity_invalid"] ?? 0
        // The rules catch the empty answers (and exact copies) before the judge is asked.
        let ruled = (results.manifest.counts["rule_empty"] ?? 0) + (results.manifest.counts["rule_duplicates"] ?? 0)
        #expect((results.manifest.counts["rule_empty"] ?? 0) > 0)
        #expect(results.validitySource.hasPrefix("rules (\(results.manifest.counts["rule_empty"] ?? 0) empty"), "\(results.validitySource)")
        #expect(results.validitySource.contains("; then validity scorer validity-judge, score ≥ 0.5 ("), "\(results.validitySource)")
        #expect(invalid > 0 && invalid + (results.manifest.counts["validity_valid"] ?? 0) + ruled == generated)
        #expect(results.manifest.counts["validity_empty"] == 0, "nothing empty reaches the judge")
        #expect(!results.notes.contains { $0.contains("nothing judged their validity") })
        #expect(results.notes.first == "validity-judge judged \(invalid) responses invalid; they form no pair.")
    }

    /// A policy whose atypical answers are half good, half poor (6 in 10 mainstream, 2 good
    /// atypical, 2 poor atypical), a quality judge that sees it, a reward model that pays for
    /// quality only and one that also docks atypical answers.
    static func qualityModels() -> FakeModels {
        @Sendable func quality(_ text: String) -> Double { text.hasPrefix("fungus?") ? 2 : 7 }
        return FakeModels(
            scorers: [
                .init(name: "quality-rm") { quality($0.response) + 0.5 * noise($0.itemID + $0.responseID + "/q") },
                .init(name: "biased-rm") {
                    quality($0.response) + 0.5 * noise($0.itemID + $0.responseID + "/b") - ($0.response.hasPrefix("The answer") ? 0 : 1)
                },
                .init(name: "quality-judge") { quality($0.response) + 0.1 * noise($0.itemID + $0.responseID + "/j") },
            ],
            generators: [policy { seed in "fungus? (\(seed % 1000))" }])
    }

    @Test("quality from a judge: unmatched, an RM that pays for quality reads as biased against atypical answers; matched on the judge's score, only the RM that docks them is flagged")
    func qualityJudge() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var request = try Self.request(in: dir)
        request.scorerNames = ["quality-rm", "biased-rm"]
        func run(_ request: CalibrationRequest) async throws -> CalibrationResults { try await Self.results(request, models: Self.qualityModels()) }
        func flagged(_ results: CalibrationResults) -> Set<String> { Self.flagged(results) }
        let unmatched = try await run(request)
        #expect(flagged(unmatched) == ["quality-rm", "biased-rm"], "the poor atypical answers make quality look like typicality")
        #expect(unmatched.qualitySource.hasPrefix("none"))

        request.qualityScorer = "quality-judge"
        let matched = try await run(request)
        #expect(flagged(matched) == ["biased-rm"])
        #expect(matched.scorers.map(\.scorer.name) == ["quality-rm", "biased-rm"], "the quality judge is not audited")
        #expect(matched.qualitySource == "quality judge quality-judge, pairs within ε = 0.5 of its score")
        #expect(matched.manifest.parameters["quality"] == "quality-judge")
        let pairs = { (results: CalibrationResults) in results.prompts.reduce(0) { $0 + $1.pairs.count } }
        #expect(pairs(matched) < pairs(unmatched), "pairs of a poor atypical and a good mainstream answer are left out")
        // Matched, the quality RM's raw gap is about 0: what remained was quality, not typicality.
        let fair = try #require(matched.scorers.first { $0.scorer.name == "quality-rm" }?.overall?.rawGap)
        let before = try #require(unmatched.scorers.first { $0.scorer.name == "quality-rm" }?.overall?.rawGap)
        #expect(fair.lower <= 0 && 0 <= fair.upper && abs(fair.value) < 0.2, "\(fair)")
        #expect(before.upper < -1, "unmatched, the poor answers pull the gap down: \(before)")

        request.validityScorer = "quality-judge"
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: Self.qualityModels(), progress: SilentProgress()) }
        request.validityScorer = nil
        request.qualityScorer = "absent"
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: Self.qualityModels(), progress: SilentProgress()) }
    }
}
