public import PlauditCore
import PlauditClients

/// A sentiment classifier endpoint of the configuration, connected for one run.
public enum SentimentSession {
    /// Runs `body` with the classifier at `backend`, and closes its connection on every path.
    public static func run<T: Sendable>(_ backend: BackendConfiguration, _ body: (any SentimentClassifier) async throws -> T) async throws -> T {
        let transports = SharedTransports(for: [backend])
        do {
            let result = try await body(try EndpointSentimentClassifier(backend: try transports.client(for: backend)))
            try await transports.shutdown()
            return result
        } catch {
            try? await transports.shutdown()
            throw error
        }
    }
}
