import Foundation
public import PlauditCore

extension PromptTemplate {
    /// A template file, or the id of a template built into the binary (``EmbeddedPromptTemplates``).
    public static func load(_ nameOrPath: String) throws(InputError) -> PromptTemplate {
        if FileManager.default.fileExists(atPath: nameOrPath) {
            return try PromptTemplate(yaml: DatasetReader.load(nameOrPath), file: nameOrPath)
        }
        if let source = EmbeddedPromptTemplates.source(id: nameOrPath) {
            return try PromptTemplate(yaml: Data(source.utf8), file: "embedded:\(nameOrPath)")
        }
        throw InputError(
            file: nameOrPath, line: 0,
            message: "neither a template file nor an embedded template (\(EmbeddedPromptTemplates.ids.joined(separator: ", ")))")
    }
}
