import ArgumentParser
import PlauditRuntime

/// The options of every job that generates text: which models write it.
struct GeneratorOptions: ParsableArguments {
    @Option(name: .customLong("generator"), help: "A chat backend in the configuration to generate with (one model each). Repeatable.")
    var generators: [String] = []

    @Flag(help: "Generate with the built-in SmolLM2-135M-Instruct on a local llama.cpp server.")
    var localGenerator = false

    @Option(help: "Use a llama.cpp server already running at this URL instead of starting one.")
    var llamaURL: String?

    @Option(help: "CPU threads for the local llama.cpp server.")
    var threads = 1

    @Option(help: "Requests in flight per generator; replaces the configuration's limit (local model default: 1).")
    var generationConcurrency: Int?

    /// Whether any generator was asked for.
    var isEmpty: Bool { selection.isEmpty }

    /// The generators asked for, as the library takes them.
    var selection: GeneratorSelection {
        GeneratorSelection(
            generators: generators, localGenerator: localGenerator, llamaURL: llamaURL, threads: threads, generationConcurrency: generationConcurrency)
    }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let generationConcurrency, generationConcurrency < 1 { throw ValidationError("--generation-concurrency must be at least 1") }
        if Set(generators).count != generators.count { throw ValidationError("a --generator is named twice") }
    }
}
