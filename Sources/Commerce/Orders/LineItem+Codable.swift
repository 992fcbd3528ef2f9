/// `{"kind": "product|entry|ticket", "iri": …, "entry": …}`: the shape events and storage use.
extension LineItem: Codable {
    private enum CodingKeys: String, CodingKey { case kind, iri, entry }

    /// Decodes the shape above; an unknown kind or a ticket without its entry is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let iri = try container.decode(IRI.self, forKey: .iri)
        switch try container.decode(String.self, forKey: .kind) {
        case "product": self = .product(iri)
        case "entry": self = .entry(iri)
        case "ticket": self = .ticket(iri, entry: try container.decode(IRI.self, forKey: .entry))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown line kind \(other)")
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(iri, forKey: .iri)
        if case let .ticket(_, entry) = self { try container.encode(entry, forKey: .entry) }
    }
}
