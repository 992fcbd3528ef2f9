/// Lends a fixed set of connections one caller at a time, first come first served (SQLite
/// reader connections: a read transaction owns its connection until it ends).
actor ConnectionLender<Connection: Sendable> {
    private var available: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []

    /// A lender of `connections`.
    init(_ connections: [Connection]) { self.available = connections }

    /// A connection, waiting until one is free.
    func borrow() async -> Connection {
        if let connection = available.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Returns a borrowed connection.
    func giveBack(_ connection: Connection) {
        if waiters.isEmpty {
            available.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// All idle connections, taken for closing.
    func drain() -> [Connection] {
        defer { available = [] }
        return available
    }
}
