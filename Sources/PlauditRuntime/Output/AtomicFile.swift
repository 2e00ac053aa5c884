public import Foundation

/// Files a run writes are written whole or not at all: through a temporary file in the same
/// folder and a rename, so a reader never sees half a file and a killed run leaves the old one.
public enum AtomicFile {
    /// Writes `data` to `url`, creating its folder when needed.
    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
