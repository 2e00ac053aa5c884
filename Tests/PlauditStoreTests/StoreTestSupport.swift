import Foundation
import PlauditCore
import Synchronization

/// A unique scratch folder under the system temporary directory. Call ``remove()`` in a `defer`.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plaudit-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder (not created).
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A clock the test sets by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The closure the cache takes.
    var closure: @Sendable () -> Date { { self.now } }
}

enum Fixtures {
    /// A distinct well-formed key for each `index`.
    static func key(_ index: Int, salt: String = "") -> CacheKey {
        CacheKey(backendKind: "test", baseURL: "http://127.0.0.1", model: "m\(salt)", request: Data("\(index)".utf8))
    }

    /// An entry whose value names its index, padded to `size` bytes.
    static func entry(_ index: Int, namespace: String = "score/test", size: Int = 64, salt: String = "") -> CacheEntry {
        var value = Data("{\"index\":\(index),\"salt\":\"\(salt)\"}".utf8)
        if value.count < size { value.append(Data(repeating: UInt8(ascii: " "), count: size - value.count)) }
        return CacheEntry(key: key(index), namespace: namespace, value: value)
    }
}
