import Testing

@testable import PlauditClients

@Suite("ConcurrencyWindow (AIMD)")
struct ConcurrencyWindowTests {
    /// Yields until `condition` holds, at most 10,000 times.
    func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<10_000 {
            if await condition() { return true }
            await Task.yield()
        }
        return await condition()
    }

    @Test("starts at the configured concurrency and grants that many at once")
    func initial() async throws {
        let window = ConcurrencyWindow(maximum: 3)
        var permits: [ConcurrencyWindow.Permit] = []
        for _ in 0..<3 { permits.append(try await window.acquire()) }
        #expect(await window.limit == 3)
        #expect(await window.inFlight == 3)
        #expect(ConcurrencyWindow(maximum: 0).maximum == 1)
        for permit in permits { await window.release(permit, outcome: .neutral) }
        #expect(await window.inFlight == 0)
    }

    @Test("halves on throttling, once per window of requests, never below 1")
    func decrease() async throws {
        let window = ConcurrencyWindow(maximum: 8)
        var old: [ConcurrencyWindow.Permit] = []
        for _ in 0..<4 { old.append(try await window.acquire()) }
        await window.release(old[0], outcome: .throttled)
        #expect(await window.limit == 4)
        // The other three were granted before that decrease: their 429s are the same overload.
        await window.release(old[1], outcome: .throttled)
        await window.release(old[2], outcome: .throttled)
        #expect(await window.limit == 4)
        let fresh = try await window.acquire()
        await window.release(fresh, outcome: .throttled)
        #expect(await window.limit == 2)
        await window.release(old[3], outcome: .throttled)
        #expect(await window.limit == 2)
        for expected in [1, 1] {
            let next = try await window.acquire()
            await window.release(next, outcome: .throttled)
            #expect(await window.limit == expected)
        }
    }

    @Test("grows by one per window's worth of successes, up to the maximum")
    func increase() async throws {
        let window = ConcurrencyWindow(maximum: 4)
        for _ in 0..<2 {
            let permit = try await window.acquire()
            await window.release(permit, outcome: .throttled)
        }
        #expect(await window.limit == 1)
        var limits: [Int] = []
        for _ in 0..<12 {
            let permit = try await window.acquire()
            await window.release(permit, outcome: .success)
            limits.append(await window.limit)
        }
        // 1 success at 1 -> 2; 2 at 2 -> 3; 3 at 3 -> 4; then capped.
        #expect(limits == [2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4])
        let neutral = try await window.acquire()
        await window.release(neutral, outcome: .neutral)
        #expect(await window.limit == 4)
    }

    @Test("waiters are served in FIFO order")
    func fifo() async throws {
        let window = ConcurrencyWindow(maximum: 1)
        let order = Shared<[Int]>([])
        let first = try await window.acquire()
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<3 {
            tasks.append(Task {
                let permit = try await window.acquire()
                order.withLock { $0.append(index) }
                await window.release(permit, outcome: .neutral)
            })
            #expect(await eventually { await window.waiting == index + 1 })
        }
        await window.release(first, outcome: .neutral)
        for task in tasks { try await task.value }
        #expect(order.value == [0, 1, 2])
        #expect(await window.inFlight == 0)
    }

    @Test("a cancelled waiter leaves the queue without taking or leaking a permit")
    func cancellation() async throws {
        let window = ConcurrencyWindow(maximum: 1)
        let held = try await window.acquire()
        let waiter = Task { try await window.acquire() }
        #expect(await eventually { await window.waiting == 1 })
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        #expect(await eventually { await window.waiting == 0 })
        #expect(await window.inFlight == 1)
        await window.release(held, outcome: .neutral)
        #expect(await window.inFlight == 0)
        let again = try await window.acquire()
        #expect(await window.inFlight == 1)
        await window.release(again, outcome: .neutral)
        // A task cancelled before it asks never waits.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await window.acquire()
        }
        await #expect(throws: CancellationError.self) { _ = try await early.value }
        #expect(await window.inFlight == 0)
    }
}
