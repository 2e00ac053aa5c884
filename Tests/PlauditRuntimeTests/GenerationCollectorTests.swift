import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// Answers with text derived from the request (so a wrong answer for a task is visible),
/// records every request, refuses over-long prompts as a server would, and fails like a dead
/// server after `breakAfter` calls.
final class RecordingGenerator: ChatGenerator {
    let asked = Mutex<[ChatRequest]>([])
    let breakAfter: Int?
    let model: String

    init(model: String = "test-model", breakAfter: Int? = nil) {
        self.model = model
        self.breakAfter = breakAfter
    }

    var descriptor: GeneratorDescriptor { GeneratorDescriptor(backend: "test", baseURL: "http://127.0.0.1:1", model: model) }
    var capabilities: ChatCapabilities { ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: false, jsonSchema: false, seed: true) }

    struct Dead: Error {}
    struct TooLong: RejectedInputError { var rejectedInput: String? { "prompt too long" } }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let count = asked.withLock { asked in
            asked.append(request)
            return asked.count
        }
        if let breakAfter, count > breakAfter { throw Dead() }
        if request.messages[0].content.count > 40 { throw TooLong() }
        return ChatCompletion(text: "\(request.messages[0].content)|T=\(request.temperature)|seed=\(request.seed ?? -1)", finishReason: "stop")
    }
}

@Suite("Generation: sample plans and the collector")
struct GenerationCollectorTests {
    let settings = [SamplingSetting(temperature: 0.7, maxTokens: 32), SamplingSetting(temperature: 1.0, topP: 0.9, maxTokens: 32)]
    let prompts = [
        SamplePlan.Prompt(id: "p1", messages: [ChatMessage(role: "user", content: "Name a colour.")]),
        SamplePlan.Prompt(id: "p2", messages: [ChatMessage(role: "user", content: "Name a fruit.")]),
    ]

    @Test("a plan is prompts × settings × samples, with ids, settings and seeds on every request")
    func planShape() {
        let plan = SamplePlan(settings: settings, samples: 3, seed: 7, system: "Be brief.")
        let tasks = plan.tasks(for: prompts)
        #expect(tasks.count == 12)
        #expect(Set(tasks.map(\.id)).count == 12)
        #expect(tasks[0].id == "p1/T0.7/0")
        #expect(tasks[5].id == "p1/T1.0-p0.9/2")
        #expect(tasks[5].request.temperature == 1.0 && tasks[5].request.topP == 0.9 && tasks[5].request.maxTokens == 32)
        #expect(tasks.allSatisfy { $0.request.system == "Be brief." })
        let seeds = tasks.map { $0.request.seed! }
        #expect(Set(seeds).count == 12, "every sample gets its own seed")
        #expect(seeds.allSatisfy { (0..<(1 << 31)).contains($0) })
    }

    @Test("seeds depend on the plan seed, prompt id, setting and sample only: not on order or on other prompts")
    func seedsAreStable() {
        let plan = SamplePlan(settings: settings, samples: 2, seed: 7)
        let forward = plan.tasks(for: prompts)
        let alone = plan.tasks(for: [prompts[1]])
        let reversed = plan.tasks(for: prompts.reversed())
        let seed = { (tasks: [GenerationTask], id: String) in tasks.first { $0.id == id }!.request.seed! }
        for id in alone.map(\.id) {
            #expect(seed(forward, id) == seed(alone, id))
            #expect(seed(forward, id) == seed(reversed, id))
        }
        var other = plan
        other.seed = 8
        #expect(other.tasks(for: prompts).map { $0.request.seed! } != forward.map { $0.request.seed! })
    }

    @Test("every task answered in order; a second run is served from the cache without a call")
    func cachesAndResumes() async throws {
        let tasks = SamplePlan(settings: settings, samples: 2, seed: 1).tasks(for: prompts)
        let cache = MemoryCache()
        let first = RecordingGenerator()
        let collector = GenerationCollector(concurrency: 3, cache: cache)
        let table = try await collector.generate(tasks, generator: first)
        #expect(first.asked.withLock { $0.count } == tasks.count)
        for (task, completion) in zip(tasks, table.completions) {
            #expect(completion?.text == "\(task.request.messages[0].content)|T=\(task.request.temperature)|seed=\(task.request.seed!)")
            #expect(completion?.finishReason == "stop")
        }
        #expect(table.counts == CacheCounts(hits: 0, misses: tasks.count, stored: tasks.count))

        let second = RecordingGenerator()
        let again = try await collector.generate(tasks, generator: second)
        #expect(second.asked.withLock { $0.count } == 0)
        #expect(again.completions == table.completions)
        #expect(again.counts == CacheCounts(hits: tasks.count, misses: 0, stored: 0))

        // A different model behind the same URL does not get these answers.
        let otherModel = RecordingGenerator(model: "other")
        _ = try await collector.generate(tasks, generator: otherModel)
        #expect(otherModel.asked.withLock { $0.count } == tasks.count)
    }

    @Test("a killed run keeps what was answered; the rerun asks only for the rest")
    func deadServerThenResume() async throws {
        let tasks = SamplePlan(settings: settings, samples: 3, seed: 1).tasks(for: prompts)
        let cache = MemoryCache()
        let dying = RecordingGenerator(breakAfter: 5)
        await #expect(throws: RecordingGenerator.Dead.self) {
            _ = try await GenerationCollector(concurrency: 1, cache: cache).generate(tasks, generator: dying)
        }
        let resumed = RecordingGenerator()
        let table = try await GenerationCollector(concurrency: 2, cache: cache).generate(tasks, generator: resumed)
        #expect(resumed.asked.withLock { $0.count } == tasks.count - 5)
        #expect(table.completions.allSatisfy { $0 != nil })
        #expect(table.counts.hits == 5)
    }

    @Test("a refused input fails alone, is not cached, and is asked again next time")
    func refusedInput() async throws {
        let long = SamplePlan.Prompt(id: "long", messages: [ChatMessage(role: "user", content: String(repeating: "x", count: 50))])
        let tasks = SamplePlan(settings: [settings[0]], samples: 2, seed: 1).tasks(for: [prompts[0], long])
        let cache = MemoryCache()
        let table = try await GenerationCollector(concurrency: 2, cache: cache).generate(tasks, generator: RecordingGenerator())
        #expect(table.completions.map { $0 != nil } == [true, true, false, false])
        #expect(table.failures.map(\.taskID) == ["long/T0.7/0", "long/T0.7/1"])
        #expect(table.failures.allSatisfy { $0.reason == "prompt too long" })
        let again = RecordingGenerator()
        _ = try await GenerationCollector(cache: cache).generate(tasks, generator: again)
        #expect(again.asked.withLock { $0.count } == 2)
    }

    @Test("a generator without a model name is never cached")
    func noModelNoCache() async throws {
        let tasks = SamplePlan(settings: [settings[0]], samples: 2, seed: 1).tasks(for: prompts)
        let cache = MemoryCache()
        _ = try await GenerationCollector(cache: cache).generate(tasks, generator: RecordingGenerator(model: ""))
        #expect(cache.entries.withLock { $0.isEmpty })
        #expect(cache.lookups.withLock { $0 } == 0)
    }
}
