import ActorIdentity

/// The `OrderedCollection` and `OrderedCollectionPage` documents of `/outbox` and `/followers`.
enum CollectionDocuments {
    /// The collection itself: `totalItems` always; `first` only for authorised readers.
    static func collection(id: String, totalItems: Int, first: String?) -> JSONValue {
        ActivityContext.withContext(.object(omittingNil: [
            ("id", .string(id)),
            ("type", "OrderedCollection"),
            ("totalItems", .integer(Int64(totalItems))),
            ("first", first.map(JSONValue.string)),
        ]))
    }

    /// One page: `items` are complete JSON documents (stored activity bytes, or serialised IRIs),
    /// spliced in as they are so that activities are served exactly as they were delivered.
    static func page(id: String, partOf: String, totalItems: Int, next: String?, items: [[UInt8]]) -> [UInt8] {
        let head = ActivityContext.withContext(.object(omittingNil: [
            ("id", .string(id)),
            ("type", "OrderedCollectionPage"),
            ("partOf", .string(partOf)),
            ("totalItems", .integer(Int64(totalItems))),
            ("next", next.map(JSONValue.string)),
        ]))
        // `head` is an object: drop its closing brace, then append the items and close it.
        var bytes = head.serializedBytes()
        bytes.removeLast()
        bytes.append(contentsOf: Array(#","orderedItems":["#.utf8))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item)
        }
        bytes.append(contentsOf: Array("]}".utf8))
        return bytes
    }
}
