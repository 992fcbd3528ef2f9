import Foundation

/// Why a reconcile (or sweep step) could not finish; the order is unchanged and stays due.
public enum ReconcileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No order with this id.
    case unknownOrder(UUID)
    /// The order's page is gone or has no payment credentials, so the provider cannot be read.
    case noCredentials(pageSlug: String)
    /// The provider failed; retry later.
    case provider(PaymentProviderError)

    /// One line for logs and operators.
    public var description: String {
        switch self {
        case let .unknownOrder(id): "no order \(id.uuidString.lowercased())"
        case let .noCredentials(slug): "page \(slug) has no payment credentials; run `pages set` to add them"
        case let .provider(error): error.description
        }
    }
}
