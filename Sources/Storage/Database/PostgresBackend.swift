import Foundation
import Logging
import PostgresKit
import PostgresNIO

/// PostgreSQL through PostgresNIO's `PostgresClient` pool; each write or read leases one
/// connection for one `BEGIN … COMMIT` transaction.
final class PostgresBackend: Sendable {
    let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
        // `immediate`: `run()` marks the client running before its first suspension, so that
        // happens before this init returns and no lease can come first (PostgresNIO warns then).
        self.runTask = Task.immediate { await client.run() }
    }

    /// Checks the server with one direct connection (for a clear reason when it fails), then
    /// starts the pool.
    static func open(_ location: PostgresLocation, logger: Logger) async throws -> PostgresBackend {
        let check: PostgresConnection
        do {
            check = try await PostgresConnection.connect(configuration: try connectionConfiguration(location),
                                                         id: 0, logger: logger)
        } catch {
            throw DatabaseError(.unreachable, "cannot reach PostgreSQL at \(location): \(explain(error))")
        }
        do {
            try await check.query("SELECT 1", logger: logger)
            try? await check.close()
        } catch {
            try? await check.close()
            throw DatabaseError(.unreachable, "PostgreSQL at \(location) refused a query: \(explain(error))")
        }
        return PostgresBackend(client: PostgresClient(configuration: try clientConfiguration(location),
                                                      backgroundLogger: logger), logger: logger)
    }

    /// One `BEGIN … COMMIT` on a leased connection; ROLLBACK when `body` throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", body)
    }

    /// A read-only repeatable-read transaction: one consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T: Sendable>(begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
            do {
                let result = try await body(connection.sql())
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// A trivial query.
    func ping() async throws {
        try await client.withConnection { try await $0.query("SELECT 1", logger: logger) }
    }

    /// Stops the pool (its run task ends; open connections close).
    func close() async {
        runTask.cancel()
        await runTask.value
    }

    /// One line about a PostgresNIO error without secrets: the server's message when it sent one.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }

    static func connectionConfiguration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
        case .require: .require(try .init(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password, database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    private static func clientConfiguration(_ location: PostgresLocation) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password, database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    /// `search_path` travels in the startup message, so every pooled connection uses the schema.
    private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        location.schema.map { [("search_path", $0)] } ?? []
    }
}
