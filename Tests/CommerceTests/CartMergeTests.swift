import Commerce
import Foundation
import Testing

@Suite("Cart merge at login")
struct CartMergeTests {
    static let gbp = Currency(code: "GBP")!
    static let page = IRI("https://blog.example/pages/market-day")!
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func product(_ n: Int, quantity: Int) -> CartLine {
        CartLine(item: .product(IRI("https://market.example/products/\(n)")!), pageIRI: page, name: "P\(n)",
                 unitPrice: Money(100, gbp), quantity: quantity, addedAt: start)
    }

    static func entry(_ n: Int) -> CartLine {
        CartLine(item: .entry(IRI("https://calendar.example/entries/\(n)")!), pageIRI: page, name: "E\(n)",
                 unitPrice: Money(1200, gbp), quantity: 1, addedAt: start)
    }

    static func ticket(_ n: Int, quantity: Int) -> CartLine {
        CartLine(item: .ticket(IRI("https://calendar.example/tickets/\(n)")!, entry: IRI("https://calendar.example/entries/\(n)")!),
                 pageIRI: page, name: "T\(n)", unitPrice: Money(500, gbp), quantity: quantity, addedAt: start)
    }

    @Test func sameProductQuantitiesAreSummed() {
        let target = Self.product(1, quantity: 2)
        let outcome = CartMerge.merge(into: [target], from: [Self.product(1, quantity: 3)])
        #expect(outcome.updated.map(\.quantity) == [5])
        #expect(outcome.updated.first?.id == target.id)
        #expect(outcome.inserted.isEmpty && outcome.dropped.isEmpty)
    }

    @Test func summedQuantityIsCappedAt99() {
        let outcome = CartMerge.merge(into: [Self.product(1, quantity: 60)], from: [Self.product(1, quantity: 60)])
        #expect(outcome.updated.map(\.quantity) == [99])
    }

    @Test func alreadyAtCapChangesNothing() {
        let outcome = CartMerge.merge(into: [Self.product(1, quantity: 99)], from: [Self.product(1, quantity: 5)])
        #expect(outcome.updated.isEmpty && outcome.inserted.isEmpty && outcome.dropped.isEmpty)
    }

    @Test func sameEntryIsKeptOnce() {
        let outcome = CartMerge.merge(into: [Self.entry(31)], from: [Self.entry(31)])
        #expect(outcome.updated.isEmpty && outcome.inserted.isEmpty)
    }

    @Test func ticketQuantitiesAreSummed() {
        let outcome = CartMerge.merge(into: [Self.ticket(4, quantity: 2)], from: [Self.ticket(4, quantity: 1)])
        #expect(outcome.updated.map(\.quantity) == [3])
    }

    @Test func newLinesAreInsertedInOrderWithTheirIDs() {
        let source = [Self.product(2, quantity: 1), Self.entry(31), Self.ticket(4, quantity: 2)]
        let outcome = CartMerge.merge(into: [Self.product(1, quantity: 1)], from: source)
        #expect(outcome.inserted == source)
        #expect(outcome.updated.isEmpty)
    }

    @Test func duplicateLinesInSourceAreFoldedIntoOneInsert() {
        let outcome = CartMerge.merge(into: [], from: [Self.product(2, quantity: 50), Self.product(2, quantity: 70)])
        #expect(outcome.inserted.count == 1)
        #expect(outcome.inserted.first?.quantity == 99)
    }

    @Test func linesBeyondTheLimitAreDropped() {
        let target = (0..<99).map { Self.product($0, quantity: 1) }
        let source = [Self.product(500, quantity: 1), Self.product(501, quantity: 1), Self.product(0, quantity: 1)]
        let outcome = CartMerge.merge(into: target, from: source)
        #expect(outcome.inserted.map(\.item) == [source[0].item])
        #expect(outcome.dropped.map(\.item) == [source[1].item])
        #expect(outcome.updated.map(\.quantity) == [2])
    }

    @Test func emptySourceChangesNothing() {
        let outcome = CartMerge.merge(into: [Self.product(1, quantity: 1)], from: [])
        #expect(outcome.updated.isEmpty && outcome.inserted.isEmpty && outcome.dropped.isEmpty)
    }
}
