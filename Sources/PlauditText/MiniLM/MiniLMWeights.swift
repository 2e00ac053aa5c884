import Foundation

/// All-MiniLM-L6-v2's weights, read from `model.safetensors`, with every linear layer's
/// matrix stored transposed ([in × out]) so that a layer is one row-major product.
struct MiniLMWeights: Sendable {
    struct Layer: Sendable {
        /// Query, key and value side by side ([in × 3·out]: each row holds the query's, the key's
        /// and the value's columns), so that the three projections are one product.
        var queryKeyValue: Linear
        var attentionOutput: Linear
        var attentionNorm: LayerNorm
        var intermediate: Linear
        var output: Linear
        var outputNorm: LayerNorm
    }

    struct Linear: Sendable {
        /// [in × out], row-major.
        var weight: [Float]
        var bias: [Float]
        var inputs: Int
        var outputs: Int
    }

    struct LayerNorm: Sendable {
        var gamma: [Float]
        var beta: [Float]
    }

    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    var tokenTypeEmbeddings: [Float]
    var embeddingNorm: LayerNorm
    var layers: [Layer]

    init(file: SafetensorsFile, configuration c: MiniLMConfiguration) throws(SafetensorsError) {
        let h = c.hidden
        wordEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [c.vocabularySize, h])
        positionEmbeddings = try file.floats("embeddings.position_embeddings.weight", shape: [c.maxPositions, h])
        tokenTypeEmbeddings = try file.floats("embeddings.token_type_embeddings.weight", shape: [2, h])
        embeddingNorm = try Self.norm(file, "embeddings.LayerNorm", h)
        layers = []
        for l in 0..<c.layers {
            let p = "encoder.layer.\(l)."
            layers.append(
                Layer(
                    queryKeyValue: Self.concatenated(
                        try ["query", "key", "value"].map { part throws(SafetensorsError) in
                            try Self.linear(file, p + "attention.self." + part, inputs: h, outputs: h)
                        }
                    ),
                    attentionOutput: try Self.linear(file, p + "attention.output.dense", inputs: h, outputs: h),
                    attentionNorm: try Self.norm(file, p + "attention.output.LayerNorm", h),
                    intermediate: try Self.linear(file, p + "intermediate.dense", inputs: h, outputs: c.intermediate),
                    output: try Self.linear(file, p + "output.dense", inputs: c.intermediate, outputs: h),
                    outputNorm: try Self.norm(file, p + "output.LayerNorm", h)
                )
            )
        }
    }

    static func linear(_ file: SafetensorsFile, _ name: String, inputs: Int, outputs: Int) throws(SafetensorsError) -> Linear {
        // PyTorch stores [out × in]; transpose once here.
        let stored = try file.floats(name + ".weight", shape: [outputs, inputs])
        var transposed = [Float](repeating: 0, count: stored.count)
        for o in 0..<outputs {
            for i in 0..<inputs { transposed[i * outputs + o] = stored[o * inputs + i] }
        }
        return Linear(weight: transposed, bias: try file.floats(name + ".bias", shape: [outputs]), inputs: inputs, outputs: outputs)
    }

    /// Linear layers on the same inputs, their outputs side by side.
    static func concatenated(_ parts: [Linear]) -> Linear {
        let inputs = parts[0].inputs
        var weight: [Float] = []
        weight.reserveCapacity(inputs * parts.reduce(0) { $0 + $1.outputs })
        for i in 0..<inputs {
            for part in parts { weight += part.weight[(i * part.outputs)..<((i + 1) * part.outputs)] }
        }
        return Linear(weight: weight, bias: parts.flatMap(\.bias), inputs: inputs, outputs: parts.reduce(0) { $0 + $1.outputs })
    }

    static func norm(_ file: SafetensorsFile, _ name: String, _ size: Int) throws(SafetensorsError) -> LayerNorm {
        LayerNorm(gamma: try file.floats(name + ".weight", shape: [size]), beta: try file.floats(name + ".bias", shape: [size]))
    }
}
