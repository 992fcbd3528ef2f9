import Commerce
import Foundation
import Transport

/// One answer from SumUp, before interpretation.
struct SumUpAnswer: Sendable {
    var status: Int
    var body: [UInt8]
    var path: String

    /// The body as JSON, or `.malformed`.
    func json() throws(PaymentProviderError) -> WireJSON {
        do {
            return try WireJSON.parse(body)
        } catch {
            throw .malformed("\(path): \(error)")
        }
    }

    /// The error an unexpected status stands for: 5xx and 429 are `.unavailable` (retry later),
    /// 404 `.notFound`, other statuses `.rejected` with SumUp's message.
    func failure() -> PaymentProviderError {
        switch status {
        case 404: return .notFound
        case 429, 500...599: return .unavailable("SumUp answered \(status) to \(path)")
        default: return .rejected(status: status, message: message)
        }
    }

    /// SumUp's error text (`message`, `detail`, `error_message` or `title`), else the status.
    var message: String {
        let json = try? WireJSON.parse(body)
        for key in ["message", "detail", "error_message", "title"] {
            if let text = json?[key]?.stringValue, !text.isEmpty { return String(text.prefix(300)) }
        }
        return "HTTP \(status)"
    }
}

extension SumUpProvider {
    /// Sends one request with the bearer key and a deadline; transport failures and the
    /// deadline become `.unavailable`.
    func exchange(_ method: String, path: String, body: WireJSON? = nil,
                  credentials: PaymentCredentials) async throws(PaymentProviderError) -> SumUpAnswer {
        guard let url = URL(string: apiBase + path) else { throw .unavailable("bad SumUp API base \(apiBase)") }
        var headers = [("Authorization", "Bearer " + credentials.apiKey), ("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let request = OutboundRequest(method: method, url: url, headers: headers, body: body?.serializedBytes(),
                                      maxResponseBytes: 1 << 20)
        let started = ContinuousClock.now
        let result = await send(request)
        let elapsed = ContinuousClock.now - started
        switch result {
        case .success(let response):
            logger.debug("sumup answered", metadata: ["method": "\(method)", "path": "\(Self.logPath(path))",
                                                      "status": "\(response.status)", "elapsed": "\(elapsed)"])
            return SumUpAnswer(status: response.status, body: response.body, path: "\(method) \(Self.logPath(path))")
        case .failure(let error):
            logger.warning("sumup unreachable", metadata: ["method": "\(method)", "path": "\(Self.logPath(path))",
                                                           "reason": "\(error)"])
            throw error
        }
    }

    /// Races the transport against `timeout`.
    private func send(_ request: OutboundRequest) async -> Result<OutboundResponse, PaymentProviderError> {
        let transport = transport
        let timeout = timeout
        return await withTaskGroup(of: Result<OutboundResponse, PaymentProviderError>?.self) { group in
            group.addTask {
                do {
                    return .success(try await transport.send(request))
                } catch {
                    return .failure(.unavailable("\(error)"))
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil  // cancelled: the exchange finished first
                }
                return .failure(.unavailable("no answer from SumUp within \(timeout)"))
            }
            var outcome: Result<OutboundResponse, PaymentProviderError> = .failure(.unavailable("cancelled"))
            for await result in group {
                guard let result else { continue }
                outcome = result
                break
            }
            group.cancelAll()
            return outcome
        }
    }

    /// The path without its query (references are not secret, but keep log lines short).
    static func logPath(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }
}
