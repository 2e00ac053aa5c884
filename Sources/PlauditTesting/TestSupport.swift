public import Foundation
public import PlauditCore
public import Testing

/// A unique scratch folder under the system temporary directory. Call ``remove()`` in a `defer`.
public struct TempDir {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plaudit-core-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// Makes an empty sub-folder and returns its path.
    public func folder(_ name: String) throws -> String {
        let sub = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        return sub.path
    }
}

/// Runs `body` and returns the ``InputError`` it threw, or `nil` when it did not throw.
public func inputError<T>(_ body: () throws(InputError) -> T) -> InputError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Checks the location of `error` and that its description is one `FILE:LINE: FIELD: MESSAGE` line.
public func expectLocated(
    _ error: InputError?,
    file: String,
    line: Int,
    field: String,
    messageContains fragment: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error else {
        Issue.record("expected an InputError at \(file):\(line) \(field), got none", sourceLocation: sourceLocation)
        return
    }
    #expect(error.file == file, sourceLocation: sourceLocation)
    #expect(error.line == line, sourceLocation: sourceLocation)
    #expect(error.field == field, sourceLocation: sourceLocation)
    if let fragment {
        #expect(error.message.contains(fragment), "message: \(error.message)", sourceLocation: sourceLocation)
    }
    let description = error.description
    #expect(!description.contains("\n") && !description.contains("\r"), "not one line: \(description)", sourceLocation: sourceLocation)
    let location = line > 0 ? "\(file):\(line)" : file
    let expected = field.isEmpty ? "\(location): \(error.message)" : "\(location): \(field): \(error.message)"
    #expect(description == expected, sourceLocation: sourceLocation)
    #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
}
