/// A JSON value as a payment provider sends or receives it. Numbers keep their exact text, so an
/// amount such as `10.10` is never routed through a binary floating-point value.
public indirect enum WireJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its JSON text (already checked against the JSON number grammar).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([WireJSON])
    /// An object; members in writing order (a later duplicate key wins on lookup).
    case object([WireMember])

    /// The member named `key` of an object, or nil for a missing member or a non-object.
    public subscript(key: String) -> WireJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number's text, when this is a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [WireJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var members: [WireMember]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// An object from `(key, value)` pairs, dropping nil values (optional fields).
    public static func object(omittingNil pairs: [(String, WireJSON?)]) -> WireJSON {
        .object(pairs.compactMap { key, value in value.map { WireMember(key, $0) } })
    }
}

/// One member of a `WireJSON` object.
public struct WireMember: Sendable, Hashable {
    /// The member's name.
    public let key: String
    /// The member's value.
    public let value: WireJSON

    /// A member named `key` holding `value`.
    public init(_ key: String, _ value: WireJSON) {
        self.key = key
        self.value = value
    }
}
