/// Splits texts into request-sized batches, sends them with a bounded number in flight, and
/// puts the vectors back in input order, checking that every batch answered with one vector
/// per text and every vector has the same dimension.
enum EmbeddingBatches {
    /// - Parameters:
    ///   - size: most texts per request (TEI refuses more than its `--max-client-batch-size`).
    ///   - inFlight: most requests at once.
    ///   - dimension: the expected length of every vector; `nil` to accept the first one's.
    ///   - source: names the endpoint in errors.
    ///   - progress: called with the number of texts embedded so far after each batch.
    ///   - send: embeds one batch, vectors in the batch's order.
    static func embed(
        _ texts: [String],
        size: Int,
        inFlight: Int,
        dimension: Int?,
        source: String,
        progress: @Sendable (Int) -> Void = { _ in },
        send: @escaping @Sendable ([String]) async throws -> [[Float]]
    ) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let size = max(1, size)
        let starts = Array(stride(from: 0, to: texts.count, by: size))
        var results = [[[Float]]?](repeating: nil, count: starts.count)
        try await withThrowingTaskGroup(of: (Int, [[Float]]).self) { group in
            var next = 0
            var embedded = 0
            func launch() {
                let index = next
                let batch = Array(texts[starts[index]..<min(starts[index] + size, texts.count)])
                group.addTask { (index, try await send(batch)) }
                next += 1
            }
            while next < starts.count && next < max(1, inFlight) { launch() }
            while let result = try await group.next() {
                let (index, vectors) = result
                let expected = min(size, texts.count - starts[index])
                guard vectors.count == expected else {
                    throw ClientError(.unexpectedResponse, "\(source) returned \(vectors.count) vectors for \(expected) inputs")
                }
                results[index] = vectors
                embedded += vectors.count
                progress(embedded)
                if next < starts.count { launch() }
            }
        }
        let vectors = results.flatMap { $0 ?? [] }
        let width = dimension ?? vectors.first?.count ?? 0
        guard width > 0 else { throw ClientError(.unexpectedResponse, "\(source) returned empty vectors") }
        if let bad = vectors.firstIndex(where: { $0.count != width }) {
            throw ClientError(
                .unexpectedResponse, "\(source) returned a vector of \(vectors[bad].count) floats for input \(bad); expected \(width)"
            )
        }
        return vectors
    }

    /// Parses option `dimension`, when set.
    static func configuredDimension(_ options: [String: String], backend: String) throws -> Int? {
        guard let text = options["dimension"] else { return nil }
        guard let value = Int(text), value > 0 else {
            throw ClientError(.configuration, "backend '\(backend)': option dimension must be a positive whole number, not '\(text)'")
        }
        return value
    }

    /// The text a dimension probe embeds.
    static let probeText = "plaudit dimension probe"
}
