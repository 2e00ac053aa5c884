import Foundation
import Yams

/// Decodes a small YAML file (a rubric, a prompt template) into a value, turning every failure
/// into one ``InputError`` line that names the file, the line where it can be found, and the field.
///
/// Shared by the template file types so that each reports bad YAML the same way.
enum YAMLDocument {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(InputError) -> T {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 0, message: "not UTF-8 text")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // Yams reports syntax errors this way; its own text spans several lines.
                let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                throw InputError(file: file, line: 0, message: "invalid YAML: " + Rubric.oneLine(detail))
            }
            let (field, message) = error.fieldAndMessage
            let line = YAMLLocator.line(of: PlauditConfiguration.codingPath(of: error), in: text)
            throw InputError(file: file, line: line, field: field, message: message)
        } catch {
            throw InputError(file: file, line: 0, message: "invalid YAML: " + Rubric.oneLine("\(error)"))
        }
    }

    /// The 1-based line of a top-level field, for errors found after decoding (0 when absent).
    static func line(ofField field: String, in data: Data) -> Int {
        YAMLLocator.line(of: [PathKey(stringValue: field)], in: String(decoding: data, as: UTF8.self))
    }
}
