import AsyncHTTPClient
import Foundation
import NIOPosix

/// `cart-actor demo` running as a child process in a temporary folder on a free port.
final class DemoProcess: Sendable {
    let baseURL: String
    let folder: URL
    private let process: Process
    private let output: URL

    /// The built executable: `CART_ACTOR_BINARY` (scripts/test sets it) or `.build/debug/cart-actor`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CART_ACTOR_BINARY"] { return URL(fileURLWithPath: path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cart-actor")
    }

    private init(baseURL: String, folder: URL, process: Process, output: URL) {
        self.baseURL = baseURL
        self.folder = folder
        self.process = process
        self.output = output
    }

    /// Starts the demo and waits until `/healthz` answers 200 (at most 30 s).
    static func start(arguments: [String] = [], environment: [String: String] = [:]) async throws -> DemoProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cart-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try await freePort()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["demo", "--bind", "127.0.0.1:\(port)"] + arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CART_") && !$0.key.hasPrefix("SUMUP_") }
        env.merge(environment) { $1 }
        process.environment = env
        let output = folder.appendingPathComponent("demo.log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let demo = DemoProcess(baseURL: "http://127.0.0.1:\(port)", folder: folder, process: process, output: output)
        try await demo.waitUntilHealthy()
        return demo
    }

    /// What the process printed so far.
    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// Stops the process (SIGTERM, then SIGKILL after 5 s) and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether the process is still running (and, after `stop`, how it ended).
    var isRunning: Bool { process.isRunning }
    var exitStatus: Int32 { process.terminationStatus }

    private func waitUntilHealthy() async throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw LiveTestError.exited(log) }
            var request = HTTPClientRequest(url: baseURL + "/healthz")
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(1)), response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LiveTestError.notHealthy(log)
    }

    private static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// Why a live test could not drive the process.
enum LiveTestError: Error, CustomStringConvertible {
    case exited(String)
    case notHealthy(String)
    case unexpected(String)

    var description: String {
        switch self {
        case let .exited(log): "cart-actor exited early:\n\(log)"
        case let .notHealthy(log): "cart-actor did not become healthy in 30 s:\n\(log)"
        case let .unexpected(what): what
        }
    }
}
