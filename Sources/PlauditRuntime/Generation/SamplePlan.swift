public import PlauditCore

/// What to generate: for each prompt, `samples` completions under every setting of a grid.
///
/// Each task gets its own seed, derived from the plan's seed, the prompt's id, the setting and
/// the sample index (SHA-256, so it does not depend on the order or number of prompts). The same
/// plan therefore asks every model the same questions with the same seeds, and a backend that
/// honours `seed` gives the same samples on a rerun.
public struct SamplePlan: Hashable, Sendable {
    public var settings: [SamplingSetting]
    /// Completions per prompt and setting.
    public var samples: Int
    public var seed: UInt64
    /// A system prompt for every request, if any.
    public var system: String?

    public init(settings: [SamplingSetting], samples: Int, seed: UInt64, system: String? = nil) {
        self.settings = settings
        self.samples = samples
        self.seed = seed
        self.system = system
    }

    /// A prompt to answer: its id and the conversation to send.
    public struct Prompt: Hashable, Sendable {
        public var id: String
        public var messages: [ChatMessage]

        public init(id: String, messages: [ChatMessage]) {
            self.id = id
            self.messages = messages
        }
    }

    /// Every task, prompt by prompt, then setting by setting, then sample by sample.
    public func tasks(for prompts: [Prompt]) -> [GenerationTask] {
        var tasks: [GenerationTask] = []
        tasks.reserveCapacity(prompts.count * settings.count * samples)
        for prompt in prompts {
            for setting in settings {
                for sample in 0..<samples {
                    let request = ChatRequest(
                        messages: prompt.messages, system: system, maxTokens: setting.maxTokens,
                        temperature: setting.temperature, topP: setting.topP,
                        seed: Self.seed(base: seed, group: prompt.id, setting: setting, sample: sample)
                    )
                    tasks.append(
                        GenerationTask(
                            id: "\(prompt.id)/\(setting.label)/\(sample)", group: prompt.id, setting: setting,
                            sample: sample, request: request))
                }
            }
        }
        return tasks
    }

    /// A seed in [0, 2³¹): every backend's seed field takes it (llama.cpp's is unsigned 32-bit,
    /// OpenAI's a signed integer).
    public static func seed(base: UInt64, group: String, setting: SamplingSetting, sample: Int) -> Int {
        let digest = SHA256Hex.digest(of: "\(base)\u{0}\(group)\u{0}\(setting.label)\u{0}\(setting.maxTokens)\u{0}\(sample)")
        return Int(UInt32(digest.prefix(8), radix: 16)! & 0x7fff_ffff)
    }
}
