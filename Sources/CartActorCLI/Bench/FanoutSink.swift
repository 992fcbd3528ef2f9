import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The bench's receiving end: a Hummingbird server on 127.0.0.1 answering every `POST` with 202
/// without verifying anything (it stands for N healthy followers), counting what it received.
enum FanoutSink {
    /// A running sink: its port and its received-request counter.
    struct Running: Sendable {
        let port: Int
        let received: Counter

        /// The inbox URL of follower `index`.
        func inbox(_ index: Int) -> String { "http://127.0.0.1:\(port)/inbox/\(index)" }
        /// The actor IRI of follower `index`.
        func actor(_ index: Int) -> String { "http://127.0.0.1:\(port)/actors/\(index)" }
    }

    /// Counts POSTs received (read by the bench after each phase).
    final class Counter: @unchecked Sendable {
        // Safe: `value` is only touched while holding `lock` (Atomic needs macOS 15).
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    /// Runs a sink while `body` runs, then stops it.
    static func with<T: Sendable>(_ body: @escaping @Sendable (Running) async throws -> T) async throws -> T {
        let received = Counter()
        let router = Router()
        router.post("inbox/:n") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            received.increment()
            return Response(status: .accepted)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "cart-actor.bench.sink")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask { try await group.run(); return nil }
            tasks.addTask {
                defer { Task { await group.triggerGracefulShutdown() } }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next(), port > 0 else { throw BenchError.setup("the sink did not start") }
                return try await body(Running(port: port, received: received))
            }
            var result: T?
            for try await value in tasks { if let value { result = value } }
            guard let result else { throw BenchError.setup("the sink stopped before the benchmark ended") }
            return result
        }
    }
}
