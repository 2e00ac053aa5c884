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

    /// Like ``forEach(count:limit:work:receive:)`` for work that is found as the run goes:
    /// `refill` is called on the calling task before the first call and whenever fewer than
    /// `2 × limit` units wait to start, and returns the next units (possibly none), or `nil`
    /// when there are no more. Calls already in flight go on while `refill` runs, so finding
    /// more work (a cache lookup) overlaps with the calls instead of coming before all of them.
    public static func forEach<Unit: Sendable, Result: Sendable>(
        limit: Int,
        refill: () async throws -> [Unit]?,
        work: @escaping @Sendable (Unit) async throws -> Result,
        receive: (Unit, Result) async throws -> Void
    ) async throws {
        let limit = max(1, limit)
        try await withThrowingTaskGroup(of: (Unit, Result).self) { group in
            var waiting: [Unit] = []
            var head = 0
            var exhausted = false
            var running = 0
            func topUpAndLaunch() async throws {
                while !exhausted && waiting.count - head < 2 * limit {
                    guard let more = try await refill() else {
                        exhausted = true
                        break
                    }
                    if head > 0 {
                        waiting.removeFirst(head)
                        head = 0
                    }
                    waiting.append(contentsOf: more)
                }
                while running < limit && head < waiting.count {
                    let unit = waiting[head]
                    head += 1
                    running += 1
                    group.addTask { (unit, try await work(unit)) }
                }
            }
            try await topUpAndLaunch()
            while let (unit, result) = try await group.next() {
                running -= 1
                try await receive(unit, result)
                try await topUpAndLaunch()
            }
        }
    }
}
