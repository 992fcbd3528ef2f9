import Foundation

/// An outgoing request as the signer needs it.
public struct SignableRequest: Sendable {
    /// HTTP method, e.g. "POST".
    public var method: String
    /// The full URL the request goes to (its host, port, path and query are signed).
    public var url: URL
    /// Headers already on the request, in order (an `Accept` here is signed on GET).
    public var headers: [(String, String)]
    /// The exact body bytes that will be sent; nil for none.
    public var body: [UInt8]?

    /// A request to sign.
    public init(method: String, url: URL, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// `host[:port]` as sent in `Host` (default ports left out).
    var authority: String? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let host = components.host?.lowercased()
        else { return nil }
        return RequestTarget.authority(host: host, port: components.port, scheme: components.scheme)
    }

    /// Path and query as they appear on the request line ("/inbox?x=1").
    var pathAndQuery: String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }
}

/// Authority and target-URI helpers shared by signer and verifier.
enum RequestTarget {
    /// `host` or `host:port`, leaving out the scheme's default port; IPv6 hosts in brackets.
    static func authority(host: String, port: Int?, scheme: String?) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let defaultPort = scheme?.lowercased() == "https" ? 443 : 80
        guard let port, port != defaultPort else { return bracketed }
        return "\(bracketed):\(port)"
    }

    /// A received `Host` value, lowercased and without the scheme's default port.
    static func normalizedHost(_ value: String, scheme: String?) -> String {
        let lowered = ReceivedRequest.trimmed(value).lowercased()
        let defaultSuffix = scheme?.lowercased() == "https" ? ":443" : ":80"
        return lowered.hasSuffix(defaultSuffix) ? String(lowered.dropLast(defaultSuffix.count)) : lowered
    }
}
