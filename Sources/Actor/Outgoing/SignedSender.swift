import Foundation
import Logging
import Transport

/// Signs each request at send time with the actor's current key and double-knocks (contract §3):
/// the first knock uses the scheme remembered for the origin, else draft-cavage; a 401 or 400
/// gets one more knock with the other scheme; a scheme that got a 2xx is remembered per origin.
/// It is an `HTTPTransport` itself, so key fetches and deliveries can both go through it.
public struct SignedSender: HTTPTransport {
    private let transport: any HTTPTransport
    private let memory: any SignatureSchemeMemory
    private let keyID: @Sendable () -> String
    private let key: @Sendable () -> SigningKey
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// A sender over `transport`; `keyID` and `key` are read at every send so rotation applies
    /// at once; `now` is the clock for `Date`/`created`.
    public init(
        transport: any HTTPTransport, memory: any SignatureSchemeMemory,
        keyID: @escaping @Sendable () -> String, key: @escaping @Sendable () -> SigningKey,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "cart-actor.signed-sender")
    ) {
        self.transport = transport
        self.memory = memory
        self.keyID = keyID
        self.key = key
        self.now = now
        self.logger = logger
    }

    /// Sends `request` signed, knocking a second time with the other scheme on 401/400.
    public func send(_ request: OutboundRequest) async throws(TransportError) -> OutboundResponse {
        let origin = URLOrigin(request.url)?.description ?? request.url.absoluteString
        let remembered = await rememberedScheme(origin)
        let first = remembered ?? .cavage
        let response = try await transport.send(try signed(request, scheme: first))
        if (200..<300).contains(response.status) {
            if remembered != first { await remember(first, origin) }
            return response
        }
        guard response.status == 401 || response.status == 400 else { return response }
        let second: SignatureScheme = first == .cavage ? .rfc9421 : .cavage
        logger.debug("second knock", metadata: ["origin": "\(origin)", "scheme": "\(second.rawValue)", "firstStatus": "\(response.status)"])
        let retry = try await transport.send(try signed(request, scheme: second))
        if (200..<300).contains(retry.status) { await remember(second, origin) }
        return retry
    }

    /// `request` with the signature headers of `scheme` (replacing any of the same names).
    private func signed(_ request: OutboundRequest, scheme: SignatureScheme) throws(TransportError) -> OutboundRequest {
        let signable = SignableRequest(method: request.method, url: request.url, headers: request.headers, body: request.body)
        let added: [(name: String, value: String)]
        do {
            added = try HTTPSigner.sign(signable, scheme: scheme, keyID: keyID(), key: key(), now: now())
        } catch {
            throw TransportError(.network("could not sign the request: \(error)"), url: request.url.absoluteString)
        }
        var result = request
        let names = Set(added.map { $0.name.lowercased() })
        result.headers.removeAll { names.contains($0.0.lowercased()) }
        result.headers.append(contentsOf: added.map { ($0.name, $0.value) })
        return result
    }

    /// The remembered scheme, or `nil` (none, unknown raw value, or the memory failed).
    private func rememberedScheme(_ origin: String) async -> SignatureScheme? {
        do {
            return try await memory.scheme(forOrigin: origin).flatMap(SignatureScheme.init(rawValue:))
        } catch {
            logger.warning("signature scheme memory read failed", metadata: ["origin": "\(origin)", "error": "\(error)"])
            return nil
        }
    }

    private func remember(_ scheme: SignatureScheme, _ origin: String) async {
        do {
            try await memory.remember(scheme: scheme.rawValue, forOrigin: origin)
        } catch {
            logger.warning("signature scheme memory write failed", metadata: ["origin": "\(origin)", "error": "\(error)"])
        }
    }
}
