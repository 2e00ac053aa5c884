import Foundation

extension DecodingError {
    /// The field path and a short message for a decoding failure, in the words of an input file.
    ///
    /// `responses.3.valid` becomes `responses[3].valid`, and the type names become JSON kinds.
    public var fieldAndMessage: (field: String, message: String) {
        switch self {
        case .typeMismatch(let type, let context):
            return (Self.path(context.codingPath), "expected \(Self.kind(of: type))")
        case .valueNotFound(let type, let context):
            return (Self.path(context.codingPath), "expected \(Self.kind(of: type)), found null")
        case .keyNotFound(let key, let context):
            return (Self.path(context.codingPath + [key]), "missing required field")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return ("", "invalid JSON" + (underlying.map { ": \($0)" } ?? ""))
            }
            return (Self.path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", String(describing: self))
        }
    }

    package static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }

    static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Double.Type, is Float.Type, is Int.Type: "a number"
        case is [Double].Type: "an array of numbers"
        case is Prompt.Type: "a string or an array of {\"role\", \"content\"} messages"
        case is [String: Double].Type: "an object of numbers"
        default:
            if String(describing: type).hasPrefix("Array") { "an array" }
            else if String(describing: type).hasPrefix("Dictionary") { "an object" }
            else { "a \(type)" }
        }
    }
}
