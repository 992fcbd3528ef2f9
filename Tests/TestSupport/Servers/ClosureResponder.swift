import HTTPTypes
import Hummingbird
import NIOCore

/// The responder of the test servers: collects the request (16 MiB cap), hands a test's closure a
/// plain `ServerRequest` (with `Host` from the authority) and sends back its `ServerResponse`.
enum ClosureResponder {
    /// A Hummingbird responder around `handler`.
    static func make(_ handler: @escaping @Sendable (ServerRequest) async -> ServerResponse) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder<BasicRequestContext> { request, _ in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            let seen = ServerRequest(
                method: request.method.rawValue, path: request.uri.description,
                headers: (request.head.authority.map { [("Host", $0)] } ?? []) + request.headers.map { ($0.name.rawName, $0.value) },
                body: Array(buffer: bytes))
            let answer = await handler(seen)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }
}
