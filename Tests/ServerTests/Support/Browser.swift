import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser over a test client: keeps cookies, sends `Origin` like a browser posting a form,
/// and remembers the last CSRF token a page carried.
struct Browser {
    let client: any TestClientProtocol
    /// Cookies by name.
    var cookies: [String: String] = [:]
    /// The last `csrf` hidden field seen on a page.
    var csrf: String?
    /// The `Origin` sent with posts (the service's own by default).
    var origin: String? = TestApp.base

    init(_ client: any TestClientProtocol) { self.client = client }

    /// GET `uri`.
    @discardableResult
    mutating func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// POST a url-encoded form; the CSRF token is added unless `csrf: false` or already given.
    @discardableResult
    mutating func post(_ uri: String, _ fields: [(String, String)] = [], csrf addToken: Bool = true,
                       headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = fields
        if addToken, let csrf, !fields.contains(where: { $0.0 == "csrf" }) { fields.append(("csrf", csrf)) }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin, headers[.origin] == nil { headers[.origin] = origin }
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: Self.encode(fields)))
    }

    /// Loads `/cart` to pick up the session's CSRF token.
    mutating func refreshToken() async throws {
        try await get("/cart")
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty, headers[.cookie] == nil {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: String(buffer: response.body)) { csrf = token }
        return response
    }

    /// The first `name="csrf" value="…"` in `html`.
    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-_.~"))
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
    /// The `Location` header.
    var location: String? { headers[.location] }
}

extension HTTPField.Name {
    /// `Referrer-Policy`, which swift-http-types does not predefine.
    static let referrerPolicyField = HTTPField.Name("Referrer-Policy")!
}
