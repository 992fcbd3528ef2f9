import Commerce
import Logging
import ServiceLifecycle

/// Runs `OrderService.sweep()` at start and then every `interval` seconds until graceful
/// shutdown: re-reads due payment attempts (lost webhooks, late payments) and expires unpaid
/// holds. A failed sweep is logged and tried again next time; the service never stops on errors.
struct PaymentSweeperService: Service {
    let orders: OrderService
    let interval: Double
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: interval) { await sweepOnce() }
    }

    /// One pass; returns its report (nil when the sweep failed). Visible to the module for tests.
    @discardableResult
    func sweepOnce() async -> SweepReport? {
        do {
            let report = try await orders.sweep()
            if report.reread + report.expired + report.moneyFound + report.failures + report.refundsRechecked > 0 {
                logger.info("payment sweep", metadata: ["reread": "\(report.reread)", "expired": "\(report.expired)",
                                                        "moneyFound": "\(report.moneyFound)", "failures": "\(report.failures)",
                                                        "refundsRechecked": "\(report.refundsRechecked)",
                                                        "refundsSettled": "\(report.refundsSettled)"])
            }
            return report
        } catch {
            logger.error("payment sweep failed; will retry", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
