/// The JSON-LD `@context` every document the actor serves or sends carries (contract §4), and the
/// context document served at `/ns`.
public enum ActivityContext {
    /// ActivityStreams 2.0.
    public static let activityStreams = "https://www.w3.org/ns/activitystreams"
    /// Security vocabulary v1 (`publicKey`, `publicKeyPem`, `owner`, `CryptographicKey`).
    public static let security = "https://w3id.org/security/v1"
    /// The `rose:` namespace IRI.
    public static let roseNamespace = "https://rose-ash.com/ns#"

    /// The third element: the `rose:` prefix and the typing of its terms, in the contract's order.
    public static let roseTerms: JSONValue = [
        "rose": .string(roseNamespace),
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "rose:page": ["@type": "@id"],
        "rose:customer": ["@type": "@id"],
        "rose:product": ["@type": "@id"],
        "rose:entry": ["@type": "@id"],
        "rose:ticket": ["@type": "@id"],
        "rose:items": ["@container": "@list"],
        "rose:minorUnits": ["@type": "xsd:integer"],
        "rose:quantity": ["@type": "xsd:integer"],
        "rose:available": ["@type": "xsd:integer"],
        "rose:orderNumber": ["@type": "xsd:integer"],
        "rose:holdUntil": ["@type": "xsd:dateTime"],
    ]

    /// The whole `@context` value, exactly the contract's array. Deliberately nothing more (no
    /// Multikey context): the contract fixes this value for every document.
    public static let value: JSONValue = [.string(activityStreams), .string(security), roseTerms]

    /// The `/ns` document: a JSON-LD context document whose `@context` is the third element alone
    /// (the rose terms are the whole of what `/ns` defines; the two URLs stay references).
    public static let namespaceDocument: JSONValue = ["@context": roseTerms]

    /// `document` with `"@context"` put first (replacing any `@context` it had).
    public static func withContext(_ document: JSONValue) -> JSONValue {
        guard case .object(let members) = document else { return document }
        return .object([JSONMember("@context", value)] + members.filter { $0.key != "@context" })
    }
}
