import ActorIdentity

/// A JSON parser for untrusted bodies that refuses deep nesting and huge containers before it
/// recurses into them, so a 10,000-deep body is a 400, never a stack overflow (Foundation's
/// `JSONSerialization` and `JSONDecoder` recurse without a limit).
///
/// Numbers with a fraction or exponent, or beyond Int64, are kept as their literal text in a
/// `.string`: the vocabulary never uses them (money is integer minor units), so nothing reads them.
public struct BoundedJSONParser: Sendable {
    /// Deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// Most elements (or members) in one array (or object).
    public var maxContainerCount: Int

    /// A parser with the inbox's limits: depth 32, 10,000 elements per container.
    public init(maxDepth: Int = 32, maxContainerCount: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxContainerCount = maxContainerCount
    }

    /// Parses `bytes` as one JSON value (surrounding whitespace allowed).
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var cursor = JSONCursor(bytes: bytes, limits: self)
        let value = try cursor.value(depth: 0)
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw cursor.error("trailing characters after the JSON value") }
        return value
    }
}

/// Why a body is not acceptable JSON.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset where parsing stopped.
    public let offset: Int
    /// What was wrong.
    public let reason: String

    /// One line for the 400 body and logs.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
