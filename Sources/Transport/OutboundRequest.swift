import Foundation

/// An HTTP request leaving the process through an `HTTPTransport`.
public struct OutboundRequest: Sendable {
    /// The method, e.g. `GET` or `POST`.
    public var method: String
    /// The absolute http(s) URL.
    public var url: URL
    /// Headers in order; names as given (HTTP names are case-insensitive).
    public var headers: [(String, String)]
    /// The exact bytes to send, if any.
    public var body: [UInt8]?
    /// The longest response body read; longer ones fail with `.responseTooLarge`.
    public var maxResponseBytes: Int

    /// A request; the defaults make a GET with a 1 MiB response cap.
    public init(
        method: String = "GET", url: URL, headers: [(String, String)] = [], body: [UInt8]? = nil,
        maxResponseBytes: Int = 1 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.maxResponseBytes = maxResponseBytes
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// A complete response read by an `HTTPTransport`.
public struct OutboundResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers in order.
    public var headers: [(String, String)]
    /// The whole body (at most the request's cap).
    public var body: [UInt8]
    /// The URL that answered, after any redirects.
    public var url: URL

    /// A response; see the properties.
    public init(status: Int, headers: [(String, String)], body: [UInt8], url: URL) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// Sends requests; every outbound request of the service goes through `GuardedTransport`.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and reads the whole response, or fails with why.
    func send(_ request: OutboundRequest) async throws(TransportError) -> OutboundResponse
}
