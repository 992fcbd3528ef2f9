import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Storage

/// Demo only: the sandbox's hosted page. `GET /sandbox/pay/{checkout}` shows the amount with
/// Pay and Decline buttons; `POST` (same CSRF rules as every form) marks the checkout PAID (with
/// a transaction code and id) or FAILED, calls `onWebhook(checkoutID)` as SumUp's webhook would,
/// then answers 303 to the checkout's `redirect_url`.
struct SandboxController: Sendable {
    let deps: Dependencies
    let provider: SandboxProvider
    /// What SumUp's webhook would trigger: the app reconciles the order paying with this checkout.
    let onWebhook: @Sendable (String) async -> Void

    /// A controller for `provider`'s checkouts.
    init(deps: Dependencies, provider: SandboxProvider, onWebhook: @escaping @Sendable (String) async -> Void) {
        self.deps = deps
        self.provider = provider
        self.onWebhook = onWebhook
    }

    /// Adds `GET` and `POST /sandbox/pay/{checkout}` to the session-aware browser routes.
    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("sandbox/pay/:checkout", use: show)
        router.post("sandbox/pay/:checkout", use: act)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await record(context)
        let checkout = provider.reported(record)
        let model = SandboxPayModel(record: record, status: checkout.status,
                                    csrf: context.session.map { deps.sessions.csrfToken(of: $0) })
        let nav = try await deps.nav(context.session, returnTo: "/sandbox/pay/\(checkout.id)")
        return deps.views.page(.sandboxPay, title: "Sandbox payment", model: model, nav: nav)
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.formFields(limit: deps.formLimit)
        try deps.csrf.check(request, form: form, session: context.session)
        let record = try await record(context)
        let id = record.checkout.id
        let now = deps.clock.now()
        let changed: Bool
        switch form["action"] {
        case "pay":
            let code = "SBX" + String(SecureRandom.bytes(5).map { String(format: "%02X", $0) }.joined())
            changed = try await provider.store.pay(id: id, transactionCode: code, transactionID: UUID().uuidString.lowercased(), now: now)
        case "decline":
            changed = try await provider.store.decline(id: id, now: now)
        default:
            throw PageError.badRequest("Choose Pay or Decline.")
        }
        guard changed else {
            throw PageError(status: .conflict, title: "This payment is closed",
                            message: "This sandbox payment was already paid, cancelled or has expired. Go back to your order to see where it stands.",
                            link: PageLink(href: record.redirectURL, label: "Back to your order"))
        }
        context.logger.info("sandbox checkout answered", metadata: ["checkout": "\(id)", "action": "\(form["action"] ?? "")"])
        await onWebhook(id)
        return Dependencies.seeOther(record.redirectURL)
    }

    private func record(_ context: AppRequestContext) async throws -> SandboxCheckoutRecord {
        guard let id = context.parameters.get("checkout"), id.count <= 64,
              let record = try await provider.store.checkout(id: id) else {
            throw PageError.notFound("There is no sandbox payment at this address. Go back to your order and try again.")
        }
        return record
    }
}
