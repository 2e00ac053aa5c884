/// An RFC 6901 JSON pointer such as `/outputs/0/score`, where `~1` stands for `/` and `~0`
/// for `~` inside a reference token (so `/a~1b` names the key `a/b`). The empty pointer names
/// the whole document.
struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// The unescaped reference tokens.
    let tokens: [String]
    /// The pointer as written.
    let description: String

    /// Why a pointer's text is not a pointer.
    struct SyntaxError: Error, CustomStringConvertible {
        let description: String
    }

    /// - Throws: ``SyntaxError`` when the text does not start with `/` (and is not empty) or
    ///   holds a `~` not followed by `0` or `1`.
    init(_ text: String) throws {
        description = text
        guard !text.isEmpty else {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else {
            throw SyntaxError(description: "a JSON pointer starts with '/' (for example /data/0/score), got '\(text)'")
        }
        tokens = try text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { raw in
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default:
                    throw SyntaxError(description: "'~' must be followed by 0 or 1 in a JSON pointer ('\(text)')")
                }
            }
            return token
        }
    }

    /// The value the pointer names in `document`, or why there is none.
    func resolve(in document: JSONValue) -> Result<JSONValue, LookupFailure> {
        var current = document
        for (depth, token) in tokens.enumerated() {
            switch current {
            case .object(let members):
                guard let next = members[token] else {
                    return .failure(LookupFailure(depth: depth, reason: "no key '\(token)'"))
                }
                current = next
            case .array(let elements):
                guard let index = Self.arrayIndex(token) else {
                    return .failure(LookupFailure(depth: depth, reason: "'\(token)' is not an array index"))
                }
                guard index < elements.count else {
                    return .failure(
                        LookupFailure(
                            depth: depth, reason: "index \(index) is past the end of an array of \(elements.count)"))
                }
                current = elements[index]
            default:
                return .failure(LookupFailure(depth: depth, reason: "\(current.typeName) has no member '\(token)'"))
            }
        }
        return .success(current)
    }

    /// Why a pointer found nothing: at which token, and what was there instead.
    struct LookupFailure: Error, Hashable {
        let depth: Int
        let reason: String
    }

    /// RFC 6901 array indices: `0` or digits without a leading zero.
    private static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber) else { return nil }
        guard token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }
}
