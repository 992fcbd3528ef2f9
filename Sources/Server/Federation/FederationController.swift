import ActorIdentity
import Hummingbird

/// The federation discovery endpoints (contract §3): WebFinger, NodeInfo, the actor document,
/// key documents and the `/ns` context. All are public: readable without a signature.
public struct FederationController: Sendable {
    /// The actor's IRIs, from `CART_BASE_URL`.
    public let urls: ActorURLs
    /// Name and summary shown in the actor document and its HTML page.
    public let profile: ActorProfile
    /// What NodeInfo reports.
    public let software: SoftwareInfo
    /// Reads the keyring as it is now: `keys rotate` in another process changes it.
    let keyring: @Sendable () async throws -> ActorKeyring

    /// A controller for the actor at `urls`, reading keys through `keyring` on every request.
    public init(
        urls: ActorURLs,
        profile: ActorProfile = ActorProfile(),
        software: SoftwareInfo,
        keyring: @escaping @Sendable () async throws -> ActorKeyring
    ) {
        self.urls = urls
        self.profile = profile
        self.software = software
        self.keyring = keyring
    }

    /// The routes, for any request context: `router.addRoutes(controller.routes())`.
    public func routes<Context: RequestContext>(context: Context.Type = Context.self) -> RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get(".well-known/webfinger") { request, _ in self.webFinger(request) }
        routes.get(".well-known/nodeinfo") { _, _ in
            FederationResponse.json(NodeInfo.discovery(urls: self.urls), contentType: ActivityMediaType.plainJSON, public: true)
        }
        routes.get("nodeinfo/2.1") { _, _ in
            FederationResponse.json(NodeInfo.document(software: self.software), contentType: ActivityMediaType.nodeInfo21, public: true)
        }
        routes.get("ns") { _, _ in
            FederationResponse.json(ActivityContext.namespaceDocument, contentType: ActivityMediaType.ldJSON, public: true)
        }
        routes.get("actor") { request, _ in try await self.actor(request) }
        routes.get("keys/:id") { request, context in try await self.key(request, id: context.parameters.get("id")) }
        return routes
    }
}
