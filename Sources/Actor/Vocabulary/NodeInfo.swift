/// NodeInfo 2.1 discovery (`/.well-known/nodeinfo`) and document (`/nodeinfo/2.1`).
public enum NodeInfo {
    /// The schema 2.1 `rel`, also the link's identifier in the discovery document.
    public static let schema21Rel = "http://nodeinfo.diaspora.software/ns/schema/2.1"
    /// `software.name`; NodeInfo requires `[a-z0-9-]+`.
    public static let softwareName = "cart-actor"

    /// `{"links": [{"rel": schema 2.1, "href": "BASE/nodeinfo/2.1"}]}`.
    public static func discovery(urls: ActorURLs) -> JSONValue {
        ["links": [["rel": .string(schema21Rel), "href": .string(urls.nodeInfo21)]]]
    }

    /// The 2.1 document: one actor, no registrations, no posts, ActivityPub only.
    public static func document(software: SoftwareInfo) -> JSONValue {
        [
            "version": "2.1",
            "software": .object(omittingNil: [
                ("name", .string(softwareName)),
                ("version", .string(software.version)),
                ("repository", software.repository.map(JSONValue.string)),
                ("homepage", software.homepage.map(JSONValue.string)),
            ]),
            "protocols": ["activitypub"],
            "services": ["inbound": [], "outbound": []],
            "openRegistrations": false,
            // The one account is the actor itself; orders are not posts.
            "usage": ["users": ["total": 1], "localPosts": 0],
            "metadata": [:],
        ]
    }
}

/// What NodeInfo says about the running software.
public struct SoftwareInfo: Sendable, Hashable {
    /// The release, e.g. "0.1.0".
    public var version: String
    /// Source repository URL, if published.
    public var repository: String?
    /// Project homepage URL, if any.
    public var homepage: String?

    /// Software information for NodeInfo.
    public init(version: String, repository: String? = nil, homepage: String? = nil) {
        self.version = version
        self.repository = repository
        self.homepage = homepage
    }
}
