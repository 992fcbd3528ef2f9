import ActorIdentity
import Hummingbird

extension AuthorisedReaders {
    /// The request as the verifier needs it: the raw request target, and `Host` put back (HTTP/1's
    /// `Host` arrives as the authority, not among the header fields). GETs carry no body.
    static func received(_ request: Request) -> ReceivedRequest {
        var headers: [(String, String)] = request.headers.map { ($0.name.rawName, $0.value) }
        let hasHost = headers.contains { $0.0.caseInsensitiveCompare("host") == .orderedSame }
        if !hasHost, let authority = request.head.authority { headers.insert(("Host", authority), at: 0) }
        return ReceivedRequest(method: request.method.rawValue, path: request.head.path ?? request.uri.string, headers: headers)
    }
}
