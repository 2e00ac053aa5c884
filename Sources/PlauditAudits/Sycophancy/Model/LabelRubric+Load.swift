import Foundation
public import PlauditCore

extension LabelRubric {
    /// A categorical rubric file, or the id of one built into the binary.
    public static func load(_ rubric: String) throws -> LabelRubric {
        if FileManager.default.fileExists(atPath: rubric) { return try LabelRubric(contentsOf: rubric) }
        if rubric == "sycophancy-correctness", let source = EmbeddedTemplates.source(id: rubric) {
            return try LabelRubric(yaml: Data(source.utf8), file: "embedded:\(rubric)")
        }
        throw ConfigurationError("grading rubric '\(rubric)' is neither a file nor the embedded sycophancy-correctness")
    }
}
