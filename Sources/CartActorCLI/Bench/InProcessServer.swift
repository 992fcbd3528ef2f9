import Foundation
import Hummingbird
import Logging
import NIOPosix
import Server
import ServiceLifecycle

/// Runs the real application (as `serve` would build it) inside the benchmark process, on a
/// free loopback port with a throwaway database, for the length of `body`.
enum InProcessServer {
    static func with<T: Sendable>(_ configuration: AppConfiguration,
                                  _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let app = try await buildApplication(configuration: configuration)
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "bench"))
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask { try await group.run(); return nil }
            tasks.addTask {
                defer { Task { await group.triggerGracefulShutdown() } }
                try await waitUntilListening(host: configuration.bindHost, port: configuration.bindPort)
                return try await body()
            }
            var result: T?
            for try await value in tasks { if let value { result = value } }
            guard let result else { throw BenchError.setup("the server stopped before the benchmark ended") }
            return result
        }
    }

    /// Polls until a TCP connection succeeds (at most 10 s).
    static func waitUntilListening(host: String, port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: host, port: port).get() {
                try? await channel.close()
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchError.setup("the server did not listen on \(host):\(port) within 10 s")
    }

    /// A free loopback port, found by binding port 0 and closing.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
