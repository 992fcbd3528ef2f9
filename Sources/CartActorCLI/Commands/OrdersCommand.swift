import ArgumentParser
import Commerce
import Foundation
import Outbox

/// `orders list|show|recheck|refund`: the operators' view of orders and money.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Orders and their payments, as operators see them.",
        subcommands: [List.self, Show.self, Recheck.self, RefundOrder.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List orders, newest first.")
        @Option(help: "Only this page's orders (its slug)") var page: String?
        @Option(help: "Only orders in this state (\(OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")))") var state: String?
        @Option(help: "At most this many") var limit = 100
        @OptionGroup var options: ServiceOptions

        func validate() throws {
            if let state, OrderStatus(rawValue: state) == nil {
                throw ValidationError("--state must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1-10000") }
        }

        func run() async throws {
            try await OneLineErrors.run {
                try await OrdersCommandContext.with(options) { orders, catalog, _, _ in
                    var pageIRI: IRI?
                    if let page {
                        guard let found = try await catalog.page(slug: page) else {
                            throw ValidationError("no page \(page); see `cart-actor pages list`")
                        }
                        pageIRI = found.iri
                    }
                    let found = try await orders.orders(page: pageIRI, status: state.flatMap(OrderStatus.init(rawValue:)), limit: limit)
                    if found.isEmpty { print("no orders") }
                    for details in found { print(OrderText.row(details)) }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one order: items, payment attempts with SumUp's status, refunds, deliveries per recipient.")
        @Argument(help: "The order's id (a UUID)") var id: String
        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let orderID = try OrderText.parseID(id)
            try await OneLineErrors.run {
                try await OrdersCommandContext.with(options) { orders, _, baseURL, ledger in
                    guard let details = try await orders.order(id: orderID, access: .operator) else {
                        throw ValidationError("no order \(id)")
                    }
                    let deliveries = try await ledger.deliveries(DeliveryFilter(orderID: orderID, limit: 1000))
                    print(OrderText.detail(details, baseURL: baseURL))
                    print(OrderText.deliveries(deliveries))
                }
            }
        }
    }

    struct Recheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the order's payment from the provider now and apply what it says.",
            discussion: "The same reconcile as the webhook, the return page and the sweeper; safe to repeat.")
        @Argument(help: "The order's id (a UUID)") var id: String
        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let orderID = try OrderText.parseID(id)
            try await OneLineErrors.run {
                try await OrdersCommandContext.with(options) { orders, _, _, _ in
                    guard try await orders.order(id: orderID, access: .operator) != nil else {
                        throw ValidationError("no order \(id)")
                    }
                    let status = try await orders.reconcile(orderID: orderID, trigger: .operator)
                    print("order \(orderID.uuidString.lowercased()): \(status.rawValue)")
                }
            }
        }
    }
}
