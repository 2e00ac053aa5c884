import ArgumentParser
import Foundation
import PlauditAudits

/// The options of a job that generates its responses from prompts first: the prompts, the
/// policies and the sampling grid.
struct PromptGenerationOptions: ParsableArguments {
    @Option(help: "Generate the responses first: prompts as JSONL, one {\"id\", \"prompt\"} per line.")
    var prompts: String?

    @OptionGroup var generators: GeneratorOptions

    @Option(help: "Responses per prompt from each generator at each temperature (default: 8 for audit, 10 for homogeneity).")
    var samples: Int?

    @Option(help: "Sampling temperature. Repeatable: each generator at each temperature is one policy, labelled NAME@T<temperature>.")
    var temperature: [Double] = [1.0]

    @Option(help: "Nucleus sampling mass (default: the server's, 1.0).")
    var topP: Double?

    @Option(help: "Most tokens per response.")
    var maxTokens = 256

    /// The generation stage these options ask for, writing into `folder`; `nil` without --prompts.
    func generation(models: ModelOptions, seed: UInt64, folder: String) -> PromptGeneration? {
        guard let prompts else { return nil }
        var generation = PromptGeneration(prompts: prompts, folder: URL(fileURLWithPath: folder))
        generation.generators = generators.selection(models)
        generation.samples = samples ?? 8
        generation.temperatures = temperature
        generation.topP = topP
        generation.maxTokens = maxTokens
        generation.seed = seed
        return generation
    }
}
