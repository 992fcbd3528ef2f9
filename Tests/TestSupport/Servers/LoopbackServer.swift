import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A real HTTP/1.1 server on 127.0.0.1 at a free port, answering with a test's closure, for
/// the lifetime of one `run` call. Tests never send traffic off loopback.
public struct LoopbackServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The loopback address it listens on (127.0.0.1 unless `run(host:)` said otherwise).
    public var host: String = "127.0.0.1"

    /// `http://HOST:PORT` plus `path`.
    public func url(_ path: String = "/") -> URL {
        URL(string: "http://\(host):\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// Runs a server answering with `handler` while `body` runs, then stops it. `host` must be a
    /// loopback address (the end-to-end suite gives each process its own 127.0.0.x); port 0 picks one.
    public static func run<Result: Sendable>(
        host: String = "127.0.0.1", port requestedPort: Int = 0,
        handler: @escaping @Sendable (ServerRequest) async -> ServerResponse,
        _ body: (LoopbackServer) async throws -> Result
    ) async throws -> Result {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let responder = ClosureResponder.make(handler)
        var logger = Logger(label: "loopback-test-server")
        logger.logLevel = .critical  // cancelling the server at the end of a test logs errors by design
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: requestedPort)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // Ends the port stream when the server stops, so a server that fails before it
            // listens (or is cancelled) ends the wait below instead of leaving it forever.
            group.addTask {
                defer { continuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw LoopbackServerError.didNotStart
            }
            do {
                let result = try await body(LoopbackServer(port: port, host: host))
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

/// The test server could not start.
public enum LoopbackServerError: Error {
    /// No port was reported.
    case didNotStart
}
