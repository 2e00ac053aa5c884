/// A problem with an input file, located precisely enough to fix it: file, line and field.
///
/// The description is one line, `FILE:LINE: FIELD: MESSAGE`, so that editors and CI logs can
/// jump to it.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible, Codable {
    /// The file as the user named it.
    public var file: String
    /// 1-based line (for CSV: the line the row starts on); 0 when the problem is the whole file.
    public var line: Int
    /// The field path inside the row, such as `responses[3].valid`; empty when the row as a whole is bad.
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String = "", message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// One line whatever the data holds: line breaks inside names and messages are shown as `\n`.
    public var description: String {
        let location = line > 0 ? "\(file):\(line)" : file
        let text = field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
        return Self.escapingLineBreaks(text)
    }

    static func escapingLineBreaks(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\u{2028}", "\u{2029}", "\u{85}": out.append(contentsOf: #"\n"#.unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// What a reader does with a bad row.
public enum BadRowPolicy: String, Sendable, Codable {
    /// Throw the first ``InputError`` (the default: nothing half-read goes on).
    case stop
    /// Leave the row out and record it, so results can say how many rows were skipped.
    case skip
}

/// Collects skipped rows under ``BadRowPolicy/skip`` and throws under ``BadRowPolicy/stop``.
public struct BadRowLog: Sendable {
    public let policy: BadRowPolicy
    public private(set) var skipped: [InputError] = []

    public init(policy: BadRowPolicy) {
        self.policy = policy
    }

    /// Records `error`, or throws it when the policy is to stop.
    public mutating func report(_ error: InputError) throws(InputError) {
        switch policy {
        case .stop: throw error
        case .skip: skipped.append(error)
        }
    }
}
