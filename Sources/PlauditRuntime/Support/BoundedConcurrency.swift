/// Runs many calls to a backend with a fixed number in flight.
public enum BoundedConcurrency {
    /// Calls `work` for every index in `0..<count`, at most `limit` at a time, and hands each
    /// result to `receive` on the calling task as it arrives (completion order). The first
    /// error thrown by `work` or `receive` cancels the rest and is rethrown.
    public static func forEach<Result: Sendable>(
        count: Int,
        limit: Int,
        work: @escaping @Sendable (Int) async throws -> Result,
        receive: (Int, Result) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func launch() {
                let index = next
                next += 1
                group.addTask { (index, try await work(index)) }
            }
            while next < min(max(1, limit), count) { launch() }
            while let (index, result) = try await group.next() {
                try await receive(index, result)
                if next < count { launch() }
            }
        }
    }
}
