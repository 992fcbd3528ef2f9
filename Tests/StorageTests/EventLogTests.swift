import Commerce
import Foundation
import Storage
import Testing
import TestSupport

@Suite("Domain event log")
struct EventLogTests {
    @Test(arguments: Backend.available)
    func unpublishedEventsComeOldestFirstUntilMarked(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let log = SQLEventLog(database: database)
            let base = Date(timeIntervalSince1970: 1_800_000_000)
            let events = (0..<3).map { n in
                DomainEvent(kind: "order.created", subject: "order-\(n)", payload: Array("{\"n\":\(n),\"b\":\"\u{0}\u{ff}\"}".utf8) + [0, 255],
                            occurredAt: base + Double(3 - n))
            }
            for event in events { try await log.record(event) }
            #expect(try await log.unpublished(limit: 10) == events.reversed())
            #expect(try await log.unpublished(limit: 1) == [events[2]])

            try await log.markPublished(ids: [events[2].id, events[0].id, UUID()])
            #expect(try await log.unpublished(limit: 10) == [events[1]])
            try await log.markPublished(ids: [])
            await #expect(throws: CommerceStoreError.self, "an event id is recorded once") { try await log.record(events[1]) }
        }
    }
}
