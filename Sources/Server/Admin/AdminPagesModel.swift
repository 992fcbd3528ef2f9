import Commerce
import Foundation

/// Model of the pages page.
struct AdminPagesModel {
    struct Row {
        let slug: String
        let title: String
        let iri: String
        let currency: String
        let merchant: String?
        let credentialsSet: Bool
        let credentials: String
        let ordersQuery: String
    }

    let frame: AdminFrame
    let pages: [Row]
    let hasPages: Bool

    init(frame: AdminFrame, pages: [Page], setup: AdminPaymentSetup) {
        self.frame = frame
        self.pages = pages.map { page in
            let credentials = setup.credentials(of: page)
            return Row(slug: page.slug, title: page.title, iri: page.iri.value, currency: page.currency.code,
                       merchant: page.sumupMerchantCode, credentialsSet: credentials.set, credentials: credentials.text,
                       ordersQuery: AdminPaths.query(page.slug))
        }
        hasPages = !pages.isEmpty
    }
}
