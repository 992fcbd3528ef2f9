import Foundation
import AsyncHTTPClient
import Logging
import NIOCore

extension GuardedTransport {
    /// The exchange on one AHC client, errors mapped to `TransportError`.
    static func exchange(
        _ request: OutboundRequest, client: HTTPClient, deadline: NIODeadline, logger: Logger
    ) async -> Result<OutboundResponse, TransportError> {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method.uppercased())
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(outgoing, deadline: deadline, logger: logger)
            if let length = response.headers.first(name: "content-length").flatMap(Int.init),
               length > request.maxResponseBytes {
                throw NIOTooManyBytesError(maxBytes: request.maxResponseBytes)
            }
            let body = try await response.body.collect(upTo: request.maxResponseBytes)
            return .success(OutboundResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(buffer: body),
                url: request.url))
        } catch {
            return .failure(TransportError(ErrorMapping.reason(for: error, limit: request.maxResponseBytes),
                                           url: request.url.absoluteString))
        }
    }
}

extension Duration {
    /// The same span as a NIO `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
