import ArgumentParser
import PlauditRuntime

/// The options of every job that generates text: which models write it (where the local model
/// runs is ``ModelOptions``).
struct GeneratorOptions: ParsableArguments {
    @Option(name: .customLong("generator"), help: "A chat backend in the configuration to generate with (one model each). Repeatable.")
    var generators: [String] = []

    @Flag(help: "Generate with the built-in SmolLM2-135M-Instruct on a local llama.cpp server.")
    var localGenerator = false

    @Option(help: "Requests in flight per generator; replaces the configuration's limit (local model default: 1).")
    var generationConcurrency: Int?

    /// Whether any generator was asked for.
    var isEmpty: Bool { generators.isEmpty && !localGenerator }

    /// The generators asked for, as the library takes them, on the local server `models` names.
    func selection(_ models: ModelOptions) -> GeneratorSelection {
        GeneratorSelection(
            generators: generators, localGenerator: localGenerator, llamaURL: models.llamaURL, threads: models.threads,
            generationConcurrency: generationConcurrency)
    }

    func validate() throws {
        if let generationConcurrency, generationConcurrency < 1 { throw ValidationError("--generation-concurrency must be at least 1") }
        if Set(generators).count != generators.count { throw ValidationError("a --generator is named twice") }
    }
}
