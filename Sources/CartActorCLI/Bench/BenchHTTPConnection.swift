import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 client connection for load generation: plain NIO, so the generator
/// spends little of the CPU it shares with the server under test. Used by one task at a time.
struct BenchHTTPConnection {
    /// A response as the benchmark needs it.
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private let hostHeader: String

    /// Connects, runs `body` with the connection, closes it.
    static func with<T: Sendable>(host: String, port: Int,
                                  _ body: (inout BenchHTTPConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = BenchHTTPConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound,
                                                 hostHeader: "\(host):\(port)")
            return try await body(&connection)
        }
    }

    /// Sends one request and reads its whole response (no pipelining).
    mutating func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [],
                       form: String? = nil) async throws -> Response {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: hostHeader)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let form {
            head.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            head.headers.add(name: "Content-Length", value: String(form.utf8.count))
        }
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let form { parts.append(.body(.byteBuffer(ByteBuffer(string: form)))) }
        parts.append(.end(nil))
        // One write and one flush per request: the generator shares the CPU with the server.
        try await outbound.write(contentsOf: parts)

        var status = 0
        var responseHeaders = HTTPHeaders()
        var collected = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case let .head(responseHead):
                status = Int(responseHead.status.code)
                responseHeaders = responseHead.headers
            case var .body(buffer):
                collected.writeBuffer(&buffer)
            case .end:
                return Response(status: status, headers: responseHeaders, body: String(buffer: collected))
            }
        }
        throw BenchError.connectionClosed
    }
}

/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
    case connectionClosed
    case setup(String)

    var description: String {
        switch self {
        case .connectionClosed: "the server closed a benchmark connection"
        case let .setup(why): "benchmark setup failed: \(why)"
        }
    }
}
