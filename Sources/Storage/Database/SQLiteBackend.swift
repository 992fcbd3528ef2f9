import Foundation
import Logging
import SQLiteKit

/// SQLite in WAL mode: one writer connection behind an `AsyncLock` (each write is one
/// `BEGIN IMMEDIATE` transaction), and a few reader connections that run beside it.
final class SQLiteBackend: Sendable {
    /// Milliseconds a connection waits for another process's lock before "database is locked".
    static let busyTimeoutMilliseconds = 5_000
    /// Reader connections opened per database.
    static let readerCount = 4

    let location: SQLiteLocation
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let readers: ConnectionLender<SQLiteConnection>
    private let logger: Logger

    private init(location: SQLiteLocation, writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.location = location
        self.writer = writer
        self.readers = ConnectionLender(readers)
        self.logger = logger
    }

    /// Opens (creating if needed) the file and configures every connection.
    static func open(_ location: SQLiteLocation, logger: Logger) async throws -> SQLiteBackend {
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await connect(location, logger: logger, readOnly: false)
            opened.append(writer)
            for _ in 0..<readerCount {
                opened.append(try await connect(location, logger: logger, readOnly: true))
            }
            return SQLiteBackend(location: location, writer: writer, readers: Array(opened.dropFirst()), logger: logger)
        } catch {
            for connection in opened { try? await connection.close() }
            throw DatabaseError(.cannotOpen, "cannot open SQLite database \(location.path): \(error)")
        }
    }

    private static func connect(_ location: SQLiteLocation, logger: Logger, readOnly: Bool) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: location.path), logger: logger)
        do {
            // busy_timeout replaces SQLiteNIO's spinning busy handler with SQLite's sleeping one.
            _ = try await connection.query("PRAGMA busy_timeout = \(busyTimeoutMilliseconds)")
            if !readOnly { _ = try await connection.query("PRAGMA journal_mode = WAL") }
            _ = try await connection.query("PRAGMA foreign_keys = ON")
            _ = try await connection.query("PRAGMA synchronous = \(location.synchronous.rawValue.uppercased())")
            if readOnly { _ = try await connection.query("PRAGMA query_only = ON") }
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// One `BEGIN IMMEDIATE` transaction on the writer connection.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        return try await writeLock.withLock {
            try await Self.transaction(on: writer, begin: "BEGIN IMMEDIATE", body)
        }
    }

    /// One deferred (read) transaction on a reader connection: a consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = await readers.borrow()
        do {
            let result = try await Self.transaction(on: connection, begin: "BEGIN", body)
            await readers.giveBack(connection)
            return result
        } catch {
            await readers.giveBack(connection)
            throw error
        }
    }

    private static func transaction<T: Sendable>(
        on connection: SQLiteConnection, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        _ = try await connection.query(begin)
        do {
            let result = try await body(connection.sql())
            _ = try await connection.query("COMMIT")
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    /// A trivial query on a reader.
    func ping() async throws {
        _ = try await read { try await $0.raw("SELECT 1 AS one").all() }
    }

    /// Closes every connection (waits for running transactions to finish first).
    func close() async {
        let writer = self.writer
        _ = try? await writeLock.withLock { try? await writer.close() }
        for _ in 0..<Self.readerCount {
            let reader = await readers.borrow()
            try? await reader.close()
        }
    }
}
