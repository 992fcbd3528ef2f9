import Commerce
import Foundation
import Hummingbird

/// `/admin/pages`: every page with its currency, merchant and whether it can take payments,
/// and with what. Never the key: at most its last four characters.
extension AdminController {
    /// `GET /admin/pages`.
    @Sendable func pages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let setup = AdminPaymentSetup(configuration: deps.configuration)
        let model = AdminPagesModel(frame: frame, pages: try await deps.catalog.pages(), setup: setup)
        return try await render(.adminPages, title: "Pages", model: model, frame: frame, context: context,
                                returnTo: AdminPaths.pages)
    }
}
