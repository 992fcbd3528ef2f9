import ActorIdentity
import Foundation

extension ActorURLs {
    /// `BASE/activities/{id}`: the id of the activity publishing domain event `eventID`.
    public func activityIRI(_ eventID: UUID) -> String {
        base + "/activities/" + eventID.uuidString.lowercased()
    }

    /// `BASE/orders/{id}`: the id of an order's `rose:Order` object.
    public func orderIRI(_ orderID: UUID) -> String {
        base + "/orders/" + orderID.uuidString.lowercased()
    }
}
