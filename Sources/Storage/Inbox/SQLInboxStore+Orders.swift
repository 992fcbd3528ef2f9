import Commerce
import Foundation
import Inbox
import SQLKit

extension SQLInboxStore {
    /// Finds the order through the domain event log: the event an activity id names carries the
    /// order's snapshot (and its calendar actors); an order id finds its `order.created` event.
    public func orderHold(_ target: OrderTarget) async throws -> OrderHold? {
        try await database.read { sql in
            let row: (any SQLRow)?
            switch target {
            case .activity(let eventID):
                row = try await sql.raw("""
                    SELECT kind, payload FROM domain_events WHERE id = \(bind: eventID.uuidString)
                    """).first()
            case .order(let orderID):
                row = try await sql.raw("""
                    SELECT kind, payload FROM domain_events
                    WHERE kind = \(bind: DomainEventKind.orderCreated)
                      AND subject IN (\(bind: orderID.uuidString), \(bind: orderID.uuidString.lowercased()))
                    ORDER BY occurred_ms LIMIT 1
                    """).first()
            }
            guard let row, try row.string("kind").hasPrefix("order."),
                  let snapshot = try? OrderSnapshot(payload: try row.bytes("payload"))
            else { return nil }
            return OrderHold(orderID: snapshot.id, calendars: snapshot.calendarActors)
        }
    }
}
