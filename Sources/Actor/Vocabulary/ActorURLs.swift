import Foundation

/// Every IRI the actor publishes, derived from the public origin `CART_BASE_URL`.
public struct ActorURLs: Sendable, Hashable {
    /// The origin without a trailing slash, e.g. `https://shop.example` (scheme and host lower-cased,
    /// a default port dropped).
    public let base: String
    /// `host[:port]` of the origin (port only when not the scheme's default): the `HOST` of
    /// `cart@HOST`, compared with `Host` headers and `@authority`.
    public let authority: String

    /// The actor's preferred username; fixed by the contract.
    public static let username = "cart"

    /// Parses the public origin. Only `http`/`https` with a host and nothing after it (a lone `/`
    /// is allowed), because every path the actor serves hangs off the root.
    public init(baseURL: String) throws(ActorURLsError) {
        guard let components = URLComponents(string: baseURL),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let rawHost = components.host, !rawHost.isEmpty
        else { throw ActorURLsError(baseURL: baseURL, problem: .notAnHTTPOrigin) }
        guard components.path.isEmpty || components.path == "/",
              components.query == nil, components.fragment == nil,
              components.user == nil, components.password == nil
        else { throw ActorURLsError(baseURL: baseURL, problem: .hasMoreThanAnOrigin) }
        var host = rawHost.lowercased()
        // Foundation on Linux keeps IPv6 brackets, on Darwin it drops them; authorities need them.
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? ""
        self.authority = host + port
        self.base = "\(scheme)://\(authority)"
    }

    /// `BASE/actor`.
    public var actor: String { base + "/actor" }
    /// `BASE/inbox`, also the shared inbox.
    public var inbox: String { base + "/inbox" }
    /// `BASE/outbox`.
    public var outbox: String { base + "/outbox" }
    /// `BASE/followers`.
    public var followers: String { base + "/followers" }
    /// `BASE/` — the human-facing page.
    public var profilePage: String { base + "/" }
    /// `BASE/ns` — the rose context document.
    public var namespace: String { base + "/ns" }
    /// `BASE/actor#ed25519-key` — the FEP-521a Multikey's id.
    public var ed25519KeyID: String { actor + "#ed25519-key" }
    /// `cart@HOST`, the WebFinger handle without `acct:`.
    public var handle: String { "\(Self.username)@\(authority)" }
    /// `acct:cart@HOST`, the WebFinger subject.
    public var acct: String { "acct:" + handle }
    /// `BASE/nodeinfo/2.1`.
    public var nodeInfo21: String { base + "/nodeinfo/2.1" }

    /// `BASE/keys/{id}`: the document of one RSA key; key ids are used as a path segment as-is
    /// except for characters that would need escaping.
    public func key(id: String) -> String {
        base + "/keys/" + (id.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? id)
    }

    /// RFC 3986 unreserved characters: safe in a path segment without escaping.
    private static let segmentCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// `CART_BASE_URL` could not serve as the actor's origin.
public struct ActorURLsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong with the URL.
    public enum Problem: Sendable, Equatable {
        /// Not an absolute `http`/`https` URL with a host.
        case notAnHTTPOrigin
        /// Carries a path, query, fragment or user info.
        case hasMoreThanAnOrigin
    }

    /// The value as given.
    public let baseURL: String
    /// What was wrong.
    public let problem: Problem

    /// One line for the operator, saying what to set instead.
    public var description: String {
        switch problem {
        case .notAnHTTPOrigin:
            "base URL \"\(baseURL)\" is not an http(s) URL with a host; set CART_BASE_URL to e.g. https://shop.example"
        case .hasMoreThanAnOrigin:
            "base URL \"\(baseURL)\" has a path, query or user part; set CART_BASE_URL to the origin only, e.g. https://shop.example"
        }
    }
}
