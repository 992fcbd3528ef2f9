/// The actor's `Service` document, served at `GET /actor` and embedded in `Update{Service}`.
public struct ActorDocument: Sendable, Hashable {
    /// The actor's IRIs.
    public let urls: ActorURLs
    /// Name and summary.
    public let profile: ActorProfile
    /// The RSA key outgoing requests are signed with now.
    public let currentKey: PublishedKey
    /// The raw 32-byte Ed25519 public key, published as a FEP-521a Multikey when present.
    public let ed25519PublicKey: [UInt8]?

    /// A document for these parts.
    public init(urls: ActorURLs, profile: ActorProfile, currentKey: PublishedKey, ed25519PublicKey: [UInt8]?) {
        self.urls = urls
        self.profile = profile
        self.currentKey = currentKey
        self.ed25519PublicKey = ed25519PublicKey
    }

    /// The document as served, `@context` first.
    public var json: JSONValue { ActivityContext.withContext(object) }

    /// The `Service` object without `@context`, for embedding in an activity.
    public var object: JSONValue {
        .object(omittingNil: [
            ("id", .string(urls.actor)),
            ("type", "Service"),
            ("preferredUsername", .string(ActorURLs.username)),
            ("name", .string(profile.name)),
            ("summary", .string(profile.summary)),
            ("url", .string(urls.profilePage)),
            ("inbox", .string(urls.inbox)),
            ("outbox", .string(urls.outbox)),
            ("followers", .string(urls.followers)),
            ("endpoints", ["sharedInbox": .string(urls.inbox)]),
            ("manuallyApprovesFollowers", true),
            // Not listed in directories: the actor is infrastructure, not someone to discover.
            ("discoverable", false),
            ("webfinger", .string(urls.handle)),
            ("publicKey", PublishedKeyDocument(urls: urls, key: currentKey).object),
            ("assertionMethod", ed25519PublicKey
                .flatMap { Multikey.ed25519AssertionMethod(rawKey: $0, urls: urls) }
                .map { JSONValue.array([$0]) }),
        ])
    }
}
