import Foundation
import Transport

/// Why a remote actor's endpoints could not be learnt.
public struct ActorDirectoryError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Reason: Sendable {
        /// The request failed (network, refused address, timeout).
        case transport(TransportError)
        /// The server answered with a non-2xx status.
        case status(Int)
        /// The body is not an actor document with an http(s) `inbox` and the requested `id`.
        case invalidDocument(String)
    }

    /// The actor being looked up.
    public var actor: String
    /// What went wrong.
    public var reason: Reason

    /// An error for `actor`.
    public init(actor: String, reason: Reason) {
        self.actor = actor
        self.reason = reason
    }

    /// One line for logs and `deliveries`.
    public var description: String {
        switch reason {
        case .transport(let error): "could not fetch actor \(actor): \(error)"
        case .status(let status): "actor \(actor) answered HTTP \(status) to a fetch"
        case .invalidDocument(let why): "actor document of \(actor) is unusable: \(why)"
        }
    }
}
