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
        return try await BenchLoopbackServer.with(router, name: "sink") { port in
            try await body(Running(port: port, received: received))
        }
    }
}
