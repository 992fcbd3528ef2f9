import ArgumentParser
import Foundation
import Outbox
import Storage

/// `deliveries [--state S] [--host H] [--order ID]`, `deliveries retry ID`,
/// `deliveries retry --host H` (contract §2): the delivery ledger.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "The delivery ledger: where each activity stands for each inbox.",
        subcommands: [List.self, Retry.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List deliveries (newest first); with --order, whether each recipient got OrderPaid and why not.")
        @Option(help: "Only this state: \(DeliveryState.allCases.map(\.rawValue).joined(separator: ", "))") var state: String?
        @Option(help: "Only this host (host[:port])") var host: String?
        @Option(help: "Only this order's activities (its id)") var order: String?
        @Option(help: "At most this many rows") var limit: Int = 100
        @OptionGroup var ledger: LedgerOption

        func run() async throws {
            let state = try state.map { raw in
                guard let state = DeliveryState(rawValue: raw) else {
                    throw ValidationError("--state must be one of \(DeliveryState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let orderID = try order.map { raw in
                guard let id = UUID(uuidString: raw) else { throw ValidationError("--order takes an order id (a UUID)") }
                return id
            }
            let filter = DeliveryFilter(state: state, host: host, orderID: orderID, limit: limit)
            try await OneLineErrors.run { print(try await listing(filter), terminator: "") }
        }

        /// The table, or the order's report, and the host's health when `--host` names a troubled one.
        private func listing(_ filter: DeliveryFilter) async throws -> String {
            try await ledger.withStore { store in
                let rows = try await store.deliveries(filter)
                let now = Date()
                var text = filter.orderID.map { DeliveryListing.order($0, deliveries: rows, now: now) }
                    ?? DeliveryListing.table(rows, now: now)
                if let host = filter.host, let health = try await store.troubledHosts().first(where: { $0.host == host }) {
                    text += DeliveryListing.host(health, now: now)
                }
                return text
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a failed or dead delivery (or every one to a host) due now, with fresh attempts.")
        @Argument(help: "The delivery's id (from `cart-actor deliveries`)") var id: String?
        @Option(help: "Retry every failed or dead delivery to this host and clear its unavailable mark") var host: String?
        @OptionGroup var ledger: LedgerOption

        func validate() throws {
            guard (id == nil) != (host == nil) else { throw ValidationError("give either a delivery ID or --host H") }
        }

        func run() async throws {
            try await OneLineErrors.run { try await retry() }
        }

        private func retry() async throws {
            if let host {
                let count = try await ledger.withStore { try await $0.retry(host: host, now: Date()) }
                print("\(count) deliveries to \(host.lowercased()) are due now; the host is no longer marked unavailable")
                return
            }
            guard let raw = id, let deliveryID = UUID(uuidString: raw) else {
                throw ValidationError("the delivery ID is a UUID as `cart-actor deliveries` prints it")
            }
            let changed = try await ledger.withStore { try await $0.retry(delivery: deliveryID, now: Date()) }
            guard changed else {
                throw LedgerCommandError("no failed or dead delivery \(raw.lowercased()); list them with `cart-actor deliveries --state dead`")
            }
            print("delivery \(raw.lowercased()) is due now (with any later activities of its order to the same inbox)")
        }
    }
}
