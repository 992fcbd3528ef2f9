import RawStructuredFieldValues

/// One labelled RFC 9421 signature: its `Signature-Input` member and its `Signature` bytes.
struct RFC9421Signature {
    let label: String
    /// Covered component identifiers in order ("@method", "content-digest", …).
    let components: [String]
    /// The member as received, re-serialized for `@signature-params`.
    let params: InnerList
    let created: Int64?
    let expires: Int64?
    let keyID: String
    let algorithm: String?
    let signature: [UInt8]

    /// Every label present in both headers. Throws `malformedSignature` on unparsable fields,
    /// a label given twice, components with parameters or repeated, or a missing `keyid`.
    static func parse(signatureInput: String, signature: String) throws(VerificationFailure) -> [RFC9421Signature] {
        let inputs = try dictionary(signatureInput, field: "Signature-Input")
        let values = try dictionary(signature, field: "Signature")
        var result: [RFC9421Signature] = []
        for (label, member) in inputs {
            guard let value = values[label] else { continue }
            result.append(try RFC9421Signature(label: label, input: member, value: value))
        }
        guard !result.isEmpty else { throw VerificationFailure(.malformedSignature, "no label in both Signature-Input and Signature") }
        return result
    }

    private init(label: String, input: ItemOrInnerList, value: ItemOrInnerList) throws(VerificationFailure) {
        guard case .innerList(let list) = input else { throw Self.malformed("\(label): Signature-Input member is not an inner list") }
        guard case .item(let item) = value, case .undecodedByteSequence(let encoded) = item.rfc9651BareItem,
              let bytes = Base64.decode(encoded), !bytes.isEmpty
        else { throw Self.malformed("\(label): Signature member is not a byte sequence") }
        var components: [String] = []
        for entry in list.bareInnerList {
            guard case .string(let name) = entry.rfc9651BareItem, entry.rfc9651Parameters.count == 0 else {
                throw Self.malformed("\(label): unsupported component form")
            }
            guard !components.contains(name) else { throw Self.malformed("\(label): component \(name) repeated") }
            components.append(name)
        }
        let parameters = list.rfc9651Parameters
        guard case .string(let keyID)? = parameters["keyid"], !keyID.isEmpty else { throw Self.malformed("\(label): no keyid") }
        self.label = label
        self.components = components
        self.params = list
        self.keyID = keyID
        self.signature = bytes
        created = if case .integer(let value)? = parameters["created"] { value } else { nil }
        expires = if case .integer(let value)? = parameters["expires"] { value } else { nil }
        algorithm = if case .string(let value)? = parameters["alg"] { value } else { nil }
        if parameters["alg"] != nil && algorithm == nil { throw Self.malformed("\(label): alg is not a string") }
        if parameters["created"] != nil && created == nil { throw Self.malformed("\(label): created is not an integer") }
    }

    private static func malformed(_ detail: String) -> VerificationFailure { VerificationFailure(.malformedSignature, detail) }

    /// Parses a structured dictionary, refusing repeated keys (the parser would keep the last).
    private static func dictionary(_ text: String, field: String) throws(VerificationFailure) -> OrderedMap<String, ItemOrInnerList> {
        let map: OrderedMap<String, ItemOrInnerList>
        do {
            var parser = StructuredFieldValueParser(Array(text.utf8))
            map = try parser.parseDictionaryFieldValue()
        } catch {
            throw malformed("\(field) is not a structured dictionary")
        }
        guard topLevelMembers(text) == map.count else { throw malformed("\(field) repeats a label") }
        return map
    }

    /// Members of a dictionary: commas outside strings, byte sequences and inner lists, plus one.
    /// A `:` opens a byte sequence only where a value may start (tokens may contain `:`).
    static func topLevelMembers(_ text: String) -> Int {
        var commas = 0, depth = 0
        var inString = false, inBytes = false, escaped = false
        var previous = UInt8(ascii: ",")
        for byte in text.utf8 {
            defer { previous = byte }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if inBytes {
                if byte == UInt8(ascii: ":") { inBytes = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: ":") where [UInt8(ascii: "="), UInt8(ascii: "("), UInt8(ascii: " "), UInt8(ascii: ",")].contains(previous):
                inBytes = true
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: ","): if depth == 0 { commas += 1 }
            default: break
            }
        }
        return commas + 1
    }
}
