public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on 127.0.0.1 (a free port) whose answers a test scripts, including the
/// faults real servers produce: delays, dropped connections, bodies cut short. Every request
/// is logged in arrival order, so a test can prove what was (and was not) asked.
///
/// Stop it with ``stop()`` before the test ends; it never listens beyond loopback.
public final class FakeHTTPServer: Sendable {
    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        /// The path with any query string, for example `/v1/embeddings`.
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: Data

        /// The body parsed as a JSON object, or `nil`.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    /// What to do with a request.
    public enum Reply: Sendable {
        /// Answer after `delay`.
        case respond(status: Int, headers: [String: String] = [:], body: Data, delay: Duration = .zero)
        /// Close the connection without answering, after `delay`.
        case dropConnection(delay: Duration = .zero)
        /// Send the status, headers and a `content-length` for the whole body, then only the
        /// first `keepBytes` bytes of it, then close.
        case truncated(status: Int, body: Data, keepBytes: Int)

        /// An OpenAI-compatible chat completion whose message is `text` (finish reason `stop`).
        public static func chatCompletion(_ text: String) -> Reply {
            let content = (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            return .json(
                #"{"id":"c","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":\#(content)}}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}"#)
        }

        /// A one-token judge verdict: the message is `token`, and its `top_logprobs` give it
        /// log-probability −0.05 and `runnerUp` −3 (llama.cpp's and vLLM's shape; finish reason
        /// `length`, as with `max_tokens: 1`).
        public static func judgeVerdict(_ token: String, runnerUp: String) -> Reply {
            .json(
                #"{"id":"chatcmpl-judge","object":"chat.completion","created":0,"model":"fake-judge","choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":"\#(token)"},"logprobs":{"content":[{"token":"\#(token)","logprob":-0.05,"bytes":null,"top_logprobs":[{"token":"\#(token)","logprob":-0.05,"bytes":null},{"token":"\#(runnerUp)","logprob":-3.0,"bytes":null}]}]}}],"usage":{"prompt_tokens":40,"completion_tokens":1,"total_tokens":41}}"#)
        }

        /// A JSON answer from text.
        public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:], delay: Duration = .zero) -> Reply {
            .respond(status: status, headers: headers.merging(["content-type": "application/json"]) { a, _ in a }, body: Data(text.utf8), delay: delay)
        }
    }

    public typealias Handler = @Sendable (Request) async -> Reply

    private let channel: any Channel
    private let requests = Mutex<[Request]>([])

    /// The bound port on 127.0.0.1.
    public let port: Int

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request so far, in arrival order.
    public var log: [Request] { requests.withLock { $0 } }

    /// Starts a server that answers every request with `handler`.
    /// - Parameter port: the port to listen on; 0 (the default) takes a free one. A test that
    ///   restarts a server under the same URL passes the port of the one it stopped.
    public static func start(port: Int = 0, handler: @escaping Handler) async throws -> FakeHTTPServer {
        let recorder = Recorder()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                    channel.pipeline.addHandler(ExchangeHandler(handler: handler, recorder: recorder))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        let server = FakeHTTPServer(channel: channel, port: channel.localAddress?.port ?? 0)
        recorder.server.withLock { $0 = server }
        return server
    }

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    fileprivate func record(_ request: Request) {
        requests.withLock { $0.append(request) }
    }

    /// Stops listening and closes the listening socket.
    public func stop() async throws {
        try await channel.close()
    }
}

/// Lets handlers created before the server object exists log into it.
private final class Recorder: Sendable {
    let server = Mutex<FakeHTTPServer?>(nil)

    func record(_ request: FakeHTTPServer.Request) {
        let target = server.withLock { $0 }
        target?.record(request)
    }
}

private final class ExchangeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    // Touched only on the channel's event loop.
    private var head: HTTPRequestHead?
    private var body = Data()
    private let handler: FakeHTTPServer.Handler
    private let recorder: Recorder

    init(handler: @escaping FakeHTTPServer.Handler, recorder: Recorder) {
        self.handler = handler
        self.recorder = recorder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let head else { return }
            var headers: [String: String] = [:]
            for header in head.headers { headers[header.name.lowercased()] = header.value }
            let request = FakeHTTPServer.Request(method: head.method.rawValue, path: head.uri, headers: headers, body: body)
            recorder.record(request)
            let handler = self.handler
            let loop = context.eventLoop
            let bound = NIOLoopBound(context, eventLoop: loop)
            let promise = loop.makePromise(of: FakeHTTPServer.Reply.self)
            promise.completeWithTask {
                let reply = await handler(request)
                switch reply {
                case .respond(_, _, _, let delay) where delay > .zero: try? await Task.sleep(for: delay)
                case .dropConnection(let delay) where delay > .zero: try? await Task.sleep(for: delay)
                default: break
                }
                return reply
            }
            promise.futureResult.whenSuccess { reply in
                Self.write(reply, context: bound.value, keepAlive: head.isKeepAlive)
            }
        }
    }

    private static func write(_ reply: FakeHTTPServer.Reply, context: ChannelHandlerContext, keepAlive: Bool) {
        switch reply {
        case .respond(let status, let headers, let body, _):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            head.headers.replaceOrAdd(name: "content-length", value: String(body.count))
            if !keepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
            context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
            if !keepAlive {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        case .dropConnection:
            context.close(promise: nil)
        case .truncated(let status, let body, let keepBytes):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            head.headers.add(name: "content-type", value: "application/json")
            head.headers.add(name: "content-length", value: String(body.count))
            context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
            let part = ByteBuffer(bytes: body.prefix(max(0, min(keepBytes, body.count))))
            let channel = context.channel
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(part)))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
