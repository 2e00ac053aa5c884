import Dispatch

/// A task executor with a serial queue of its own, outside Swift's cooperative pool.
///
/// Long CPU-bound simulations (hundreds of seeded audits) that run on the cooperative pool hold
/// its threads, one per core, for minutes: on a 2-core CI machine every other test's fake server
/// and HTTP client then wait, and their timeouts fire. Work run under
/// `withTaskExecutorPreference(DedicatedExecutor())` takes a thread of its own instead.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    // A serial queue made with a label is overcommitting: its thread is not one of the
    // cooperative pool's.
    private let queue: DispatchQueue

    public init(label: String = "plaudit.dedicated-executor") {
        queue = DispatchQueue(label: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
