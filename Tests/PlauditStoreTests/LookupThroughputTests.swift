import Foundation
import PlauditCore
import Testing

@testable import PlauditStore

/// Records (does not assert) how fast cached keys are found, for each lookup strategy. The
/// numbers printed by a debug build understate a release build's. It writes a 100 MB file, so
/// it runs only when asked: `PLAUDIT_TIMINGS=1 swift test --filter LookupThroughputTests`.
@Suite(
    "Lookup throughput (recorded, not asserted)",
    .enabled(if: ProcessInfo.processInfo.environment["PLAUDIT_TIMINGS"] != nil)
)
struct LookupThroughputTests {
    @Test("100,000 cached keys, one lookup call each strategy")
    func throughput() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let count = 100_000
        let path = dir.path("cache.sqlite")
        let entries = (0..<count).map { Fixtures.entry($0, size: 1_000) }
        let keys = entries.map(\.key).shuffled()
        let writer = try await SQLiteResponseCache(path: path)
        let clock = ContinuousClock()
        let storeTime = try await clock.measure {
            for start in stride(from: 0, to: count, by: 10_000) {
                try await writer.store(Array(entries[start..<(start + 10_000)]))
            }
        }
        print("cache store: \(rate(count, storeTime)) entries/s (batches of 10,000)")
        for strategy in [LookupStrategy.pointPerKey, .chunked(size: 100), .chunked(size: 1_000)] {
            let cache = try await SQLiteResponseCache(path: path, busyTimeout: 5, clock: { Date() }, lookupStrategy: strategy)
            var found = 0
            let time = try await clock.measure { found = try await cache.lookup(keys).count }
            #expect(found == count)
            print("cache lookup \(strategy): \(rate(count, time)) keys/s")
        }
    }

    private func rate(_ count: Int, _ duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Int(Double(count) / seconds)
    }
}
