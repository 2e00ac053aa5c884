/// How many requests a backend may have in flight, adapted to what the server says (AIMD:
/// additive increase, multiplicative decrease, as TCP does with its congestion window).
///
/// - The window starts at the configured `concurrency`, its maximum.
/// - A "slow down" answer (429, 503, 529) halves it, never below 1. One overload usually
///   shows in many answers at once, so it halves at most once per window of requests: an
///   answer to a request that was granted before the last decrease does not decrease again.
/// - Each window's worth of successes grows it by one, back up to the maximum.
/// - Requests that find the window full wait in FIFO order. A waiter whose task is cancelled
///   leaves the queue and throws `CancellationError`; it never holds or leaks a permit.
///
/// An actor because the window is mutable state shared by every request of the backend.
actor ConcurrencyWindow {
    /// The right to send one request, to be handed back to ``release(_:outcome:)`` exactly once.
    struct Permit: Sendable {
        /// The number of decreases before this permit was granted.
        let generation: UInt64
    }

    /// What the request that held a permit learned about the server.
    enum Outcome: Sendable {
        /// A success: counts towards growing the window.
        case success
        /// A "slow down" answer: shrinks the window.
        case throttled
        /// Anything else (an error, a permanent failure): leaves the window as it is.
        case neutral
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Permit, any Error>
    }

    /// The configured concurrency: the window never grows past it.
    nonisolated let maximum: Int
    /// The current window.
    private(set) var limit: Int
    /// Permits granted and not yet released.
    private(set) var inFlight = 0
    private var generation: UInt64 = 0
    private var successes = 0
    // FIFO queue: slots before `head` are spent; a cancelled waiter leaves a nil slot.
    private var queue: [Waiter?] = []
    private var head = 0
    private var nextWaiterID: UInt64 = 0
    /// Tasks waiting for a permit.
    private(set) var waiting = 0

    init(maximum: Int) {
        self.maximum = max(1, maximum)
        self.limit = self.maximum
    }

    /// Waits for a free slot in the window (FIFO) and takes it.
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func acquire() async throws -> Permit {
        try Task.checkCancellation()
        if waiting == 0, inFlight < limit {
            inFlight += 1
            return Permit(generation: generation)
        }
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Permit, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    queue.append(Waiter(id: id, continuation: continuation))
                    waiting += 1
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Hands back a permit and adapts the window to `outcome`.
    func release(_ permit: Permit, outcome: Outcome) {
        inFlight -= 1
        switch outcome {
        case .success:
            successes += 1
            if successes >= limit {
                successes = 0
                limit = min(maximum, limit + 1)
            }
        case .throttled:
            if permit.generation == generation {
                generation += 1
                limit = max(1, limit / 2)
                successes = 0
            }
        case .neutral:
            break
        }
        grantWaiting()
    }

    private func grantWaiting() {
        while inFlight < limit, head < queue.count {
            let slot = queue[head]
            queue[head] = nil
            head += 1
            guard let waiter = slot else { continue }
            waiting -= 1
            inFlight += 1
            waiter.continuation.resume(returning: Permit(generation: generation))
        }
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = queue[head...].firstIndex(where: { $0?.id == id }), let waiter = queue[index] else { return }
        queue[index] = nil
        waiting -= 1
        waiter.continuation.resume(throwing: CancellationError())
    }
}
