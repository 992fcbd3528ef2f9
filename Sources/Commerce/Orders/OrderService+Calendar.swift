import Foundation

/// A calendar's Accept or Reject of the holds of an order (inbox).
extension OrderService {
    /// Applies a calendar's answer. Only a calendar owning an entry or ticket of the order may
    /// answer. Accept records the hold confirmed; Reject cancels an unpaid order (its attempt
    /// deactivated first) and makes a paid one `owed`.
    public func calendarAnswered(orderID: UUID, calendar: IRI, accepted: Bool) async throws -> CalendarAnswerOutcome {
        guard let order = try await store.read({ try await $0.order(id: orderID) }),
              order.snapshot.items.contains(where: { $0.calendarActor == calendar })
        else { return .notOwner }
        if accepted {
            let now = clock.now()
            return try await store.write { writer in
                guard var locked = try await writer.lockOrder(id: orderID), !locked.calendarConfirmed.contains(calendar) else {
                    return .unchanged
                }
                locked.calendarConfirmed.append(calendar)
                locked.updatedAt = now
                try await writer.updateOrder(locked)
                return .applied
            }
        }
        let after = try await settle(orderID: orderID, plan: .calendarRefusal)
        return after.status == order.status && after.calendarRefused == order.calendarRefused ? .unchanged : .applied
    }
}
