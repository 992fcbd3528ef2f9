import ActorIdentity
import Hummingbird
import Inbox
import NIOCore

/// `POST /inbox` (also the shared inbox): the media type and declared length are checked before
/// the body is read, the body is read up to the cap, and `InboxReceiver` answers (contract §3).
struct InboxController: Sendable {
    let receiver: InboxReceiver

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("inbox") { request, _ in await self.receive(request) }
    }

    func receive(_ request: Request) async -> Response {
        let length = request.headers[.contentLength].flatMap { Int($0) }
        if let early = receiver.precheck(contentType: request.headers[.contentType], contentLength: length) {
            return Self.response(early)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: receiver.maxBodyBytes)
        } catch {
            // Over the cap (chunked bodies have no declared length) or the client went away.
            return Self.response(InboxReceiver.tooLarge(receiver.maxBodyBytes))
        }
        var headers: [(String, String)] = request.headers.map { ($0.name.rawName, $0.value) }
        // HTTP/1's Host travels as the authority, not among the fields. Canonical names are
        // lower-case: no Foundation case-insensitive compare per header on every activity.
        if !request.headers.contains(where: { $0.name.canonicalName == "host" }), let authority = request.head.authority {
            headers.insert(("Host", authority), at: 0)
        }
        let received = ReceivedRequest(method: request.method.rawValue, path: request.head.path ?? request.uri.string,
                                       headers: headers, body: Array(buffer: body))
        return Self.response(await receiver.receive(received))
    }

    static func response(_ answer: InboxAnswer) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        if let seconds = answer.retryAfter { fields[.retryAfter] = String(seconds) }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(string: answer.message + "\n")))
    }
}
