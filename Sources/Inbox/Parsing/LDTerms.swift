import ActorIdentity

/// Reads a compacted JSON-LD document by expanded term IRIs, whatever compaction the sender used:
/// bare ActivityStreams terms, `as:`/`rose:` prefixes, another prefix bound to the same namespace,
/// a term aliased to a full IRI, or full IRIs as keys and types. Not a JSON-LD processor: remote
/// contexts are not fetched (the ActivityStreams and security URLs only define what we assume).
struct LDTerms: Sendable {
    /// Prefix -> namespace IRI.
    private var prefixes: [String: String] = ["as": AS.namespace, "rose": Rose.namespace]
    /// Term -> its `@id` as written (compact or full).
    private var terms: [String: String] = [:]

    /// The terms of `context` (a `@context` value: string, object or array of them).
    init(context: JSONValue?) {
        add(context)
    }

    /// These terms with `context` (an embedded object's own `@context`) layered on top.
    func adding(_ context: JSONValue?) -> LDTerms {
        guard context != nil else { return self }
        var copy = self
        copy.add(context)
        return copy
    }

    private mutating func add(_ context: JSONValue?) {
        switch context {
        case .array(let items)?: for item in items { add(item) }
        case .object(let members)?:
            for member in members where !member.key.hasPrefix("@") {
                switch member.value {
                case .string(let iri):
                    terms[member.key] = iri
                    if !member.key.contains(":"), iri.hasSuffix("#") || iri.hasSuffix("/") { prefixes[member.key] = iri }
                case .object:
                    if let id = member.value["@id"]?.stringValue { terms[member.key] = id }
                default: break
                }
            }
        default: break // remote context URLs: nothing to read locally
        }
    }

    /// The full IRI `key` (a member name or a type) stands for; bare words are ActivityStreams terms.
    func expand(_ key: String) -> String {
        if let mapped = terms[key], mapped != key { return expandCompact(mapped) }
        if key.contains(":") { return expandCompact(key) }
        return AS.namespace + key
    }

    private func expandCompact(_ value: String) -> String {
        guard let colon = value.firstIndex(of: ":") else { return AS.namespace + value }
        let prefix = String(value[..<colon])
        let rest = value[value.index(after: colon)...]
        if rest.hasPrefix("//") { return value } // already absolute (http://, https://)
        if let namespace = prefixes[prefix] { return namespace + rest }
        return value
    }

    /// The value of the member of `object` whose name expands to `iri` (`id`/`@id` and
    /// `type`/`@type` are read by `id(of:)` and `types(of:)`).
    func value(_ object: JSONValue, _ iri: String) -> JSONValue? {
        guard case .object(let members) = object else { return nil }
        return members.last { !$0.key.hasPrefix("@") && $0.key != "id" && $0.key != "type" && names($0.key, iri) }?.value
    }

    /// `expand(key) == iri` (`iri` being one of the vocabulary's ASCII constants), without building
    /// the expansion of a bare ASCII term (the common case, compared byte by byte in place: this
    /// runs per member for every lookup).
    private func names(_ key: String, _ iri: String) -> Bool {
        guard terms.isEmpty, key.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: ":") }) else { return expand(key) == iri }
        let namespace = AS.namespace.utf8
        return iri.utf8.count == namespace.count + key.utf8.count && iri.utf8.starts(with: namespace)
            && iri.utf8.dropFirst(namespace.count).elementsEqual(key.utf8)
    }

    /// `id` or `@id` of an object, or the string itself when the value is an IRI.
    func id(of value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .object?: return (value?["id"] ?? value?["@id"])?.stringValue
        case .array(let items)? where items.count == 1: return id(of: items[0])
        default: return nil
        }
    }

    /// Expanded types of an object (`type` as string or array).
    func types(of value: JSONValue?) -> [String] {
        guard case .object? = value, let raw = value?["type"] ?? value?["@type"] else { return [] }
        switch raw {
        case .string(let text): return [expand(text)]
        case .array(let items): return items.compactMap(\.stringValue).map(expand)
        default: return []
        }
    }

    /// IRIs of an addressing value (`to`/`cc`: string, object or array of them).
    func iris(_ value: JSONValue?) -> [String] {
        switch value {
        case .array(let items)?: return items.compactMap { id(of: $0) }
        case .some(let single): return id(of: single).map { [$0] } ?? []
        case nil: return []
        }
    }

    /// A string member (a one-element array or `@value` object unwrapped).
    func string(_ object: JSONValue, _ iri: String) -> String? {
        unwrap(value(object, iri))?.stringValue
    }

    /// An integer member, also when sent as digits in a string or `{"@value": …}`.
    func integer(_ object: JSONValue, _ iri: String) -> Int64? {
        switch unwrap(value(object, iri)) {
        case .integer(let number)?: return number
        case .string(let text)?: return Int64(text)
        default: return nil
        }
    }

    private func unwrap(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case .array(let items)? where items.count == 1: return unwrap(items[0])
        case .object?: return value?["@value"].flatMap { unwrap($0) } ?? value
        default: return value
        }
    }
}
