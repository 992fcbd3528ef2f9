import Foundation

/// A PostgreSQL server, database and (optionally) schema.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// Whether to use TLS (`sslmode`, as libpq names it).
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it (the default).
        case prefer
        /// TLS or no connection.
        case require
    }

    /// Server host name or address.
    public var host: String
    /// Server port.
    public var port: Int
    /// Role to log in as.
    public var user: String
    /// Password, if any (never printed).
    public var password: String?
    /// Database name.
    public var database: String
    /// Schema to use instead of `public` (sets `search_path`; tests give each database its own).
    public var schema: String?
    /// TLS use.
    public var tls: TLSMode

    /// A location; see the properties.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                schema: String? = nil, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
    }

    /// Parses `postgres://user:pass@host:port/db?sslmode=…&schema=…`.
    init(parsing text: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text) else { throw .malformed }
        guard let host = components.host, !host.isEmpty else { throw .missingHost }
        guard let user = components.user, !user.isEmpty else { throw .missingUser }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw .missingDatabase }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .badPort }
        var tls = TLSMode.prefer
        var schema: String?
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case let ("sslmode", value?):
                guard let mode = TLSMode(rawValue: value) else { throw .badParameter("sslmode") }
                tls = mode
            case let ("schema", value?):
                guard Self.isPlainIdentifier(value) else { throw .badParameter("schema") }
                schema = value
            default:
                throw .badParameter(item.name)
            }
        }
        self.init(host: host, port: port, user: user.removingPercentEncoding ?? user,
                  password: components.password.map { $0.removingPercentEncoding ?? $0 },
                  database: database.removingPercentEncoding ?? database, schema: schema, tls: tls)
    }

    /// Lower-case letters, digits and underscores, not starting with a digit, at most 63 bytes:
    /// safe to put in `search_path` and `CREATE SCHEMA` unquoted.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        guard (1...63).contains(name.utf8.count), let first = name.unicodeScalars.first,
              !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// One line for logs and operators (never a password).
    public var description: String {
        let secret = password == nil ? "" : ":***"
        var text = "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
        var query: [String] = []
        if tls != .prefer { query.append("sslmode=\(tls.rawValue)") }
        if let schema { query.append("schema=\(schema)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }
}
