import ActorIdentity
import Hummingbird

/// Responses of the collection and object routes: activity+json that varies with the signer,
/// so never stored by shared caches.
enum CollectionResponse {
    /// `document` as `application/activity+json`.
    static func document(_ document: JSONValue) -> Response {
        bytes(document.serializedBytes())
    }

    /// Ready JSON bytes as `application/activity+json`.
    static func bytes(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: ActivityMediaType.activityJSON, .vary: "Accept, Signature, Signature-Input, Authorization",
                      .cacheControl: "private, no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The same 404 for a missing object and for a reader who may not see it, so that the
    /// answer does not reveal which ids exist.
    static var notFound: Response {
        Response(
            status: .notFound,
            headers: [.contentType: "text/plain; charset=utf-8", .vary: "Accept, Signature, Signature-Input, Authorization"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found. Objects are shown to followers and peers only, with a signed GET.\n")))
    }
}
