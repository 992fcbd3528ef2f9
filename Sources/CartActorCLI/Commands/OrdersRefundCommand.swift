import ArgumentParser
import Commerce
import Foundation

extension OrdersCommand {
    /// `orders refund ID [--amount MINOR]`: gives money back through the order's payment provider.
    struct RefundOrder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refund",
            abstract: "Give an order's money back, in full or in part (paid and owed orders).",
            discussion: """
                The refund is recorded before SumUp is called and its answer after. Exit status: 0 refunded; \
                1 refused (nothing moved; the line says why); 3 outcome unknown (SumUp's answer was lost): the \
                refund is recorded and the sweeper of a running `serve` settles it by reading the transaction. \
                Do not refund again then; watch it with `cart-actor orders show ID`.
                """)
        @Argument(help: "The order's id (a UUID)") var id: String
        @Option(help: "Amount in minor units (pence, cents); default: everything still refundable") var amount: Int64?
        @Option(name: .customLong("by"), help: "Who asks, kept with the refund (default: cli:$USER)") var requestedBy: String?
        @OptionGroup var options: ServiceOptions

        /// Exit status when the refund is recorded but its outcome is not known yet.
        static let outcomeUnknown = ExitCode(3)

        func validate() throws {
            if let amount, amount <= 0 { throw ValidationError("--amount is in minor units (350 = 3.50) and must be above zero") }
        }

        func run() async throws {
            let orderID = try OrderText.parseID(id)
            let who = requestedBy ?? "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")
            let amount = amount
            try await OneLineErrors.run {
                try await OrdersCommandContext.with(options) { orders, _, _, _ in
                    guard let details = try await orders.order(id: orderID, access: .operator) else {
                        throw ValidationError("no order \(orderID.uuidString.lowercased()); see `cart-actor orders list`")
                    }
                    let money = amount.map { Money($0, details.snapshot.total.currency) }
                    let refund: RefundRecord
                    do {
                        refund = try await orders.refund(orderID: orderID, amount: money, requestedBy: who)
                    } catch let error as RefundError {
                        guard case .providerUnreachable = error else { throw RefundCommandError(error: error) }
                        FileHandle.standardError.write(Data("cart-actor: \(error.message)\n".utf8))
                        throw Self.outcomeUnknown
                    }
                    let after = try await orders.order(id: orderID, access: .operator)
                    print(OrderText.refunded(refund, order: after ?? details))
                }
            }
        }
    }
}

/// A refused refund, printed as its one-line message (exit status 1).
struct RefundCommandError: Error, CustomStringConvertible {
    /// Why.
    let error: RefundError
    /// The message, saying what to do next.
    var description: String { error.message }
}
