import Hummingbird
import NIOCore

/// Per-request state shared by middleware and routes: the request id (Hummingbird's, in the
/// logger), the client address and the browser session once resolved.
public struct AppRequestContext: RemoteAddressRequestContext {
    /// Hummingbird's core storage (logger with `hb.request.id`, parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The connected peer, nil in in-process tests.
    public let remoteAddress: SocketAddress?
    /// The browser's session, set by `SessionMiddleware` for browser routes.
    var session: WebSession?

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.session = nil
    }

    /// The client address for rate limits and the loopback check.
    var client: ClientAddress { ClientAddress(remoteAddress) }
}
