import Commerce
import Storage

/// Model of the sandbox payment page.
struct SandboxPayModel {
    let id: String
    let description: String
    let amount: String
    let status: String
    /// Whether Pay and Decline are offered (open and not deactivated).
    let open: Bool
    let paid: Bool
    let csrf: String?
    let redirectURL: String

    init(record: SandboxCheckoutRecord, status: ProviderCheckoutStatus, csrf: String?) {
        self.id = record.checkout.id
        self.description = record.description
        self.amount = record.checkout.amount.description
        self.status = status.rawValue
        self.open = (status == .pending || status == .failed) && !record.deactivated
        self.paid = status == .paid
        self.csrf = csrf
        self.redirectURL = record.redirectURL
    }
}
