import Foundation

/// The body of SumUp's callback, `{"event_type": "CHECKOUT_STATUS_CHANGED", "id": "<checkout id>"}`.
/// Only the checkout id is used: the status is read from SumUp itself, never taken from the body.
/// Extra members are ignored (SumUp may add some); the two named ones must be non-empty strings.
struct SumUpWebhookEvent: Equatable, Sendable {
    /// The only event type that triggers a reconcile.
    static let checkoutStatusChanged = "CHECKOUT_STATUS_CHANGED"

    /// SumUp's event type.
    let eventType: String
    /// The provider's checkout id.
    let checkoutID: String

    /// Whether this event is about a checkout's status (others are acknowledged and ignored).
    var isCheckoutStatusChange: Bool { eventType == Self.checkoutStatusChanged }

    /// Why a body was refused.
    enum ParseError: Error, Equatable, CustomStringConvertible {
        case notJSONObject
        case missing(String)
        case invalid(String)

        var description: String {
            switch self {
            case .notJSONObject: "body is not a JSON object"
            case let .missing(name): "member \(name) is missing or not a string"
            case let .invalid(name): "member \(name) is empty, too long or has characters outside A-Z a-z 0-9 - _"
            }
        }
    }

    /// Parses `bytes` strictly: a JSON object whose `event_type` and `id` are short strings of
    /// letters, digits, `-` and `_` (SumUp's ids are UUID-like; anything else cannot name a checkout of ours).
    init(bytes: some Collection<UInt8>) throws(ParseError) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [])) as? [String: Any] else {
            throw .notJSONObject
        }
        self.eventType = try Self.token(object, "event_type")
        self.checkoutID = try Self.token(object, "id")
    }

    private static func token(_ object: [String: Any], _ name: String) throws(ParseError) -> String {
        guard let value = object[name] as? String else { throw .missing(name) }
        guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy(isTokenByte) else { throw .invalid(name) }
        return value
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
