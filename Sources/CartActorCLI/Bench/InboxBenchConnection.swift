import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection posting pre-signed activities (plain NIO, like
/// `BenchHTTPConnection`, which only sends forms): one per sending task, so the bench really runs
/// at its concurrency instead of queueing behind an HTTP client's small per-host pool.
struct InboxBenchConnection {
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    /// Connects, runs `body` with the connection, closes it.
    static func with<T: Sendable>(host: String, port: Int, _ body: (inout InboxBenchConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = InboxBenchConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    /// POSTs `body` to `path` with `headers` (which must include `Host`); returns the status.
    mutating func post(_ path: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: body))), .end(nil)])
        var status = 0
        while let part = try await inbound.next() {
            switch part {
            case let .head(responseHead): status = Int(responseHead.status.code)
            case .body: continue
            case .end: return status
            }
        }
        throw BenchError.connectionClosed
    }
}
