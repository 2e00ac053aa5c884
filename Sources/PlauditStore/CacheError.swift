/// Why the response cache could not be opened, read or written, in words a user can act on.
///
/// A struct around a code rather than a public enum, so codes can be added without breaking
/// callers (the pattern of `ClientError` and swift-subprocess's `SubprocessError`). Every
/// message names the cache file and says what to do.
public struct CacheError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: Hashable, Sendable {
            case notACache
            case newerSchema
            case corrupt
            case busy
            case unavailable
        }

        let storage: Storage

        /// The file exists but is not a plaudit cache (another program's database, or not a
        /// database at all).
        public static let notACache = Code(storage: .notACache)
        /// The file was written by a newer plaudit with a schema this version does not know.
        public static let newerSchema = Code(storage: .newerSchema)
        /// SQLite reports the file as damaged.
        public static let corrupt = Code(storage: .corrupt)
        /// Another process held the file locked for longer than the busy timeout.
        public static let busy = Code(storage: .busy)
        /// Any other failure: the folder cannot be created, the file cannot be opened or
        /// written (permissions, read-only file system, disk full), or another SQLite error.
        public static let unavailable = Code(storage: .unavailable)

        public var description: String {
            switch storage {
            case .notACache: "not a plaudit cache"
            case .newerSchema: "newer schema"
            case .corrupt: "corrupt"
            case .busy: "busy"
            case .unavailable: "unavailable"
            }
        }
    }

    public let code: Code
    /// The cache file's path, as given when it was opened.
    public let path: String
    /// The full message: what happened, to which file, and what to do about it.
    public let description: String

    public init(_ code: Code, path: String, _ description: String) {
        self.code = code
        self.path = path
        self.description = description
    }
}
