import Foundation
import Logging
import SQLiteKit

/// SQLite in WAL mode: one writer connection behind an `AsyncLock` (each write is one
/// `BEGIN IMMEDIATE` transaction), a few reader connections that run beside it, and a
/// checkpointer that keeps WAL checkpoints off the writer (see `SQLiteCheckpointer`).
final class SQLiteBackend: Sendable {
    /// Milliseconds a connection waits for another process's lock before "database is locked".
    static let busyTimeoutMilliseconds = 5_000
    /// Reader connections opened per database.
    static let readerCount = 4

    let location: SQLiteLocation
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let readers: ConnectionLender<SQLiteConnection>
    private let checkpointer: SQLiteCheckpointer
    private let logger: Logger

    private init(location: SQLiteLocation, writer: SQLiteConnection, readers: [SQLiteConnection],
                 checkpointer: SQLiteCheckpointer, logger: Logger) {
        self.location = location
        self.writer = writer
        self.readers = ConnectionLender(readers)
        self.checkpointer = checkpointer
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
            let checkpointer = try await SQLiteCheckpointer.open(location, logger: logger)
            return SQLiteBackend(location: location, writer: writer, readers: Array(opened.dropFirst()),
                                 checkpointer: checkpointer, logger: logger)
        } catch {
            for connection in opened { await Self.closeEvenIfCancelled(connection) }
            throw DatabaseError(.cannotOpen, "cannot open SQLite database \(location.path): \(error)")
        }
    }

    private static func connect(_ location: SQLiteLocation, logger: Logger, readOnly: Bool) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: location.path), logger: logger)
        do {
            // busy_timeout replaces SQLiteNIO's spinning busy handler with SQLite's sleeping one.
            _ = try await connection.query("PRAGMA busy_timeout = \(busyTimeoutMilliseconds)")
            if !readOnly {
                _ = try await connection.query("PRAGMA journal_mode = WAL")
                _ = try await connection.query("PRAGMA wal_autocheckpoint = \(SQLiteCheckpointer.writerAutocheckpointPages)")
            }
            _ = try await connection.query("PRAGMA foreign_keys = ON")
            _ = try await connection.query("PRAGMA synchronous = \(location.synchronous.rawValue.uppercased())")
            if readOnly { _ = try await connection.query("PRAGMA query_only = ON") }
            return connection
        } catch {
            await Self.closeEvenIfCancelled(connection)
            throw error
        }
    }

    /// One `BEGIN IMMEDIATE` transaction on the writer connection.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        let result = try await writeLock.withLock {
            try await Self.transaction(on: writer, begin: "BEGIN IMMEDIATE", body)
        }
        checkpointer.committed()
        return result
    }

    /// Statements on the writer connection in autocommit mode, each its own transaction.
    func writeStatements<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        let result = try await writeLock.withLock { try await body(writer.sql()) }
        checkpointer.committed()
        return result
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
        try await beginTransaction(begin, on: connection)
        do {
            let result = try await body(connection.sql())
            _ = try await connection.query("COMMIT")
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    /// Starts a transaction. Another process (a second instance, `cart-actor migrate` beside
    /// `serve`) may hold the write lock past one busy timeout while it runs a long migration;
    /// `BEGIN` is retried until `beginPatience` before "database is locked" reaches the caller.
    private static func beginTransaction(_ statement: String, on connection: SQLiteConnection) async throws {
        let deadline = ContinuousClock.now + beginPatience
        while true {
            do {
                _ = try await connection.query(statement)
                return
            } catch let error as SQLiteError where [.busy, .busyTimeout].contains(error.reason) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// How long `BEGIN` keeps retrying a busy database (each try already waits `busy_timeout`).
    static let beginPatience: Duration = .seconds(30)

    /// A trivial query on a reader.
    func ping() async throws {
        _ = try await read { try await $0.raw("SELECT 1 AS one").all() }
    }

    /// Closes `connection` through its future-based `close()`: the async one is skipped by
    /// SQLiteNIO's thread pool when the task is cancelled (a shutting-down service group), which
    /// would leave the handle open and trip SQLiteNIO's "not closed before deinitializing" assertion.
    private static func closeEvenIfCancelled(_ connection: SQLiteConnection) async {
        try? await connection.close().get()
    }

    /// Closes every connection (waits for running transactions to finish first).
    func close() async {
        await checkpointer.close()
        let writer = self.writer
        _ = try? await writeLock.withLock { await Self.closeEvenIfCancelled(writer) }
        for _ in 0..<Self.readerCount {
            let reader = await readers.borrow()
            await Self.closeEvenIfCancelled(reader)
        }
    }
}
