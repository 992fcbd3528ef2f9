import Commerce
import Foundation
import Testing

/// The pure order state machine, every state against every event that matters.
@Suite("Order state machine")
struct OrderStateMachineTests {
    @Test func paymentOfAwaitingOrderPaysOnceAndArchivesLines() {
        let paid = OrderStateMachine.apply(.paymentConfirmed, to: .awaitingPayment)
        #expect(paid == OrderTransition(status: .paid, effects: [.recordEvent(DomainEventKind.orderPaid), .archiveLines]))
        #expect(OrderStateMachine.apply(.paymentConfirmed, to: .paid) == OrderTransition(status: .paid))
    }

    @Test(arguments: [OrderStatus.expired, .cancelled, .failed])
    func latePaymentMakesEndedOrderOwed(_ status: OrderStatus) {
        #expect(OrderStateMachine.apply(.paymentConfirmed, to: status) == OrderTransition(status: .owed))
    }

    @Test func endingsReleaseLinesWithTheirEvent() {
        #expect(OrderStateMachine.apply(.holdExpired, to: .awaitingPayment)
            == OrderTransition(status: .expired, effects: [.recordEvent(DomainEventKind.orderExpired), .unlockLines]))
        #expect(OrderStateMachine.apply(.cancelRequested, to: .awaitingPayment)
            == OrderTransition(status: .cancelled, effects: [.recordEvent(DomainEventKind.orderCancelled), .unlockLines]))
        #expect(OrderStateMachine.apply(.paymentEndedWithoutMoney, to: .awaitingPayment).status == .failed)
    }

    @Test(arguments: [OrderStatus.paid, .expired, .cancelled, .failed, .owed, .refunded])
    func endedOrdersIgnoreExpiryAndCancellation(_ status: OrderStatus) {
        for event in [OrderEvent.holdExpired, .cancelRequested, .paymentEndedWithoutMoney] {
            #expect(OrderStateMachine.apply(event, to: status) == OrderTransition(status: status))
        }
    }

    @Test func mismatchFlagsAndNeverPays() {
        for status in OrderStatus.allCases {
            #expect(OrderStateMachine.apply(.paymentMismatch("amount"), to: status)
                == OrderTransition(status: status, effects: [.flagMismatch("amount")]))
        }
    }

    @Test func calendarRefusalCancelsUnpaidAndOwesPaid() {
        #expect(OrderStateMachine.apply(.calendarRefused, to: .awaitingPayment)
            == OrderTransition(status: .cancelled, effects: [.markCalendarRefused, .recordEvent(DomainEventKind.orderCancelled), .unlockLines]))
        #expect(OrderStateMachine.apply(.calendarRefused, to: .paid) == OrderTransition(status: .owed, effects: [.markCalendarRefused]))
        #expect(OrderStateMachine.apply(.calendarRefused, to: .owed, calendarRefused: true) == OrderTransition(status: .owed))
    }

    @Test func readScheduleFollowsContract() {
        let created = Date(timeIntervalSince1970: 1_000_000)
        let minutes = [0.0, 1, 3, 10, 30, 60, 120].map { created.addingTimeInterval($0 * 60) }
        let next = minutes.map { ReadSchedule.next(after: $0, created: created).timeIntervalSince(created) / 60 }
        #expect(next == [1, 3, 10, 30, 60, 120, 180])
    }
}
