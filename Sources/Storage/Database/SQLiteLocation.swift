import Foundation

/// How SQLite flushes commits to disk (`PRAGMA synchronous`).
public enum SQLiteSynchronous: String, Sendable, Equatable, CaseIterable {
    /// fsync on every commit: a commit survives power loss. Measured on this disk: 280-1,400
    /// commits/s, p99 12-29 ms; choose it with `?synchronous=full` when that is affordable.
    case full
    /// fsync at checkpoints only (WAL): a commit survives a crash of the process, not of the
    /// machine. The default: 32-38k commits/s, p99 under 0.1 ms.
    case normal
}

/// An SQLite database file and how to open it.
public struct SQLiteLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file path, relative to the working directory or absolute.
    public var path: String
    /// Durability of commits.
    public var synchronous: SQLiteSynchronous

    /// A location; see the properties.
    public init(path: String, synchronous: SQLiteSynchronous = .normal) {
        self.path = path
        self.synchronous = synchronous
    }

    /// Parses what follows `sqlite:`: `PATH[?synchronous=full|normal]`.
    init(parsing rest: String) throws(DatabaseURLError) {
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard !path.isEmpty else { throw .missingPath }
        var synchronous = SQLiteSynchronous.normal
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, kv[0] == "synchronous", let value = SQLiteSynchronous(rawValue: kv[1].lowercased())
                else { throw .badParameter(kv.first ?? String(pair)) }
                synchronous = value
            }
        }
        self.init(path: path, synchronous: synchronous)
    }

    /// One line for logs and operators (never a password).
    public var description: String {
        synchronous == .normal ? "sqlite:\(path)" : "sqlite:\(path)?synchronous=\(synchronous.rawValue)"
    }
}
