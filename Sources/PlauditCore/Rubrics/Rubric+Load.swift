import Foundation

extension Rubric {
    /// A rubric file, or the id of a rubric built into the binary.
    public static func load(_ rubric: String) throws -> Rubric {
        if FileManager.default.fileExists(atPath: rubric) { return try Rubric(contentsOf: rubric) }
        if let source = EmbeddedRubrics.source(id: rubric) {
            return try Rubric(yaml: Data(source.utf8), file: "embedded:\(rubric)")
        }
        throw ConfigurationError("rubric '\(rubric)' is neither a file nor an embedded rubric (\(EmbeddedRubrics.ids.joined(separator: ", ")))")
    }
}
