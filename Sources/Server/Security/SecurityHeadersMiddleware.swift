import Hummingbird

/// Headers every response carries: no MIME sniffing, and pages that other sites cannot frame
/// (fragments excepted: siblings embed them).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if !request.uri.path.hasPrefix("/fragments/") && response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[.contentSecurityPolicy] = "frame-ancestors 'none'"
        }
        if response.headers[.referrerPolicy] == nil { response.headers[.referrerPolicy] = "same-origin" }
        return response
    }
}
