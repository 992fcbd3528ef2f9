import Commerce
import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Deletes idle anonymous carts (30 days), idle sessions and expired token ids, at start and then
/// every `interval` seconds, until graceful shutdown. A failed sweep is logged and retried next time.
struct HousekeepingService: Service {
    let carts: CartService
    let sessions: SQLSessionStore
    let interval: Double
    let sessionIdleSeconds: Double
    let clock: any WallClock
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: interval) { await sweep() }
    }

    /// One pass; public to the module for tests.
    func sweep() async {
        do {
            let now = clock.now()
            let cartsDeleted = try await carts.expireIdleCarts()
            let sessionsDeleted = try await sessions.deleteIdle(before: now.addingTimeInterval(-sessionIdleSeconds))
            try await sessions.deleteExpiredTokenIDs(now: now)
            if cartsDeleted + sessionsDeleted > 0 {
                logger.info("housekeeping", metadata: ["carts": "\(cartsDeleted)", "sessions": "\(sessionsDeleted)"])
            }
        } catch {
            logger.error("housekeeping failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
