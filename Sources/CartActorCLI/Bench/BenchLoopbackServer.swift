import Hummingbird
import Logging
import ServiceLifecycle

/// A benchmark's helper server: `router` on 127.0.0.1 at a free port while `body` runs, then
/// stopped. Shared by the fan-out sink and the inbox bench's peers.
enum BenchLoopbackServer {
    /// Serves `router` (named `name` in errors) and passes the port to `body`.
    static func with<T: Sendable>(_ router: Router<BasicRequestContext>, name: String,
                                  _ body: @escaping @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "cart-actor.bench.\(name)")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask { try await group.run(); return nil }
            tasks.addTask {
                defer { Task { await group.triggerGracefulShutdown() } }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next(), port > 0 else { throw BenchError.setup("the \(name) did not start") }
                return try await body(port)
            }
            var result: T?
            for try await value in tasks { if let value { result = value } }
            guard let result else { throw BenchError.setup("the \(name) stopped before the benchmark ended") }
            return result
        }
    }
}
