import Foundation

/// Payload of `calendar.line_removed`: a browser removed a calendar line; tell its calendar.
public struct CalendarLineRemoval: Hashable, Sendable, Codable {
    /// The entry or ticket type removed.
    public var item: IRI
    /// The calendar actor that owns it (the only recipient).
    public var calendar: IRI
    /// The cart, as the calendar knows it: the user IRI when signed in…
    public var customer: IRI?
    /// …else the cart handle.
    public var handle: String?

    /// A removal; see the properties.
    public init(item: IRI, calendar: IRI, customer: IRI?, handle: String?) {
        self.item = item
        self.calendar = calendar
        self.customer = customer
        self.handle = handle
    }
}

/// Payload of `follow.accepted` / `follow.rejected`: our answer to someone's Follow.
public struct FollowDecision: Hashable, Sendable, Codable {
    /// Who asked to follow (the recipient of the answer).
    public var follower: IRI
    /// The id of their `Follow` activity (the answer's `object`).
    public var follow: IRI

    /// A decision; see the properties.
    public init(follower: IRI, follow: IRI) {
        self.follower = follower
        self.follow = follow
    }
}

/// Payload of `follow.sent` / `follow.undone`: we follow (or stop following) an actor.
public struct FollowIntent: Hashable, Sendable, Codable {
    /// The actor we follow.
    public var object: IRI
    /// The id of our `Follow` activity (for `Undo`, the one being undone).
    public var follow: IRI

    /// An intent; see the properties.
    public init(object: IRI, follow: IRI) {
        self.object = object
        self.follow = follow
    }
}

/// JSON helpers for event payloads (ISO 8601 dates, sorted keys), shared by every payload type.
public enum EventPayload {
    /// Encodes `value` as a payload.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    /// Decodes a payload.
    public static func decode<T: Decodable>(_ type: T.Type, from payload: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(payload))
    }
}
