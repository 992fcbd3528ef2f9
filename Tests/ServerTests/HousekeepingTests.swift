import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
@testable import Server
import Storage
import Testing
import TestSupport

/// A clock the test moves by hand.
final class ManualClock: WallClock {
    private let box: NIOLockedValueBox<Date>
    init(_ start: Date) { box = NIOLockedValueBox(start) }
    func now() -> Date { box.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { box.withLockedValue { $0 += seconds } }
}

@Suite("Housekeeping")
struct HousekeepingTests {
    @Test(arguments: Backend.available)
    func idleSessionsAndAnonymousCartsAreDeleted(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let clock = ManualClock(Date())
            var configuration = TestApp.configuration()
            configuration.limits.sessionCacheSeconds = 0
            let idle = configuration.limits.sessionIdleSeconds
            let app = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger, clock: clock)
            let sessions = SQLSessionStore(database: database)
            let carts = CartService(store: SQLCommerceStore(database: database), clock: clock)
            try await app.test(.router) { client in
                var browser = Browser(client)
                #expect(try await browser.addOatMilk().status == .seeOther)
                clock.advance(31 * 86_400)
                let sweeper = HousekeepingService(carts: carts, sessions: sessions, interval: 3_600,
                                                  sessionIdleSeconds: idle,
                                                  clock: clock, logger: TestApp.logger)
                await sweeper.sweep()
                let count = try await database.read { sql in
                    try await sql.raw("SELECT COUNT(*) AS n FROM browser_sessions").first()?.decode(column: "n", as: Int.self) ?? -1
                }
                #expect(count == 0)
                let cartCount = try await database.read { sql in
                    try await sql.raw("SELECT COUNT(*) AS n FROM carts").first()?.decode(column: "n", as: Int.self) ?? -1
                }
                #expect(cartCount == 0)
                #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
            }
        }
    }
}
