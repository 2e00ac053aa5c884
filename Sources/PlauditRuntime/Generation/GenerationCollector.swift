public import PlauditCore
import Foundation

/// Asks a generator for every task of a plan: completions already in the response cache are
/// read in one bulk lookup, the rest go out a bounded number at a time, and each new completion
/// is stored as soon as it arrives.
///
/// A killed run started again therefore asks only for what was not yet stored, and gets the
/// same samples back for what was. A server's refusal of one input (too long for the model)
/// fails that task alone; any other error stops the run, after what was answered is stored.
/// Generators whose descriptor names no model are not cached (two models behind one URL must
/// not share answers).
public struct GenerationCollector: Sendable {
    /// Calls in flight, the cache and whether to refresh it.
    public var fanOut: CachedFanOut

    /// Calls in flight at once.
    public var concurrency: Int {
        get { fanOut.concurrency }
        set { fanOut.concurrency = max(1, newValue) }
    }

    public init(concurrency: Int = 1, cache: (any ResponseCache)? = nil, refresh: Bool = false) {
        fanOut = CachedFanOut(concurrency: concurrency, cache: cache, refresh: refresh)
    }

    /// One completion (or failure) per task, in the tasks' order.
    public func generate(
        _ tasks: [GenerationTask],
        generator: any ChatGenerator,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> GeneratedTable {
        let descriptor = generator.descriptor
        let phase = "generating with \(descriptor.model.isEmpty ? descriptor.backend : descriptor.model)"
        var table = GeneratedTable(generator: descriptor, completions: Array(repeating: nil, count: tasks.count))
        var fanOut = self.fanOut
        if descriptor.model.isEmpty { fanOut.cache = nil }
        let cache = fanOut.cache
        let keys = try cache.map { _ in try tasks.map { try GenerationCacheCoding.key(descriptor: descriptor, request: $0.request) } }

        var missing = Array(tasks.indices)
        if let keys, cache != nil, !fanOut.refresh {
            let stored = try await fanOut.lookup(keys)
            missing = []
            for index in tasks.indices {
                if let bytes = stored[index], let completion = GenerationCacheCoding.decode(bytes) {
                    table.completions[index] = completion
                    table.counts.hits += 1
                } else {
                    missing.append(index)
                }
            }
        }
        let pending = missing
        table.counts.misses = cache == nil ? 0 : pending.count
        progress.update(phase: phase, done: table.counts.hits, total: tasks.count, failed: 0, cached: table.counts.hits)

        var done = table.counts.hits
        let stored = try await fanOut.fanOut(count: pending.count, namespace: "generation/\(descriptor.backend)") { slot in
            let task = tasks[pending[slot]]
            do {
                let completion = try await generator.complete(task.request)
                return Result<GeneratedText, GenerationFailure>.success(
                    GeneratedText(text: completion.text, finishReason: completion.finishReason))
            } catch let error as any RejectedInputError {
                guard let reason = error.rejectedInput else { throw error }
                return .failure(GenerationFailure(taskID: task.id, reason: reason))
            }
        } receive: { slot, result, store in
            let index = pending[slot]
            done += 1
            switch result {
            case .success(let completion):
                table.completions[index] = completion
                if let keys {
                    try await store(keys[index], try GenerationCacheCoding.encode(completion))
                }
            case .failure(let failure):
                table.failures.append(failure)
            }
            progress.update(phase: phase, done: done, total: tasks.count, failed: table.failures.count, cached: table.counts.hits)
        }
        if cache != nil { table.counts.stored = stored }
        progress.finish(phase: phase)
        let order = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        table.failures.sort { (order[$0.taskID] ?? 0) < (order[$1.taskID] ?? 0) }
        return table
    }
}

/// A generator's completions for a list of tasks.
public struct GeneratedTable: Sendable {
    public var generator: GeneratorDescriptor
    /// One per task, in order; `nil` where the task failed.
    public var completions: [GeneratedText?]
    public var failures: [GenerationFailure]
    public var counts: CacheCounts

    public init(generator: GeneratorDescriptor, completions: [GeneratedText?], failures: [GenerationFailure] = [], counts: CacheCounts = CacheCounts()) {
        self.generator = generator
        self.completions = completions
        self.failures = failures
        self.counts = counts
    }
}

/// One completion as kept: the text and why it stopped.
public struct GeneratedText: Codable, Hashable, Sendable {
    public var text: String
    /// `stop`, `length`, … as the backend said it.
    public var finishReason: String?

    public init(text: String, finishReason: String? = nil) {
        self.text = text
        self.finishReason = finishReason
    }

    enum CodingKeys: String, CodingKey {
        case text
        case finishReason = "finish_reason"
    }
}

/// A task the generator refused (its input was too long for the model).
public struct GenerationFailure: Error, Codable, Hashable, Sendable {
    public var taskID: String
    public var reason: String

    public init(taskID: String, reason: String) {
        self.taskID = taskID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case taskID = "task_id"
    }
}

/// How completions are keyed and stored in the response cache.
enum GenerationCacheCoding {
    /// The key: the generator's identity and the whole canonical request (messages, sampling
    /// settings, seed), so a different temperature or seed is a different answer.
    static func key(descriptor: GeneratorDescriptor, request: ChatRequest) throws -> CacheKey {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return CacheKey(backendKind: descriptor.backend, baseURL: descriptor.baseURL, model: descriptor.model, request: try encoder.encode(request))
    }

    static func encode(_ completion: GeneratedText) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(completion)
    }

    static func decode(_ data: Data) -> GeneratedText? {
        try? JSONDecoder().decode(GeneratedText.self, from: data)
    }
}
