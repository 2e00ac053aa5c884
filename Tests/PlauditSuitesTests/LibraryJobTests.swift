import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime
import PlauditSuites
import PlauditTesting
import Synchronization
import Testing

/// The jobs end to end through the library, as the command line calls them, with models from
/// ``FakeModels``: no server, no subprocess, no argument list. Each fake scorer has a planted
/// preference, and the job must find it (and not find one that is not there).
@Suite("jobs through the library with a fake model provider")
struct LibraryJobTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let openEnded = root.appendingPathComponent("fixtures/open-ended").path
    static let variants = root.appendingPathComponent("fixtures/sycophancy/variants.jsonl").path

    /// Per item, the ids of the responses in its largest labelled cluster (the fixture's modal answers).
    static func modalResponses() throws -> Set<String> {
        var modal: Set<String> = []
        for file in ["part-a.jsonl", "part-b.jsonl"] {
            let text = try String(contentsOfFile: openEnded + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                let responses = item["responses"] as! [[String: Any]]
                var sizes: [String: Int] = [:]
                for response in responses { sizes[response["cluster"] as? String ?? "", default: 0] += 1 }
                let largest = sizes.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                for response in responses where response["cluster"] as? String == largest {
                    modal.insert("\(item["id"]!)/\(response["id"]!)")
                }
            }
        }
        return modal
    }

    /// A number in [0, 1) from the request's ids: noise that is the same on every run.
    static func noise(_ request: ScoringRequest) -> Double { TestNoise.unit(request.itemID + "/" + request.responseID) }

    static func calibrationRequest(scorers: [String] = []) -> CalibrationRequest {
        var request = CalibrationRequest(dataset: [openEnded], command: RecordedCommand(words: ["audit", openEnded]))
        request.scorerNames = scorers
        request.clustering = .labels
        request.resamples = 300
        request.permutations = 999
        return request
    }

    @Test("calibration: a scorer that favours the modal cluster under-rewards; a noise scorer does not; each response asked once")
    func calibration() async throws {
        let modal = try Self.modalResponses()
        let models = FakeModels(scorers: [
            .init(name: "mainstream-rm") { modal.contains("\($0.itemID)/\($0.responseID)") ? 1 + Self.noise($0) : Self.noise($0) },
            .init(name: "noise-rm") { Self.noise($0) },
        ])
        let job = try CalibrationJob.plan(Self.calibrationRequest(), models: models, progress: SilentProgress())
        guard case .results(let results, let scored) = try await job.run(models: models, cache: nil, progress: SilentProgress()) else {
            Issue.record("not a shard run, yet a shard came back")
            return
        }
        let byName = Dictionary(uniqueKeysWithValues: results.scorers.map { ($0.scorer.name, $0) })
        let biased = try #require(byName["mainstream-rm"]?.overall)
        let fair = try #require(byName["noise-rm"]?.overall)
        #expect(biased.gap.upper < 0, "gap \(biased.gap)")
        #expect(biased.underRewardRate.lower > 0.5, "U \(biased.underRewardRate)")
        #expect(fair.gap.lower < 0 && fair.gap.upper > 0, "gap \(fair.gap)")
        #expect(biased.flagged && !fair.flagged)
        #expect(models.sessions.withLock { $0 } == 1)
        #expect(models.asked.withLock { $0 } == ["mainstream-rm": 324, "noise-rm": 324])
        #expect(scored.items.allSatisfy { $0.responses.allSatisfy { $0.scores.count == 2 } })
        #expect(results.manifest.command == "plaudit audit \(Self.openEnded)")
    }

    @Test("calibration: a request the command line would refuse is refused by the job too, before any model is asked")
    func refusedRequest() throws {
        var request = Self.calibrationRequest()
        request.confidence = 2
        let models = FakeModels(scorers: [.init(name: "rm") { _ in 0 }])
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        request = Self.calibrationRequest(scorers: ["absent"])
        #expect(throws: ConfigurationError.self) { try CalibrationJob.plan(request, models: models, progress: SilentProgress()) }
        #expect(models.sessions.withLock { $0 } == 0)
    }

    @Test("sycophancy score: a scorer that rewards warm agreement with the wrong belief is flagged; an accurate one is not")
    func sycophancy() async throws {
        let models = FakeModels(scorers: [
            .init(name: "warm-rm") { $0.responseID == "warm-wrong" ? 2 + Self.noise($0) : Self.noise($0) },
            .init(name: "accurate-rm") { ($0.responseID.hasSuffix("-correct") ? 1 : 0) + 0.1 * Self.noise($0) },
        ])
        var request = SycophancyScoreRequest(variants: Self.variants, command: RecordedCommand(words: ["sycophancy", "score", Self.variants]))
        request.resamples = 300
        request.permutations = 999
        let job = try SycophancyScoreJob.plan(request, models: models, progress: SilentProgress())
        let results = try await job.run(models: models, cache: nil, progress: SilentProgress())
        let reward = try #require(results.reward)
        let byName = Dictionary(uniqueKeysWithValues: reward.scorers.map { ($0.scorer.name, $0) })
        #expect(byName["warm-rm"]?.sycophantic == true)
        #expect(byName["accurate-rm"]?.sycophantic == false)
        #expect((byName["warm-rm"]?.overall?.sycophancyPreference.lower ?? 0) > 0.5)
        #expect(models.asked.withLock { $0 } == ["warm-rm": 300, "accurate-rm": 300])
        #expect(results.manifest.command == "plaudit sycophancy score \(Self.variants)")
    }

    @Test("a suite: baseline, then a regressed scorer fails its assertions; checks ask the provider, write their folders, record the suite run")
    func suite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plaudit-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A configuration naming the fake scorer; its backend is never contacted.
        try """
            backends:
              - {name: fake, kind: vllm, urls: ["http://127.0.0.1:9"], model: m}
            scorers:
              - {name: rm, backend: fake, type: reward-model}
            """.write(to: dir.appendingPathComponent("plaudit.yaml"), atomically: true, encoding: .utf8)
        let suiteFile = dir.appendingPathComponent("suite.yaml").path
        try """
            name: library
            config: plaudit.yaml
            data:
              calibration: \(Self.openEnded)
              sycophancy: \(Self.variants)
            options: {clustering: labels, resamples: 300, permutations: 999}
            checks:
              - name: gap
                scorers: [{scorer: rm}]
                assertions:
                  - no regression in gap
              - name: warmth
                kind: sycophancy
                scorers: [{scorer: rm}]
                assertions:
                  - no regression in sycophancy_preference

            """.write(toFile: suiteFile, atomically: true, encoding: .utf8)
        func runner(_ models: FakeModels, updating: Bool) -> SuiteRunner {
            SuiteRunner(
                file: suiteFile, folder: dir.appendingPathComponent("out"), updateBaseline: updating,
                models: { _, _ in models }, cache: { _, _ in nil })
        }
        let fair = FakeModels(scorers: [.init(name: "rm") { Self.noise($0) }])
        let baseline = try await runner(fair, updating: true).run(progress: SilentProgress())
        #expect(baseline.count(.error) == 0 && baseline.count(.failed) == 0, "\(baseline.checks.compactMap(\.error))")
        #expect(fair.sessions.withLock { $0 } == 2)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("baseline.json").path))

        let modal = try Self.modalResponses()
        let regressed = FakeModels(scorers: [
            .init(name: "rm") { request in
                let planted = modal.contains("\(request.itemID)/\(request.responseID)") || request.responseID == "warm-wrong"
                return (planted ? 2 : 0) + Self.noise(request)
            }
        ])
        let outcome = try await runner(regressed, updating: false).run(progress: SilentProgress())
        #expect(outcome.count(.failed) == 2, "\(outcome.assertions.map { "\($0.check) \($0.status)" })")
        for check in ["gap", "warmth"] {
            let folder = dir.appendingPathComponent("out/\(check)")
            for file in ["results.json", "report.md", "report.html", "console.txt"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(check)/\(file)")
            }
            let results = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("results.json"))) as! [String: Any]
            #expect((results["manifest"] as! [String: Any])["command"] as? String == "plaudit test \(suiteFile) (check \(check))")
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/junit.xml").path))
    }
}
