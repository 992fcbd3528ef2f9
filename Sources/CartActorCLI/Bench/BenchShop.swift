import Foundation
import Server

/// The demo shop a cart or checkout benchmark drives: a fresh temp folder, a free port and a demo
/// configuration with cart creation unthrottled (every benchmark connection is a new buyer).
struct BenchShop {
    /// Where the benchmark's SQLite file lives; removed by `cleanUp()`.
    let folder: URL
    /// The in-process server's port.
    let port: Int
    /// The server's configuration; callers adjust payment settings before starting it.
    var config: AppConfiguration

    /// The shop's public origin.
    var base: String { "http://127.0.0.1:\(port)" }
    /// A sibling origin allowed to post add-to-cart forms.
    static let sibling = "http://bench-sibling.invalid"

    /// A shop on `database`, or on a fresh SQLite file in a new temp folder named after `name`.
    init(name: String, database: String?) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try await InProcessServer.freePort()
        config = AppConfiguration(mode: .demo)
        config.baseURL = "http://127.0.0.1:\(port)"
        config.bindHost = "127.0.0.1"
        config.bindPort = port
        config.databaseURL = database ?? "sqlite:\(folder.appendingPathComponent("bench.sqlite").path)"
        // Bench-only secret: a throwaway shop in a temp folder, never a deployment.
        config.secret = String(repeating: "b", count: 48)
        config.siblingOrigins = [Self.sibling]
        config.limits.sessionCreation = .init(count: 1_000_000, perSeconds: 1)
    }

    /// The load target for `productPath` (a demo product) of this shop.
    func target(productPath: String) -> CartLoad.Target {
        .init(host: "127.0.0.1", port: port, baseOrigin: base, siblingOrigin: Self.sibling,
              productIRI: "\(base)\(productPath)")
    }

    /// Removes the temp folder.
    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
