public import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the tensor bytes. Only the header is read up
/// front; each tensor is read straight into its array when asked for (not memory-mapped,
/// whose touched pages would count in the process's resident memory next to the copies).
public struct SafetensorsFile: Sendable {
    /// One tensor's entry in the header.
    public struct TensorInfo: Sendable, Hashable {
        public var dtype: String
        public var shape: [Int]
        /// Byte range within the data section (after the header).
        public var range: Range<Int>
    }

    public let url: URL
    public let tensors: [String: TensorInfo]
    private let dataStart: Int

    public init(contentsOf url: URL) throws(SafetensorsError) {
        self.url = url
        guard let handle = try? FileHandle(forReadingFrom: url),
            let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil
        else {
            throw SafetensorsError(url: url, message: "cannot read the file")
        }
        defer { try? handle.close() }
        guard size >= 8, let prefix = try? handle.read(upToCount: 8), prefix.count == 8 else {
            throw SafetensorsError(url: url, message: "shorter than its 8-byte header length")
        }
        let headerLength = prefix.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= size - 8 else {
            throw SafetensorsError(url: url, message: "header length \(headerLength) exceeds the file")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let headerData = try? handle.read(upToCount: Int(headerLength)), headerData.count == Int(headerLength),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any]
        else {
            throw SafetensorsError(url: url, message: "header is not a JSON object")
        }
        var tensors: [String: TensorInfo] = [:]
        let dataLength = Int(size) - headerEnd
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength
            else {
                throw SafetensorsError(url: url, message: "malformed header entry for tensor '\(name)'")
            }
            tensors[name] = TensorInfo(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.tensors = tensors
        self.dataStart = headerEnd
    }

    /// The F32 tensor `name` as floats, checking its shape.
    public func floats(_ name: String, shape: [Int]) throws(SafetensorsError) -> [Float] {
        guard let info = tensors[name] else { throw SafetensorsError(url: url, message: "no tensor '\(name)'") }
        guard info.dtype == "F32" else {
            throw SafetensorsError(url: url, message: "tensor '\(name)' is \(info.dtype), expected F32")
        }
        guard info.shape == shape else {
            throw SafetensorsError(url: url, message: "tensor '\(name)' has shape \(info.shape), expected \(shape)")
        }
        let count = shape.reduce(1, *)
        guard info.range.count == count * 4 else {
            throw SafetensorsError(url: url, message: "tensor '\(name)' holds \(info.range.count) bytes for \(count) floats")
        }
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw SafetensorsError(url: url, message: "cannot open the file") }
        defer { close(descriptor) }
        var out = [Float](repeating: 0, count: count)
        let complete = out.withUnsafeMutableBytes { destination in
            var done = 0
            while done < destination.count {
                let n = pread(descriptor, destination.baseAddress! + done, destination.count - done, off_t(dataStart + info.range.lowerBound + done))
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard complete else { throw SafetensorsError(url: url, message: "could not read tensor '\(name)'") }
        #if _endian(big)
            out = out.map { Float(bitPattern: $0.bitPattern.byteSwapped) }
        #endif
        return out
    }
}

/// A safetensors file that cannot be used, and why.
public struct SafetensorsError: Error, CustomStringConvertible, Sendable {
    public let url: URL
    public let message: String

    public var description: String { "\(url.path): \(message)" }
}
