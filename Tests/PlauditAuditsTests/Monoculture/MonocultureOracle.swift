import Foundation

/// Tests/PlauditAuditsTests/Oracles/monoculture_oracle.json, written by
/// make_monoculture_oracle.py (pandas, numpy, scipy, statsmodels).
enum MonocultureOracle {
    static let bytes: Data = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/monoculture_oracle.json")
        do {
            return try Data(contentsOf: url)
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static var root: [String: Any] { try! JSONSerialization.jsonObject(with: bytes) as! [String: Any] }

    static var gemo: [String: Any] { root["gemo"] as! [String: Any] }
    static var premium: [String: Any] { root["premium"] as! [String: Any] }
}

/// Where the repository and the shared data folder are.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/data/gemo-sentiment` next to the repository.
    static let gemo = root.deletingLastPathComponent().appendingPathComponent("shared/data/gemo-sentiment")
    static let bookReviews = root.appendingPathComponent("fixtures/book-reviews")
}
