import Commerce
import Hummingbird
import NIOCore

/// Turns refusals into pages: `PageError`, `CartError` and `CatalogError` become 400/404 pages
/// with their description; Hummingbird's HTTP errors become pages for browsers; anything else
/// is a bare 500 and a log line carrying the request id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views
    let signInEnabled: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return page(error, context: context)
        } catch let error as CartError {
            return page(Self.pageError(for: error), context: context)
        } catch let error as CatalogError {
            let status: HTTPResponse.Status = if case .unknownPage = error { .notFound } else { .badRequest }
            return page(PageError(status: status, title: status == .notFound ? "Not found" : "That did not work",
                                  message: error.description), context: context)
        } catch is NIOTooManyBytesError {
            return page(PageError(status: .contentTooLarge, title: "Request too large", message: "Send less and try again."), context: context)
        } catch let error as any HTTPResponseError {
            guard Self.wantsHTML(request) else { throw error }
            let message = error.status == .notFound
                ? "There is nothing at this address. Check the link, or go back to the shop."
                : "The request could not be handled (\(error.status.code) \(error.status.reasonPhrase)). Go back and try again."
            return page(PageError(status: error.status, title: error.status.reasonPhrase, message: message), context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Internal error (request \(context.id)). Try again later.\n")))
        }
    }

    /// Status and wording for a cart refusal: missing things are 404, the rest 400.
    static func pageError(for error: CartError) -> PageError {
        switch error {
        case .unknownLine, .unknownHandle:
            PageError(status: .notFound, title: "Not in your cart", message: error.description, link: PageLink(href: "/cart", label: "Back to your cart"))
        default:
            PageError(status: .badRequest, title: "That did not work", message: error.description, link: PageLink(href: "/cart", label: "Back to your cart"))
        }
    }

    private func page(_ error: PageError, context: Context) -> Response {
        // A plain nav: error pages read nothing more (the next normal page shows count and sign-out).
        let nav = NavModel(signInEnabled: signInEnabled && context.session?.user == nil)
        var response = views.page(.message, title: error.title,
                                  model: MessageModel(title: error.title, message: error.message, link: error.link),
                                  nav: nav, status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }

    private static func wantsHTML(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return true }
        return accept.contains("text/html") || accept.contains("*/*")
    }
}
