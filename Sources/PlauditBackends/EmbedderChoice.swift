import Foundation
public import PlauditClients
public import PlauditCore
import PlauditText

/// The built-in embedders: `auto` takes MiniLM when its assets are installed, else lexical.
public enum EmbedderChoice: String, CaseIterable, Sendable {
    case auto, minilm, lexical

    /// The embedder; `auto` takes MiniLM when its assets are installed.
    public func make(assets: LocalAssets, threads: Int) throws -> any Embedder {
        let hasMiniLM = assets.hasMiniLM
        switch self {
        case .lexical:
            return LexicalEmbedder()
        case .auto where !hasMiniLM:
            return LexicalEmbedder()
        case .minilm where !hasMiniLM:
            throw ConfigurationError("MiniLM is not installed in \(assets.root.path); run `plaudit assets install`")
        case .auto, .minilm:
            return try MiniLMEmbedder(directory: assets.miniLM, threads: threads)
        }
    }

    /// Whether `embedder` embeds each text on its own, so that parts of a corpus embedded apart
    /// add up to the whole (the lexical embedder weighs words over all the texts it is given).
    public static func isPerText(_ embedder: any Embedder) -> Bool {
        !(embedder is LexicalEmbedder)
    }
}
