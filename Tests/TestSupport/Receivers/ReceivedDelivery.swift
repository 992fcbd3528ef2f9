import Foundation

/// One POST a test receiver got at one of its inboxes.
public struct ReceivedDelivery: Sendable, Hashable {
    /// The inbox path (`/inbox` for the shared inbox, `/users/N/inbox` for a personal one).
    public var path: String
    /// The activity's `id`.
    public var activityID: String
    /// The activity's `type`.
    public var type: String
    /// For order activities, the order IRI (`object.id` of a Create, `object` otherwise).
    public var orderIRI: String?
    /// Whether our verifier accepted the signature (unverified posts are answered 401).
    public var verified: Bool
    /// The status the receiver answered.
    public var answered: Int

    /// A received delivery; see the properties.
    public init(path: String, activityID: String, type: String, orderIRI: String?, verified: Bool, answered: Int) {
        self.path = path
        self.activityID = activityID
        self.type = type
        self.orderIRI = orderIRI
        self.verified = verified
        self.answered = answered
    }

    /// Reads id, type and order from an activity body.
    static func parse(path: String, body: [UInt8], verified: Bool, answered: Int) -> ReceivedDelivery {
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        let inner = object["object"]
        let order = (inner as? [String: Any])?["id"] as? String ?? inner as? String
        return ReceivedDelivery(path: path, activityID: object["id"] as? String ?? "", type: object["type"] as? String ?? "",
                                orderIRI: order.flatMap { $0.contains("/orders/") ? $0 : nil }, verified: verified, answered: answered)
    }
}
