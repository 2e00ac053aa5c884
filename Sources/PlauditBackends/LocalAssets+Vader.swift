import Foundation
public import PlauditClients
import PlauditCore
public import PlauditText

extension LocalAssets {
    /// VADER from the installed lexicons, or a configuration error naming the install command.
    public func vaderAnalyzer() throws -> VaderAnalyzer {
        guard hasVader else {
            throw ConfigurationError("the VADER lexicon is not installed in \(root.path); run `plaudit assets install`")
        }
        return VaderAnalyzer(
            lexicon: try VaderLexicon(
                lexicon: vader.appendingPathComponent("vader_lexicon.txt"),
                emoji: vader.appendingPathComponent("emoji_utf8_lexicon.txt")
            )
        )
    }
}
