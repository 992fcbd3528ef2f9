import ActorIdentity
import Hummingbird

/// Responses of the federation endpoints.
enum FederationResponse {
    /// An actor or key document as `application/activity+json`; `Vary: Accept` because the same
    /// URL answers HTML to browsers.
    static func activity(_ document: JSONValue) -> Response {
        var response = json(document, contentType: ActivityMediaType.activityJSON, public: false)
        response.headers[.vary] = "Accept"
        return response
    }

    /// `document` as JSON with `contentType`. `public` adds `Access-Control-Allow-Origin: *`:
    /// discovery documents are world-readable and browser clients look them up (RFC 7033 §5).
    static func json(_ document: JSONValue, contentType: String, public: Bool) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if `public` { headers[.accessControlAllowOrigin] = "*" }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.serializedBytes())))
    }

    /// An HTML page for a browser, with `Vary: Accept`.
    static func html(_ page: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// 404 with a one-line plain-text reason.
    static func notFound(_ message: String) -> Response {
        Response(
            status: .notFound,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
