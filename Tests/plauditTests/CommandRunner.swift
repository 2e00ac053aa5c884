import Foundation

/// Runs the built `plaudit` binary and captures what it printed.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Seconds from the child's launch to its exit, measured on the thread that waited for it
        /// (not on Swift's cooperative pool, which a busy test run can hold for a minute).
        var duration: Double = 0
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (same build folder), else `.build/debug/plaudit`.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("plaudit")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/plaudit")
    }

    /// Runs the binary in `directory`, blocking the calling thread until it exits; `environment`
    /// replaces the inherited one when given. With a `timeout` the child is sent SIGTERM, then
    /// SIGKILL, once it has run that long (a test then fails on its exit status instead of
    /// hanging). Private: a test calling it would hold one of the cooperative pool's threads (two
    /// on CI) for the child's whole run; two such tests at once stall every in-process server and
    /// client in the test run, and their request timeouts fire.
    private static func runBlocking(_ arguments: [String], in directory: URL, environment: [String: String]? = nil, timeout: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let launched = DispatchTime.now()
        try process.run()
        let watchdog = timeout.map { seconds in
            DispatchWorkItem { [process] in
                guard process.isRunning else { return }
                process.terminate()
                DispatchQueue.global().asyncAfter(deadline: .now() + 5) { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            }
        }
        if let watchdog, let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        defer { watchdog?.cancel() }
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            duration: Double(DispatchTime.now().uptimeNanoseconds - launched.uptimeNanoseconds) / 1e9
        )
    }

    /// Runs the binary in `directory` and waits for it on a thread of its own, never on Swift's
    /// cooperative pool (see ``runBlocking(_:in:environment:timeout:)``); not on a Dispatch
    /// global queue either, whose threads on Linux are the pool's.
    static func runOffPool(
        _ arguments: [String], in directory: URL, environment: [String: String]? = nil, timeout: Double = 300
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, in: directory, environment: environment, timeout: timeout) })
            }.start()
        }
    }

    /// A fresh scratch folder, removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plaudit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
