public import PlauditCore
import Foundation

extension MiniLMEmbedder {
    /// The model files' contents, the sequence limit, the pooling and the matrix kernel (OpenBLAS
    /// and the Swift kernel round differently): each text's vector depends on nothing else, so
    /// vectors are cached per text. The files are read and hashed each time this is asked (about
    /// 90 MB, a fraction of a second), so a changed model file never gets another's vectors;
    /// `nil`, so nothing is cached, when they cannot be read.
    public var cacheIdentity: EmbedderCacheIdentity? {
        var digests: [String] = []
        for name in ["model.safetensors", "vocab.txt"] {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name), options: .alwaysMapped) else { return nil }
            digests.append("\(name):\(SHA256Hex.digest(of: data))")
        }
        return EmbedderCacheIdentity(
            kind: "minilm", source: "sha256 " + digests.joined(separator: " "), model: "all-MiniLM-L6-v2", dimension: configuration.hidden,
            parameters: [
                "max_seq_length": String(configuration.maxSequenceLength), "pooling": "mean, L2-normalised", "kernel": kernel.rawValue,
            ]
        )
    }
}
