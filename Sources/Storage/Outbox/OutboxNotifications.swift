import Foundation
import Logging
import Outbox
import PostgresNIO
import ServiceLifecycle
import SQLKit

/// Prompt wake-up across instances on PostgreSQL (a lifecycle service): LISTENs on
/// `cart_outbox` over its own connection and signals this instance's workers when another
/// instance publishes (the publisher NOTIFYs inside its transaction, so the signal comes at its
/// commit). The payload is the schema, so databases sharing a server do not wake each other.
/// A lost connection is opened again after `reconnectDelay`, with one signal to pick up anything
/// published meanwhile; the workers' poll stays as the fallback. On SQLite it returns at once
/// (one process: the in-process signal is enough).
public struct OutboxNotifications: Service {
    /// The channel the publisher notifies.
    static let channel = "cart_outbox"

    private let database: Database
    private let wakeup: OutboxWakeup
    private let reconnectDelay: Duration
    private let logger: Logger
    private let onListening: @Sendable () async -> Void

    /// A listener signalling `wakeup`; `onListening` runs each time LISTEN is in place (tests
    /// wait for it).
    public init(database: Database, wakeup: OutboxWakeup, reconnectDelay: Duration = .seconds(2),
                logger: Logger = Logger(label: "cart-actor.outbox.notifications"),
                onListening: @escaping @Sendable () async -> Void = {}) {
        self.database = database
        self.wakeup = wakeup
        self.reconnectDelay = reconnectDelay
        self.logger = logger
        self.onListening = onListening
    }

    /// Listens until graceful shutdown or cancellation. Never throws: a service that throws
    /// while the group shuts down makes ServiceLifecycle cancel the whole group, closing the
    /// database under services still using it.
    public func run() async throws {
        guard case .postgres(let location) = database.url else {
            // Nothing to listen to, but a service that returns early stops the whole group.
            try? await gracefulShutdown()
            return
        }
        // Shutdown closes the listening connection instead of relying on task cancellation:
        // cancelling PostgresNIO's `listen` while it is being set up can leave its notification
        // sequence open forever (seen as test apps hanging at shutdown).
        let current = ListeningConnection()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                while !current.isStopped {
                    do {
                        try await listenOnce(location, current)
                    } catch {
                        if current.isStopped { return }
                        logger.warning("outbox notifications lost; listening again soon (polling meanwhile)",
                                       metadata: ["error": "\(PostgresBackend.explain(error))"])
                    }
                    try? await cancelWhenGracefulShutdown { [reconnectDelay] in try await Task.sleep(for: reconnectDelay) }
                }
            } onGracefulShutdown: {
                current.stop()
            }
        } onCancel: {
            current.stop()
        }
    }

    /// One connection: LISTEN, signal once (work published while not listening), then signal on
    /// each notification for this schema until the connection ends or `current` is stopped.
    private func listenOnce(_ location: PostgresLocation, _ current: ListeningConnection) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresBackend.connectionConfiguration(location), id: 1, logger: logger)
        guard current.adopt(connection) else {
            try? await connection.close()
            return
        }
        do {
            let schema = try await currentSchema(connection)
            try await connection.listen(on: Self.channel) { notifications in
                await wakeup.signal()
                await onListening()
                for try await notification in notifications where notification.payload == schema {
                    await wakeup.signal()
                }
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The schema this connection writes to (what the publisher puts in the payload).
    private func currentSchema(_ connection: PostgresConnection) async throws -> String {
        for try await (schema) in try await connection.query("SELECT current_schema()::text", logger: logger).decode(String.self) {
            return schema
        }
        return "public"
    }

    /// Inside a write transaction: tells every instance's listener that there is due work (sent
    /// at commit, dropped on rollback). Nothing on SQLite.
    static func notify(_ dialect: Dialect, in sql: any SQLDatabase) async throws {
        guard dialect == .postgres else { return }
        try await sql.raw("SELECT pg_notify(\(bind: channel), current_schema()::text)").run()
    }
}
