import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// One run of a receiver's HTTP server on a fixed loopback port; `stop` ends it.
final class ReceiverServer: Sendable {
    private let task: Task<Void, any Error>

    private init(task: Task<Void, any Error>) { self.task = task }

    /// Serves `handler` on 127.0.0.1:`port` until `stop`.
    static func start(port: Int, handler: @escaping @Sendable (ServerRequest) async -> ServerResponse) async throws -> ReceiverServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let responder = ClosureResponder.make(handler)
        var logger = Logger(label: "outbox-test-receiver")
        logger.logLevel = .critical  // stopping a server mid-request logs errors by design
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        let started = await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                var iterator = ports.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let started, started == port else {
            task.cancel()
            throw LoopbackServerError.didNotStart
        }
        return ReceiverServer(task: task)
    }

    /// Stops the server and waits for it to close its socket.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// A port that was free a moment ago (bound to 127.0.0.1:0, then closed).
    static func freePort() async throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError.didNotStart }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw LoopbackServerError.didNotStart }
        return Int(UInt16(bigEndian: address.sin_port))
        #else
        throw LoopbackServerError.didNotStart
        #endif
    }
}
