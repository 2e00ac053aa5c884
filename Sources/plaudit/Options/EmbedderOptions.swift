import ArgumentParser
import Foundation
import PlauditBackends

/// The embedder of every job that embeds texts.
struct EmbedderOptions: ParsableArguments {
    @Option(help: "Embedder: auto (MiniLM when installed, else lexical), minilm or lexical.")
    var embedder: EmbedderChoice = .auto

    @Option(help: "Threads for the MiniLM encoder (and a homogeneity analysis).")
    var embedderThreads = ProcessInfo.processInfo.activeProcessorCount
}
