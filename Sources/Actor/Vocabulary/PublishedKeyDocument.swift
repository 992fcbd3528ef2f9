/// One of the actor's keys as a document, served at `GET /keys/{id}` and embedded as the actor's `publicKey`.
public struct PublishedKeyDocument: Sendable, Hashable {
    /// The actor's IRIs.
    public let urls: ActorURLs
    /// The key.
    public let key: PublishedKey

    /// A document for `key`.
    public init(urls: ActorURLs, key: PublishedKey) {
        self.urls = urls
        self.key = key
    }

    /// The document as served, `@context` first.
    public var json: JSONValue { ActivityContext.withContext(object) }

    /// `{id, type: CryptographicKey, owner, publicKeyPem}` without `@context`.
    public var object: JSONValue {
        [
            "id": .string(urls.key(id: key.id)),
            "type": "CryptographicKey",
            "owner": .string(urls.actor),
            "publicKeyPem": .string(key.publicKeyPem),
        ]
    }
}
