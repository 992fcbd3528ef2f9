import Foundation

/// Reading and stopping one attempt at the provider (outside transactions).
extension OrderService {
    /// The attempt as the provider reports it now (looked up by reference when we never stored
    /// the provider's id: a 409 or a crash between the create call and our commit).
    func observe(_ attempt: PaymentAttempt, _ creds: PaymentCredentials, now: Date) async throws -> PaymentAttempt {
        var attempt = attempt
        let checkout: ProviderCheckout?
        do {
            if let id = attempt.providerCheckoutID {
                checkout = try await provider.checkout(id: id, credentials: creds)
            } else {
                checkout = try await provider.checkouts(reference: attempt.reference, credentials: creds)
                    .first { $0.reference.lowercased() == attempt.reference }
            }
        } catch .notFound {
            checkout = nil
        } catch {
            throw ReconcileError.provider(error)
        }
        attempt.lastReadAt = now
        guard let checkout else {
            // No checkout: it never existed (creation failed) unless it may still be being created.
            if attempt.providerCheckoutID != nil || attempt.state == .unconfirmed
                || now.timeIntervalSince(attempt.createdAt) > Self.creationGrace {
                attempt.state = .abandoned
            }
            return attempt
        }
        return Self.absorb(checkout, into: attempt)
    }

    /// Deactivates the attempt so it can take no money; a 409 means it was paid (read it then).
    /// Sets `unstoppable` when the provider could not be reached.
    func stop(_ attempt: PaymentAttempt, _ creds: PaymentCredentials, now: Date, unstoppable: inout Bool) async -> PaymentAttempt {
        guard let id = attempt.providerCheckoutID else {
            // A create call may still be in flight: its checkout could appear after we looked.
            if attempt.state == .creating, now.timeIntervalSince(attempt.createdAt) <= Self.creationGrace { unstoppable = true }
            return attempt
        }
        do {
            var stopped = Self.absorb(try await provider.deactivate(id: id, credentials: creds), into: attempt)
            if stopped.state != .paid { stopped.state = .deactivated }
            stopped.lastReadAt = now
            return stopped
        } catch .alreadyPaid {
            if let read = try? await provider.checkout(id: id, credentials: creds) {
                var paid = Self.absorb(read, into: attempt)
                paid.lastReadAt = now
                return paid
            }
            unstoppable = true
            return attempt
        } catch .notFound {
            var gone = attempt
            gone.state = .abandoned
            return gone
        } catch {
            unstoppable = true
            return attempt
        }
    }

    /// The attempt updated from a provider report; a report that does not match is flagged.
    static func absorb(_ checkout: ProviderCheckout, into attempt: PaymentAttempt) -> PaymentAttempt {
        var attempt = attempt
        attempt.providerCheckoutID = checkout.id
        attempt.hostedCheckoutURL = checkout.hostedCheckoutURL ?? attempt.hostedCheckoutURL
        attempt.providerStatus = checkout.status
        attempt.mismatch = mismatch(checkout, attempt)
        switch checkout.status {
        case .paid:
            attempt.state = .paid
            attempt.transactionCode = checkout.transactionCode ?? attempt.transactionCode
            attempt.transactionID = checkout.transactionID ?? attempt.transactionID
        case .expired:
            if attempt.state.mayTakeMoney { attempt.state = .expired }
        case .pending, .failed:
            // FAILED is not final: the hosted page can still take money until valid_until.
            if attempt.state == .creating || attempt.state == .unconfirmed { attempt.state = .open }
        }
        return attempt
    }

    /// Why the provider's checkout is not the attempt we made, or nil when it is.
    static func mismatch(_ checkout: ProviderCheckout, _ attempt: PaymentAttempt) -> String? {
        if checkout.reference.lowercased() != attempt.reference { return "reference \(checkout.reference) is not \(attempt.reference)" }
        if checkout.amount.currency != attempt.amount.currency {
            return "currency \(checkout.amount.currency.code) is not \(attempt.amount.currency.code)"
        }
        if checkout.amount != attempt.amount {
            return "amount \(checkout.amount.minorUnits) is not \(attempt.amount.minorUnits) minor units"
        }
        if checkout.merchantCode != attempt.merchantCode { return "merchant \(checkout.merchantCode) is not \(attempt.merchantCode)" }
        return nil
    }
}
