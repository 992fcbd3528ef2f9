import Foundation

/// An incoming request as the verifier needs it, exactly as received.
public struct ReceivedRequest: Sendable {
    /// HTTP method, e.g. "POST".
    public var method: String
    /// Path and query as on the request line, not decoded ("/inbox?x=1").
    public var path: String
    /// Header lines in arrival order; must include `Host` (the request's authority).
    public var headers: [(String, String)]
    /// The raw body bytes (empty for none).
    public var body: [UInt8]

    /// A request to verify.
    public init(method: String, path: String, headers: [(String, String)], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// All lines of header `name` (case-insensitive), each trimmed, joined with ", "; nil if absent.
    public func header(_ name: String) -> String? {
        var values: [String] = []
        for (key, value) in headers where key.caseInsensitiveCompare(name) == .orderedSame {
            values.append(value.trimmingCharacters(in: .whitespaces))
        }
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The path without the query.
    var pathOnly: String {
        let path = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return path.isEmpty ? "/" : path
    }

    /// The query without `?`, or nil when the request has none.
    var query: String? {
        guard let mark = path.firstIndex(of: "?") else { return nil }
        return String(path[path.index(after: mark)...])
    }

    /// POST, PUT and PATCH carry bodies that must be covered by a digest.
    var requiresDigest: Bool {
        ["POST", "PUT", "PATCH"].contains(method.uppercased())
    }
}
