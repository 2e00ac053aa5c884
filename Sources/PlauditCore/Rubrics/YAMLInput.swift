package import Foundation
import Yams

/// Decodes a YAML template file into a type, with errors that name the file, the line and the
/// field (`rubrics/x.yaml:12: contexts[3].statements: expected an array`).
///
/// Shared by the template files that are not judge rubrics (an audit's context and prompt files,
/// the categorical grading rubric); it uses the same one-line YAML messages and line lookup as
/// ``Rubric`` and the configuration reader.
package enum YAMLInput {
    /// The decoded value and the file's text (for looking up lines of later checks).
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(InputError) -> (value: T, text: String) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 0, message: "not UTF-8 text")
        }
        do {
            return (try YAMLDecoder().decode(T.self, from: text), text)
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

    /// An error about a value that decoded but is not acceptable, at the line of `path`.
    package static func error(_ message: String, at path: [PathKey], in text: String, file: String) -> InputError {
        InputError(file: file, line: YAMLLocator.line(of: path, in: text), field: DecodingError.path(path), message: message)
    }
}
