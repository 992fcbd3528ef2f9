/// Why an outbound request failed; `reason` for code, `description` for operators.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Reason: Sendable, Equatable {
        /// The URL has no host, or a host that is neither a name nor a canonical IP literal.
        case invalidURL
        /// Not `http` or `https`.
        case unsupportedScheme
        /// The host is or resolves to an address the policy refuses; nothing was sent.
        case refusedAddress(host: String, address: String)
        /// The name did not resolve.
        case resolutionFailed(host: String)
        /// No connection within the connect timeout.
        case connectTimeout
        /// No complete response within the total deadline.
        case timedOut
        /// More redirects than allowed.
        case tooManyRedirects
        /// The response body is longer than the request's cap.
        case responseTooLarge(limit: Int)
        /// Any other network or protocol failure, described.
        case network(String)
    }

    /// What went wrong.
    public var reason: Reason
    /// The URL being fetched when it went wrong (after redirects), as text.
    public var url: String

    /// An error for `url`.
    public init(_ reason: Reason, url: String) {
        self.reason = reason
        self.url = url
    }

    /// Whether trying again later may succeed (network trouble), as opposed to a refusal or a
    /// malformed request that will fail the same way again.
    public var isTransient: Bool {
        switch reason {
        case .resolutionFailed, .connectTimeout, .timedOut, .network: return true
        case .invalidURL, .unsupportedScheme, .refusedAddress, .tooManyRedirects, .responseTooLarge: return false
        }
    }

    /// One line for logs, saying what to check.
    public var description: String {
        switch reason {
        case .invalidURL: return "invalid URL \(url): use http(s)://host with a name or a canonical IP address"
        case .unsupportedScheme: return "refused \(url): only http and https are fetched"
        case .refusedAddress(let host, let address):
            let what = host == address ? address : "\(host) (\(address))"
            return "refused \(url): \(what) is a private or special address (set CART_ALLOW_PRIVATE_NETWORKS only for one-host setups)"
        case .resolutionFailed(let host): return "could not resolve \(host) for \(url)"
        case .connectTimeout: return "connect timeout for \(url)"
        case .timedOut: return "no complete response in time from \(url)"
        case .tooManyRedirects: return "too many redirects from \(url)"
        case .responseTooLarge(let limit): return "response from \(url) is over \(limit) bytes"
        case .network(let detail): return "network error for \(url): \(detail)"
        }
    }
}
