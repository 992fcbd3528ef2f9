import Logging
import SQLiteKit
import Synchronization

/// Copies the WAL back into the database file from a connection and thread of its own, so the
/// writer does not. SQLite's automatic checkpoint runs inside the commit that crosses
/// `wal_autocheckpoint` pages, fsyncs twice, and holds every write queued behind that commit:
/// at 1,000 cart changes/s those stalls came every ~0.3 s and made the p99 (docs/BENCHMARKS.md).
/// A PASSIVE checkpoint here runs beside the writer (WAL mode lets it) and waits for nobody.
final class SQLiteCheckpointer: Sendable {
    /// Commits between two checkpoints (each commit adds a few pages to the WAL).
    static let commitsPerCheckpoint = 100
    /// The writer's own automatic checkpoint, left on as a safety net: it only fires when this
    /// checkpointer cannot keep up (a steady write load never leaves the WAL fully copied back).
    static let writerAutocheckpointPages = 10_000

    private struct State {
        var commits = 0
        var running: Task<Void, Never>?
        var closed = false
    }

    private let state = Mutex(State())
    private let connection: SQLiteConnection
    private let threadPool: NIOThreadPool
    private let logger: Logger

    private init(connection: SQLiteConnection, threadPool: NIOThreadPool, logger: Logger) {
        self.connection = connection
        self.threadPool = threadPool
        self.logger = logger
    }

    /// Opens the checkpointer's connection to `location` on a one-thread pool of its own, so a
    /// checkpoint's fsyncs never occupy the threads that run the writer's and readers' statements.
    static func open(_ location: SQLiteLocation, logger: Logger) async throws -> SQLiteCheckpointer {
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        do {
            let connection = try await SQLiteConnection.open(storage: .file(path: location.path), threadPool: threadPool,
                                                             logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
            _ = try? await connection.query("PRAGMA busy_timeout = \(SQLiteBackend.busyTimeoutMilliseconds)")
            return SQLiteCheckpointer(connection: connection, threadPool: threadPool, logger: logger)
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    /// Counts one commit of the writer; every `commitsPerCheckpoint` starts a checkpoint unless
    /// one is still running. Cheap: the writer calls it after every commit.
    func committed() {
        state.withLock { state in
            guard !state.closed else { return }
            state.commits += 1
            guard state.commits >= Self.commitsPerCheckpoint, state.running == nil else { return }
            state.commits = 0
            state.running = Task { await self.checkpoint() }
        }
    }

    private func checkpoint() async {
        do {
            _ = try await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
        } catch {
            // Another process checkpointing, or a full disk: the writer's autocheckpoint still bounds the WAL.
            logger.debug("WAL checkpoint skipped", metadata: ["error": "\(error)"])
        }
        state.withLock { $0.running = nil }
    }

    /// Lets a running checkpoint finish, then closes the connection and its thread.
    func close() async {
        let running = state.withLock { state in
            state.closed = true
            return state.running
        }
        await running?.value
        try? await connection.close().get()
        try? await threadPool.shutdownGracefully()
    }
}
