import ActorIdentity

/// The envelope of a received activity: what every check needs, read through the sender's terms.
public struct ParsedActivity: Sendable {
    /// The activity's `id`.
    public let id: String
    /// Its types, expanded to full IRIs.
    public let types: [String]
    /// The `actor` IRI (string, or an object's `id`).
    public let actor: String
    /// The whole document.
    public let json: JSONValue
    /// The sender's terms (its `@context`).
    let terms: LDTerms

    /// Reads the envelope; throws `.missingField` when `id`, `type` or `actor` is absent.
    public init(json: JSONValue) throws(InboxRefusal) {
        guard case .object = json else { throw InboxRefusal(.badRequest, "the body is not a JSON object") }
        let terms = LDTerms(context: json["@context"])
        guard let id = terms.id(of: json["id"] ?? json["@id"]), !id.isEmpty else {
            throw InboxRefusal(.badRequest, "the activity has no id")
        }
        let types = terms.types(of: json)
        guard !types.isEmpty else { throw InboxRefusal(.badRequest, "the activity has no type") }
        guard let actor = terms.id(of: terms.value(json, AS.actor)), !actor.isEmpty else {
            throw InboxRefusal(.badRequest, "the activity has no actor")
        }
        self.id = id
        self.types = types
        self.actor = actor
        self.json = json
        self.terms = terms
    }

    /// Whether one of the types is `iri`.
    func isA(_ iri: String) -> Bool { types.contains(iri) }

    /// The `object` member as sent (IRI string or embedded object).
    var object: JSONValue? { terms.value(json, AS.object) }
    /// The `object`'s id.
    var objectID: String? { terms.id(of: object) }
    /// The embedded object's types (empty when `object` is only an IRI).
    var objectTypes: [String] { terms.types(of: object).isEmpty ? [] : terms.adding(object?["@context"]).types(of: object) }
    /// The `target` member as sent.
    var target: JSONValue? { terms.value(json, AS.target) }
    /// `to` and `cc` IRIs.
    var audience: [String] { terms.iris(terms.value(json, AS.to)) + terms.iris(terms.value(json, AS.cc)) }
    /// A short type name for metrics and logs (`Follow`, `rose:Adopt`, `other`).
    public var metricType: String { Self.shortName(types.first ?? "") }

    static func shortName(_ iri: String) -> String {
        if iri.hasPrefix(AS.namespace) { return String(iri.dropFirst(AS.namespace.count)) }
        if iri.hasPrefix(Rose.namespace) { return "rose:" + iri.dropFirst(Rose.namespace.count) }
        return "other"
    }
}
