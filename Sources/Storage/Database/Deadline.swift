/// Runs `body`, throwing `DatabaseError` (`.unreachable`) if it takes longer than `limit`; the
/// pool may otherwise wait for a server that is down for as long as it is down.
func withDeadline<T: Sendable>(_ limit: Duration, _ what: String,
                               _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DatabaseError(.unreachable, "\(what) got no answer within \(limit)")
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}
