import AsyncHTTPClient
import Foundation
import NIOCore

/// A minimal browser for live tests: keeps cookies, sends `Origin` on posts, never follows redirects.
final class Browser {
    let baseURL: String
    private(set) var cookies: [String: String] = [:]
    /// One client for the whole test run, never shut down (like `HTTPClient.shared`), so a test
    /// that stops early cannot trip AsyncHTTPClient's "not shut down" check.
    private static let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                           configuration: .init(redirectConfiguration: .disallow))
    private var client: HTTPClient { Self.client }

    init(baseURL: String) { self.baseURL = baseURL }


    /// A page's status, `Location` and body.
    struct Page {
        var status: Int
        var location: String?
        var body: String
    }

    func get(_ path: String) async throws -> Page {
        try await send(HTTPClientRequest(url: baseURL + path))
    }

    func post(_ path: String, form: [(String, String)], origin: String? = nil) async throws -> Page {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Origin", value: origin ?? baseURL)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: Self.encode(form)))
        return try await send(request)
    }

    /// Replaces the cookie jar (to act as another tab holding an old cookie).
    func setCookies(_ jar: [String: String]) { cookies = jar }

    private func send(_ request: HTTPClientRequest) async throws -> Page {
        var request = request
        if !cookies.isEmpty {
            request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await client.execute(request, timeout: .seconds(10))
        for header in response.headers["Set-Cookie"] {
            guard let pair = header.split(separator: ";").first, let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[pair.index(after: eq)...])
            let expired = header.lowercased().contains("max-age=0") || value.isEmpty
            if expired { cookies[name] = nil } else { cookies[name] = value }
        }
        let body = try await response.body.collect(upTo: 4 << 20)
        return Page(status: Int(response.status.code), location: response.headers.first(name: "Location"),
                    body: String(buffer: body))
    }

    /// The first capture of `pattern` in `text`.
    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
    }
}
