import Foundation

/// When and where a response redirects: only GET and HEAD follow, only 301/302/303/307/308 with
/// a `Location`; credentials are dropped when the origin changes. Other methods get the 3xx back.
enum RedirectRule {
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// The next request, or `nil` when `response` is returned as is.
    static func follow(_ response: OutboundResponse, of request: OutboundRequest) -> OutboundRequest? {
        let method = request.method.uppercased()
        guard method == "GET" || method == "HEAD", statuses.contains(response.status),
              let location = response.header("Location"),
              let target = URL(string: location, relativeTo: request.url)?.absoluteURL
        else { return nil }
        var next = request
        next.url = target
        if URLOrigin(target) != URLOrigin(request.url) {
            let sensitive: Set<String> = ["authorization", "cookie", "proxy-authorization"]
            next.headers.removeAll { sensitive.contains($0.0.lowercased()) }
        }
        next.headers.removeAll { $0.0.lowercased() == "host" }
        return next
    }
}
