import Foundation
import PlauditClients
import PlauditCore

/// Finds the installed local model for integration tests.
///
/// Tests that need it run when it is installed (`plaudit assets install`); CI sets
/// `PLAUDIT_REQUIRE_LOCAL_MODEL=1`, under which a missing model is a failure, not a skip.
enum LocalModel {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var assets: LocalAssets {
        if let env = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"], !env.isEmpty {
            return LocalAssets(root: URL(fileURLWithPath: env))
        }
        return LocalAssets(root: repositoryRoot.appendingPathComponent(".plaudit/assets"))
    }

    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }

    /// Whether integration tests should run: installed, or required (then they fail loudly).
    static var shouldRun: Bool { assets.hasLocalModel || required }

    static func fixtures() throws -> Dataset {
        try DatasetReader().read(paths: [repositoryRoot.appendingPathComponent("fixtures/open-ended").path])
    }

    static func rubric() throws -> Rubric {
        try Rubric(contentsOf: repositoryRoot.appendingPathComponent("rubrics/pointwise-quality.yaml").path)
    }
}
