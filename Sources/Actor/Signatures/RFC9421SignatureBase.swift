import RawStructuredFieldValues

/// RFC 9421 §2.5 signature bases and `Signature-Input`/`Signature` serialization.
enum RFC9421SignatureBase {
    /// The `alg` value for a key: `rsa-v1_5-sha256` or `ed25519`.
    static func algorithmName(for key: KeyAlgorithm) -> String {
        switch key {
        case .rsa: "rsa-v1_5-sha256"
        case .ed25519: "ed25519"
        }
    }

    /// The inner list naming the covered components with `created`, `keyid` and `alg`.
    static func signatureParams(components: [String], created: Int64, keyID: String, algorithm: String) -> InnerList {
        var items = BareInnerList()
        for component in components { items.append(Item(bareItem: RFC9651BareItem.string(component), parameters: OrderedMap<String, RFC9651BareItem>())) }
        var parameters = OrderedMap<String, RFC9651BareItem>()
        parameters["created"] = .integer(created)
        parameters["keyid"] = .string(keyID)
        parameters["alg"] = .string(algorithm)
        return InnerList(bareInnerList: items, parameters: parameters)
    }

    /// The inner list serialized as it appears after `sig1=` and in `@signature-params`.
    static func serialize(_ params: InnerList) throws -> String {
        var serializer = StructuredFieldValueSerializer()
        return String(decoding: try serializer.writeListFieldValue([.innerList(params)]), as: UTF8.self)
    }

    /// The signature base: one `"name": value` line per component, then `@signature-params`.
    static func base(lines: [(name: String, value: String)], serializedParams: String) -> String {
        var text = ""
        for line in lines { text += "\"\(line.name)\": \(line.value)\n" }
        return text + "\"@signature-params\": \(serializedParams)"
    }

    /// A one-member structured dictionary `label=<value>` (for `Signature-Input`/`Signature`).
    static func dictionary(label: String, _ value: ItemOrInnerList) throws -> String {
        var dictionary = OrderedMap<String, ItemOrInnerList>()
        dictionary[label] = value
        var serializer = StructuredFieldValueSerializer()
        return String(decoding: try serializer.writeDictionaryFieldValue(dictionary), as: UTF8.self)
    }
}
