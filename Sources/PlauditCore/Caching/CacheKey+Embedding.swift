import Foundation

extension CacheKey {
    /// The key of `text`'s vector from the embedder `identity` names: a SHA-256 over the word
    /// `embedding`, the identity's kind, source (credentials removed), model, dimension and each
    /// parameter's name and value in name order, then the text, each length-prefixed. The
    /// leading word keeps these keys apart from answers' keys.
    public init(embedding identity: EmbedderCacheIdentity, text: String) {
        var parts = [
            Data("embedding".utf8), Data(identity.kind.utf8), Data(URLCredentials.removing(from: identity.source).utf8),
            Data(identity.model.utf8), Data(String(identity.dimension).utf8), Data(String(identity.parameters.count).utf8),
        ]
        for (name, value) in identity.parameters.sorted(by: { $0.key < $1.key }) {
            parts += [Data(name.utf8), Data(value.utf8)]
        }
        parts.append(Data(text.utf8))
        self.init(hex: Self.digest(of: parts))
    }
}
