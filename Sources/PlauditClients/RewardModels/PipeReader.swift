import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Blocking reads of a child process's pipe on a dedicated thread, so the cooperative pool
/// never blocks on a program that is slow to answer.
enum PipeReader {
    /// Reads `handle` to its end, calling `line` for each newline-terminated line (a final
    /// unterminated line included, a trailing `\r` removed) and then `end`. A line longer than
    /// `maxLineBytes` ends reading with `tooLong`.
    static func lines(
        of handle: FileHandle,
        maxLineBytes: Int,
        name: String,
        line: @escaping @Sendable (String) -> Void,
        tooLong: @escaping @Sendable () -> Void,
        end: @escaping @Sendable () -> Void
    ) {
        let thread = Thread {
            var buffer = Data()
            reading: while true {
                guard let chunk = readSome(handle, upTo: 64 << 10) else { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    var bytes = buffer[buffer.startIndex..<newline]
                    if bytes.last == 0x0D { bytes = bytes.dropLast() }
                    line(String(decoding: bytes, as: UTF8.self))
                    buffer = Data(buffer[buffer.index(after: newline)...])
                }
                if buffer.count > maxLineBytes {
                    tooLong()
                    buffer.removeAll()
                    break reading
                }
            }
            if !buffer.isEmpty { line(String(decoding: buffer, as: UTF8.self)) }
            end()
        }
        thread.name = name
        thread.start()
    }

    /// Reads `handle` to its end on a dedicated thread into `tail`, which keeps only the end;
    /// `tail` is marked finished at the end.
    static func tail(of handle: FileHandle, into tail: OutputTail, name: String) {
        let thread = Thread {
            while let chunk = readSome(handle, upTo: 16 << 10) {
                tail.append(chunk)
            }
            tail.finish()
        }
        thread.name = name
        thread.start()
    }

    /// The bytes available now (at least one, waiting for them), or `nil` at the end or on
    /// an error. `FileHandle.read(upToCount:)` waits for the whole count or the end, which
    /// would hold answers back; this returns whatever one `read(2)` gives.
    static func readSome(_ handle: FileHandle, upTo count: Int) -> Data? {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, count) }
            if got > 0 { return Data(buffer[0..<got]) }
            if got < 0, errno == EINTR { continue }
            return nil
        }
    }
}
