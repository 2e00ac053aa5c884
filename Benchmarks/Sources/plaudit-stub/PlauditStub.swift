import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback stand-in for a vLLM reward-model server, for throughput benchmarks.
///
/// `POST /pooling` answers with vLLM's exact response shape and a score derived from the
/// request body (so a wrong mapping shows). With `--slots N --latency-ms L` it behaves like a
/// server of fixed capacity: at most N requests are "computed" at once, each for L ms, the rest
/// wait in FIFO order — N × 1000 / L requests per second at most. `GET /stats` reports how
/// many requests were answered. Binds 127.0.0.1 only; prints the port on the first line.
///
///     plaudit-stub [--port P] [--threads T] [--slots N --latency-ms L]
@main
struct PlauditStub {
    static func main() async throws {
        var port = 0, threads = 1, slots = 0, latency = 0
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next().flatMap(Int.init) else { fail("\(flag) needs a number") }
            switch flag {
            case "--port": port = value
            case "--threads": threads = value
            case "--slots": slots = value
            case "--latency-ms": latency = value
            default: fail("unknown option \(flag)")
            }
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let capacity = Capacity(slots: slots, latency: .milliseconds(Int64(latency)))
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(StubHandler(capacity: capacity))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        FileHandle.standardOutput.write(Data("\(channel.localAddress?.port ?? 0)\n".utf8))
        // Runs until killed (the benchmark script stops it by PID).
        try await channel.closeFuture.get()
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("plaudit-stub: \(message)\n".utf8))
        exit(2)
    }
}

/// Fixed capacity: `slots` requests in service at once, each for `latency`.
final class Capacity: Sendable {
    let slots: Int
    let latency: TimeAmount
    private let state = Mutex<(busy: Int, waiting: [@Sendable () -> Void], served: Int)>((0, [], 0))

    init(slots: Int, latency: TimeAmount) {
        self.slots = slots
        self.latency = latency
    }

    var served: Int { state.withLock { $0.served } }

    /// Runs `work` once a slot is free and `latency` has passed; frees the slot after.
    func serve(on loop: any EventLoop, _ work: @escaping @Sendable () -> Void) {
        guard slots > 0 else {
            state.withLock { $0.served += 1 }
            work()
            return
        }
        let start: @Sendable () -> Void = { [self] in
            loop.scheduleTask(in: latency) {
                work()
                let next: (@Sendable () -> Void)? = self.state.withLock { s in
                    s.served += 1
                    if s.waiting.isEmpty { s.busy -= 1; return nil }
                    return s.waiting.removeFirst()
                }
                next?()
            }
        }
        let now = state.withLock { s -> Bool in
            if s.busy < slots { s.busy += 1; return true }
            s.waiting.append(start)
            return false
        }
        if now { start() }
    }
}

final class StubHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let capacity: Capacity
    private var head: HTTPRequestHead?
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init(capacity: Capacity) {
        self.capacity = capacity
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            hash = 0xcbf2_9ce4_8422_2325
        case .body(let buffer):
            // FNV-1a over the body: the score depends on what was asked.
            buffer.withUnsafeReadableBytes { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
        case .end:
            guard let head else { return }
            let body: String
            if head.uri == "/stats" {
                body = #"{"served":\#(capacity.served)}"#
                respond(context: context, body: body, keepAlive: head.isKeepAlive)
                return
            }
            let score = Double(hash % 1_000_000) / 100_000 - 5
            body = #"{"id":"pool-1","object":"list","created":0,"model":"stub","data":[{"index":0,"object":"pooling","data":[\#(score)]}],"usage":{"prompt_tokens":41,"total_tokens":41,"completion_tokens":0,"prompt_tokens_details":null}}"#
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let keepAlive = head.isKeepAlive
            capacity.serve(on: context.eventLoop) {
                Self.respondBound(bound, body: body, keepAlive: keepAlive)
            }
        }
    }

    private static func respondBound(_ bound: NIOLoopBound<ChannelHandlerContext>, body: String, keepAlive: Bool) {
        let context = bound.value
        var head = HTTPResponseHead(version: .http1_1, status: .ok)
        head.headers.add(name: "content-type", value: "application/json")
        head.headers.add(name: "content-length", value: String(body.utf8.count))
        if !keepAlive { head.headers.add(name: "connection", value: "close") }
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
    }

    private func respond(context: ChannelHandlerContext, body: String, keepAlive: Bool) {
        Self.respondBound(NIOLoopBound(context, eventLoop: context.eventLoop), body: body, keepAlive: keepAlive)
    }
}
