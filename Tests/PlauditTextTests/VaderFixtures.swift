import Foundation
import PlauditText
import Testing

/// Where the tests find VADER's lexicon files, and the analyzer built from them once.
///
/// Looked for in `$PLAUDIT_ASSETS/python/vaderSentiment`, then in this repository's
/// `.plaudit/assets/python/vaderSentiment` (installed by `plaudit assets install`). Tests that need
/// them are enabled when they are present or when `PLAUDIT_REQUIRE_LOCAL_MODEL=1` (CI), in which case
/// a missing file fails the test instead of skipping it.
enum VaderFixtures {
    /// Enables a test when the lexicon is installed or required; skipped (not passed) otherwise.
    static var needsLexicon: ConditionTrait {
        .enabled(if: available || required, "VADER lexicon not installed; run `plaudit assets install`")
    }

    /// The repository root, from this file's real path (the test folder may be reached through a link).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let candidates: [URL] = {
        var folders: [URL] = []
        if let assets = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"], !assets.isEmpty {
            folders.append(URL(fileURLWithPath: assets).appendingPathComponent("python/vaderSentiment"))
        }
        folders.append(repositoryRoot.appendingPathComponent(".plaudit/assets/python/vaderSentiment"))
        return folders
    }()

    /// The first candidate folder holding both files, if any.
    static let directory: URL? = candidates.first { folder in
        [VaderLexicon.lexiconFileName, VaderLexicon.emojiFileName].allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    static var available: Bool { directory != nil }
    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }

    /// The lexicon, parsed once for all tests (nil when the files are absent).
    static let loaded: Result<VaderLexicon, VaderLexiconError>? = directory.map { folder in
        do throws(VaderLexiconError) {
            return .success(try VaderLexicon(directory: folder))
        } catch {
            return .failure(error)
        }
    }

    /// The shared analyzer; fails the calling test when the files are missing or unreadable.
    static func analyzer() throws -> VaderAnalyzer {
        let loaded = try #require(
            loaded, "VADER lexicon files not found in \(candidates.map(\.path)); run `plaudit assets install`")
        return VaderAnalyzer(lexicon: try loaded.get())
    }

    /// Writes lexicon files into a fresh temporary folder.
    static func temporaryLexicon(lexicon: String, emoji: String) throws -> (lexicon: URL, emoji: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lexiconURL = folder.appendingPathComponent(VaderLexicon.lexiconFileName)
        let emojiURL = folder.appendingPathComponent(VaderLexicon.emojiFileName)
        try Data(lexicon.utf8).write(to: lexiconURL)
        try Data(emoji.utf8).write(to: emojiURL)
        return (lexiconURL, emojiURL)
    }
}
