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

    /// `http://127.0.0.1:PORT` plus `path`.
    public func url(_ path: String = "/") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// Runs a server answering with `handler` while `body` runs, then stops it.
    public static func run<Result: Sendable>(
        handler: @escaping @Sendable (ServerRequest) async -> ServerResponse,
        _ body: (LoopbackServer) async throws -> Result
    ) async throws -> Result {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            let seen = ServerRequest(
                method: request.method.rawValue, path: request.uri.description,
                headers: (request.head.authority.map { [("Host", $0)] } ?? []) + request.headers.map { ($0.name.rawName, $0.value) },
                body: Array(buffer: bytes))
            let answer = await handler(seen)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return Response(
                status: .init(code: answer.status), headers: fields,
                body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        var logger = Logger(label: "loopback-test-server")
        logger.logLevel = .critical  // cancelling the server at the end of a test logs errors by design
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw LoopbackServerError.didNotStart
            }
            do {
                let result = try await body(LoopbackServer(port: port))
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
