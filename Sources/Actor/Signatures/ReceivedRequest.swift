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
        for (key, value) in headers where Self.sameName(key, name) {
            values.append(Self.trimmed(value))
        }
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Case-insensitive name comparison; header names are ASCII tokens, compared byte by byte
    /// (Foundation's comparison is only needed, and kept, for anything else). The verifier
    /// looks headers up a dozen times per request, so this is on the inbox's hot path.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        let asciiName = lhs.utf8.allSatisfy { $0 < 0x80 }
        // Most names looked at differ in length: decided without reading the other's bytes.
        if asciiName, lhs.utf8.count != rhs.utf8.count { return false }
        guard asciiName, rhs.utf8.allSatisfy({ $0 < 0x80 }) else {
            return lhs.caseInsensitiveCompare(rhs) == .orderedSame
        }
        func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { lower($0) == lower($1) }
    }

    /// `value` without leading and trailing `.whitespaces`; values that start and end with an
    /// ASCII byte other than space and tab (nearly all) are returned as they are.
    static func trimmed(_ value: String) -> String {
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        return plain(first) && plain(last) ? value : value.trimmingCharacters(in: .whitespaces)
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
