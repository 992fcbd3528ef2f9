import ActorIdentity
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Storage
import TestSupport

/// Builds the real app over a fresh test database and runs `body` against it in process.
enum TestApp {
    /// The demo-like base URL every test app uses.
    static let base = "http://127.0.0.1:8080"
    /// A sibling origin configured in every test app.
    static let sibling = "https://market.example"

    /// The actor's keys, generated once per run (RSA generation is slow).
    static let keysDirectory: Result<String, any Error> = Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("server-tests-keys-\(UUID().uuidString)")
        return try ActorKeyring.generate(in: url).directory.path
    }

    static let logger: Logger = {
        var logger = Logger(label: "cart-actor.tests.server")
        logger.logLevel = ProcessInfo.processInfo.environment["CART_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }()

    /// A configuration for tests: demo mode unless `mode` says otherwise, a fixed secret,
    /// one sibling origin, generous limits.
    static func configuration(_ mode: AppConfiguration.Mode = .demo) -> AppConfiguration {
        var configuration = AppConfiguration(mode: mode)
        configuration.baseURL = base
        configuration.bindPort = 0
        configuration.databaseURL = "sqlite:unused-by-tests"
        configuration.keysDirectory = try? keysDirectory.get()
        configuration.secret = "test-secret-test-secret-test-secret-0123456789"
        configuration.siblingOrigins = [sibling]
        configuration.allowPrivateNetworks = true
        configuration.limits.sessionCreation = RateLimit(count: 1_000, perSeconds: 60)
        configuration.limits.loginCallback = RateLimit(count: 1_000, perSeconds: 60)
        return configuration
    }

    /// Runs `body` with a router-level test client of an app built from `configuration`.
    static func run(_ backend: Backend, _ configuration: AppConfiguration = configuration(),
                    setup: TestingSetup = .router,
                    prepare: (Database) async throws -> Void = { _ in },
                    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            try await prepare(database)
            let app = try await buildApplication(configuration: configuration, database: database, logger: logger)
            try await app.test(setup) { client in try await body(client) }
        }
    }
}
