public import PlauditCore

/// A generator a job writes with, under the name its texts are labelled with.
public struct LiveGenerator: Sendable {
    /// The backend's name in the configuration, or `smollm2-135m` for the built-in model.
    public let name: String
    public let generator: any ChatGenerator
    public let concurrency: Int

    public init(name: String, generator: any ChatGenerator, concurrency: Int) {
        self.name = name
        self.generator = generator
        self.concurrency = concurrency
    }
}

/// Which models write a job's texts: configured chat backends by name and the built-in model.
public struct GeneratorSelection: Sendable {
    /// The built-in model's name: its texts are labelled with it.
    public static let localName = "smollm2-135m"

    /// Chat backends in the configuration, one model each.
    public var generators: [String] = []
    /// The built-in SmolLM2-135M-Instruct on a local llama.cpp server.
    public var localGenerator = false
    /// A llama.cpp server already running, instead of starting one.
    public var llamaURL: String?
    /// CPU threads for the local llama.cpp server.
    public var threads = 1
    /// Requests in flight per generator; replaces the configuration's limit.
    public var generationConcurrency: Int?

    public init(generators: [String] = [], localGenerator: Bool = false, llamaURL: String? = nil, threads: Int = 1, generationConcurrency: Int? = nil) {
        self.generators = generators
        self.localGenerator = localGenerator
        self.llamaURL = llamaURL
        self.threads = threads
        self.generationConcurrency = generationConcurrency
    }

    /// Whether any generator was asked for.
    public var isEmpty: Bool { generators.isEmpty && !localGenerator }
}
