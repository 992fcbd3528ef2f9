import NIOCore
import NIOHTTP1
import Transport

/// `bench inbox`'s requests: the pre-signed activities, each sent once, in order, by whichever
/// connection is free next. Heads and bodies are built before the clock starts.
struct InboxRequestSource: LoadSource {
    private let requests: [LoadRequest]
    private var next = 0

    init(_ signed: [OutboundRequest], path: String) {
        requests = signed.map { request in
            let body = request.body ?? []
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
            for (name, value) in request.headers { head.headers.add(name: name, value: value) }
            head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
            return LoadRequest(head: head, body: ByteBuffer(bytes: body))
        }
    }

    mutating func request(connection: Int, index: Int) -> LoadRequest? {
        guard next < requests.count else { return nil }
        defer { next += 1 }
        return requests[next]
    }
}
