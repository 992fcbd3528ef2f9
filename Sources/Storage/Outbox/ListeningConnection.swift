import PostgresNIO
import Synchronization

/// The LISTEN connection of `OutboxNotifications`, so that a shutdown can close it: closing
/// ends its notification sequence whatever state PostgresNIO's `listen` is in.
final class ListeningConnection: Sendable {
    private struct State {
        var connection: PostgresConnection?
        var stopped = false
    }

    private let state = Mutex(State())

    /// True once `stop()` was called.
    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Takes `connection` as the current one; false when already stopped (the caller closes it).
    func adopt(_ connection: PostgresConnection) -> Bool {
        state.withLock { state in
            guard !state.stopped else { return false }
            state.connection = connection
            return true
        }
    }

    /// Stops listening: closes the current connection; later connections are refused.
    func stop() {
        let connection = state.withLock { state -> PostgresConnection? in
            state.stopped = true
            defer { state.connection = nil }
            return state.connection
        }
        if let connection { Task { try? await connection.close() } }
    }
}
